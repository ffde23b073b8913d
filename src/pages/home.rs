use crate::components::title::Title;
use leptos::prelude::*;

use crate::browser::clock;
use crate::browser::paths::href;
use crate::content::QUIZ_ITEMS;
use crate::state::use_results;
use crate::views::home::{HomeHero, HomeWays};

/// "Continue where you left off": a quiz in progress and the latest result.
#[component]
fn WhereYouLeftOff() -> impl IntoView {
    let history = use_results().history();
    // Read once: a damaged value is reported by the quiz page itself.
    let in_progress = crate::state::quiz::load_in_progress()
        .ok()
        .flatten()
        .filter(|p| !p.answers.is_empty());
    move || {
        let latest = history.with(|h| h.latest().cloned());
        if in_progress.is_none() && latest.is_none() {
            return ().into_any();
        }
        let quiz = in_progress.clone().map(|p| {
            view! {
                <li class="card">
                    <h3><a href=href("quiz")>"Continue the quiz"</a></h3>
                    <p>{format!("You have answered {} of {} statements. Your answers are saved on this device.", p.answered(QUIZ_ITEMS), QUIZ_ITEMS.len())}</p>
                </li>
            }
        });
        let result = latest.map(|r| {
            view! {
                <li class="card">
                    <h3><a href=href(&format!("quiz/result/{}", r.id))>{format!("Your latest result: {}", crate::domain::report::closest_style(r.scores))}</a></h3>
                    <p>{format!("Anxiety {}, avoidance {}, on {}. ", r.scores.anxiety, r.scores.avoidance, clock::date(r.taken_at))}
                        <a href=href(&format!("report/{}", r.id))>"Your personal report"</a>
                    </p>
                </li>
            }
        });
        view! {
            <section class="cards" aria-labelledby="resume-heading">
                <h2 id="resume-heading">"Where you left off"</h2>
                <ul class="card-list two-up">{quiz}{result}</ul>
            </section>
        }
        .into_any()
    }
}

#[component]
pub fn Home() -> impl IntoView {
    view! {
        <Title text="" />
        <HomeHero />
        <WhereYouLeftOff />
        <HomeWays />
    }
}
