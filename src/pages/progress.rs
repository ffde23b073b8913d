//! Progress: the quiz trajectory of each focus, as a chart and a list, with
//! the change since the first and the last result. A result can be deleted,
//! with undo.

use leptos::prelude::*;

use crate::clock;
use crate::components::charts::TrendChart;
use crate::components::title::Title;
use crate::domain::history::{History, Movement, QuizResult};
use crate::domain::quiz::{Dimension, Focus};
use crate::paths::href;
use crate::state::use_results;

#[component]
pub fn ProgressPage() -> impl IntoView {
    let results = use_results();
    let history = results.history();
    let deleted = RwSignal::new(None::<QuizResult>);
    let delete = move |id: String| {
        if let Some(r) = results.remove(&id) {
            deleted.set(Some(r));
        }
    };
    let undo = move |_| {
        if let Some(r) = deleted.get_untracked() {
            results.restore(r);
            deleted.set(None);
        }
    };
    view! {
        <Title text="Progress" />
        <h1>"Progress"</h1>
        <p class="lead">"How your quiz scores move over time. Scores shift slowly and unevenly; a retake every few weeks shows the trend better than any one result."</p>
        <div class="undo-area" role="status">
            {move || deleted.get().map(|r| view! {
                <div class="notice">
                    <p>{format!("Deleted the result of {}.", clock::date(r.taken_at))}</p>
                    <button type="button" class="button" on:click=undo>"Undo"</button>
                </div>
            })}
        </div>
        {move || {
            let foci = history.with(History::foci);
            if foci.is_empty() {
                return view! {
                    <p>"No results yet. "<a href=href("quiz")>"Take the quiz"</a>" to see where you start; each retake adds a point."</p>
                }
                .into_any();
            }
            foci.into_iter()
                .map(|focus| view! { <FocusHistory focus delete /> })
                .collect_view()
                .into_any()
        }}
        <p class="care-line">"Self-reflection, not a diagnosis."</p>
    }
}

#[component]
fn FocusHistory(
    focus: Focus,
    delete: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let history = use_results().history();
    let results =
        move || history.with(|h| h.of_focus(focus).into_iter().cloned().collect::<Vec<_>>());
    let heading = format!("progress-{}", focus.key());
    let labelled_by = heading.clone();
    view! {
        <section class="focus-history" aria-labelledby=labelled_by>
            <h2 id=heading>{focus.label()}</h2>
            {move || {
                let list = results();
                let n_results = list.len();
                let changes = match (list.first(), list.len()) {
                    (Some(first), n) if n > 1 => {
                        let last = &list[n - 1];
                        let previous = &list[n - 2];
                        Some((Movement::between(first, last), Movement::between(previous, last), first.taken_at))
                    }
                    _ => None,
                };
                view! {
                    <TrendChart results=list.clone() label=format!("Scores {}", focus.short()) />
                    {changes.map(|(since_first, since_last, first_at)| view! {
                        <dl class="changes">
                            {Dimension::ALL.into_iter().map(|d| view! {
                                <div>
                                    <dt>{d.name()}</dt>
                                    <dd>{if n_results > 2 {
                                        format!("{} since the first result ({}), {} since the one before", since_first.get(d).signed(), clock::date(first_at), since_last.get(d).signed())
                                    } else {
                                        format!("{} since the first result ({})", since_first.get(d).signed(), clock::date(first_at))
                                    }}</dd>
                                </div>
                            }).collect_view()}
                        </dl>
                    })}
                    <ul class="result-list">
                        {list.into_iter().rev().map(|r| {
                            let id = r.id.clone();
                            let when = clock::date(r.taken_at);
                            view! {
                                <li class="result-row">
                                    <a href=href(&format!("quiz/result/{}", r.id))>{when.clone()}</a>
                                    <span>{format!("Anxiety {} · Avoidance {} · {}", r.scores.anxiety, r.scores.avoidance, r.region().name())}</span>
                                    <button type="button" class="button quiet" aria-label=format!("Delete the result of {when}") on:click=move |_| delete(id.clone())>"Delete"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
            }}
        </section>
    }
}
