//! The quiz's opening: its title, what it is, the line for the reader who
//! is afraid, and the choice of relationship with Start.

use leptos::ev;
use leptos::prelude::*;

use crate::browser::paths::href;
use crate::content::{QUIZ_CARE, route_page};
use crate::domain::quiz::Focus;
use crate::views::practice::SAFE_WITH_SOMEONE;

/// The quiz's title.
#[component]
pub fn QuizHeading() -> impl IntoView {
    view! { <h1>{route_page("quiz").title}</h1> }
}

/// The intro: the lead and facts, the afraid line, then `last` (the
/// reader's last result, in the app), and the relationship choice with
/// Start. `focus` holds the chosen relationship; Start calls `on_start`.
#[component]
pub fn QuizIntro(
    focus: RwSignal<Focus>,
    on_start: impl Fn() + 'static,
    last: impl IntoView + 'static,
) -> impl IntoView {
    let words = route_page("quiz");
    view! {
        <div class="quiz-intro">
            <p class="lead">{words.lead}</p>
            <ul class="quiz-facts">
                {words.points.iter().map(|p| if p.strong.is_empty() {
                    view! { <li>{p.text}</li> }.into_any()
                } else {
                    view! { <li><strong>{p.strong}</strong>" "{p.text}</li> }.into_any()
                }).collect_view()}
            </ul>
            <AfraidLine />
            {last}
            <form class="quiz-start" on:submit=move |ev: ev::SubmitEvent| {
                ev.prevent_default();
                on_start();
            }>
                <fieldset class="choice-group">
                    <legend>"Which relationship do you want to reflect on?"</legend>
                    <p class="hint" id="focus-hint">"Each choice keeps its own history, because we can feel different with different people."</p>
                    <p class="hint" id="focus-loss">{QUIZ_CARE.loss}</p>
                    {Focus::ALL.into_iter().map(|f| view! {
                        <label class="choice">
                            <input
                                type="radio"
                                name="focus"
                                value=f.key()
                                aria-describedby="focus-hint focus-loss"
                                // The attribute for the static page, the
                                // property once the app runs.
                                checked=focus.get_untracked() == f
                                prop:checked=move || focus.get() == f
                                on:change=move |_| focus.set(f)
                            />
                            <span>{f.label()}</span>
                        </label>
                    }).collect_view()}
                </fieldset>
                <button type="submit" class="button primary">"Start the quiz"</button>
            </form>
        </div>
    }
}

/// The line for the reader who is afraid of the person they answer about:
/// on the quiz's intro and in every result's care note.
#[component]
pub fn AfraidLine() -> impl IntoView {
    view! {
        <p class="care-note safety-note afraid-line" role="note">
            {QUIZ_CARE.afraid}" "
            <a href=format!("{}#{SAFE_WITH_SOMEONE}", href("help"))>{QUIZ_CARE.afraid_link}</a>
        </p>
    }
}
