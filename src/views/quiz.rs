//! The quiz's opening: its title, what it is, the line for the reader who
//! is afraid, and the choice of relationship with Start; and the quiz as a
//! plain page, answered before the app has loaded.

use leptos::ev;
use leptos::prelude::*;

use crate::browser::paths::href;
use crate::content::{PLAIN_QUIZ, QUIZ_CARE, QUIZ_ITEMS, SCALE_LABELS, route_page};
use crate::domain::quiz::{Answer, Focus};
use crate::views::practice::SAFE_WITH_SOMEONE;

/// The quiz's title.
#[component]
pub fn QuizHeading() -> impl IntoView {
    view! { <h1>{route_page("quiz").title}</h1> }
}

/// The intro: the lead and facts, the afraid line, then `last` (the
/// reader's last result, in the app), and the relationship choice with
/// `start`. `focus` holds the chosen relationship; submitting calls
/// `on_start` (the app's Start is a submit button, the plain page's a link
/// to the first statement).
#[component]
pub fn QuizIntro(
    focus: RwSignal<Focus>,
    on_start: impl Fn() + 'static,
    last: impl IntoView + 'static,
    start: impl IntoView + 'static,
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
                <fieldset class="choice-group" id=FOCUS_CHOICE tabindex="-1">
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
                {start}
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

/// The id of the plain page's statement at `position` (counted from 0), or
/// of the words after the last: the page steps by fragment (`quiz#statement-7`).
pub fn plain_step_id(position: usize) -> String {
    if position < QUIZ_ITEMS.len() {
        format!("statement-{}", position + 1)
    } else {
        PLAIN_END.to_string()
    }
}

/// The position a plain page's fragment stands for, if it is one of its steps.
pub fn plain_step_position(fragment: &str) -> Option<usize> {
    let fragment = fragment.strip_prefix("#").unwrap_or(fragment);
    if fragment == PLAIN_END {
        return Some(QUIZ_ITEMS.len());
    }
    let n: usize = fragment.strip_prefix("statement-")?.parse().ok()?;
    (1..=QUIZ_ITEMS.len()).contains(&n).then(|| n - 1)
}

const PLAIN_END: &str = "quiz-end";
/// The id of the relationship choice, where the first statement's Back goes.
pub const FOCUS_CHOICE: &str = "quiz-choice";
/// The radio group of a statement on the plain page: `q-` and its id.
pub const PLAIN_ANSWER_PREFIX: &str = "q-";

fn step_href(position: usize) -> String {
    format!("{}#{}", href("quiz"), plain_step_id(position))
}

/// The plain page's Start: a link to the first statement.
#[component]
pub fn PlainStart() -> impl IntoView {
    view! { <a class="button primary" href=step_href(0)>{PLAIN_QUIZ.start}</a> }
}

/// The app's Start.
#[component]
pub fn StartButton() -> impl IntoView {
    view! { <button type="submit" class="button primary">{PLAIN_QUIZ.start}</button> }
}

/// An answer's number and words, as each option shows them.
#[component]
pub fn AnswerWords(answer: Answer) -> impl IntoView {
    let n = answer.value();
    view! {
        <span class="likert-number" aria-hidden="true">{n.to_string()}</span>
        <span class="likert-label">{SCALE_LABELS[usize::from(n) - 1]}</span>
    }
}

/// Every statement as a plain page: one native radio group each, shown one
/// at a time by `:target` (`style/main.css`), stepped by links, so the quiz
/// can be answered before the app has arrived, or without JavaScript. The
/// app reads what was chosen here once, as it starts (`browser::plain_quiz`).
/// A statement names each relationship; the chosen one shows (`:has()`),
/// "someone I'm close to" where that is not supported.
#[component]
pub fn PlainQuiz() -> impl IntoView {
    let total = QUIZ_ITEMS.len();
    let steps = QUIZ_ITEMS.iter().enumerate().map(|(at, item)| {
        let count = PLAIN_QUIZ
            .count
            .replace("{n}", &(at + 1).to_string())
            .replace("{total}", &total.to_string());
        let (before, after) = item.text.split_once("{person}").unwrap_or((item.text, ""));
        let name = format!("{PLAIN_ANSWER_PREFIX}{}", item.id);
        let back = if at == 0 {
            format!("{}#{FOCUS_CHOICE}", href("quiz"))
        } else {
            step_href(at - 1)
        };
        view! {
            <fieldset class="plain-step likert" id=plain_step_id(at) tabindex="-1">
                <legend class="quiz-statement">
                    <span class="plain-count">{count}</span>" "
                    {before}
                    <span class="person">
                        {Focus::ALL.into_iter().map(|f| view! {
                            <span class=format!("person-{}", f.key())>{f.person()}</span>
                        }).collect_view()}
                    </span>
                    {after}
                </legend>
                <div class="likert-options">
                    {Answer::all().map(|a| view! {
                        <label class="likert-option">
                            <input type="radio" name=name.clone() value=a.value().to_string() />
                            <AnswerWords answer=a />
                        </label>
                    }).collect_view()}
                </div>
                <div class="quiz-nav">
                    <a class="button" href=back>{PLAIN_QUIZ.back}</a>
                    <a class="button primary" href=step_href(at + 1)>{PLAIN_QUIZ.next}</a>
                </div>
            </fieldset>
        }
    });
    view! {
        <div class="plain-quiz">
            {steps.collect_view()}
            <section class="plain-step plain-end" id=PLAIN_END tabindex="-1" aria-labelledby="quiz-end-heading">
                <h2 id="quiz-end-heading">{PLAIN_QUIZ.end_heading}</h2>
                <p>{PLAIN_QUIZ.end}</p>
                <div class="quiz-nav">
                    <a class="button" href=step_href(total - 1)>{PLAIN_QUIZ.back}</a>
                </div>
            </section>
        </div>
    }
}
