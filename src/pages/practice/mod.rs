//! The practice hub, sorted by need, and each tool at `practice/<slug>`.
//! The pages are thin: rules live in `domain::practice`, words in
//! `content/practice/`, shared pieces in `components::practice`.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::title::Title;
use crate::content::{CARE_LINK, PRACTICE_NEEDS, route_page, tool_words};
use crate::pages::not_found::NotFound;
use crate::paths::href;
use crate::routes::{HELP, PRACTICE_TOOLS};

mod activated;
mod agreement;
mod avoidant;
mod body_scan;
mod breathing;
mod reflect;
mod repair;
mod wait;

fn name_of(slug: &str) -> &'static str {
    PRACTICE_TOOLS
        .iter()
        .find(|(s, _)| *s == slug)
        .map_or("", |(_, n)| *n)
}

#[component]
pub fn Practice() -> impl IntoView {
    let words = route_page("practice");
    view! {
        // The same words as the hub's static page (content/route-pages.toml).
        <Title text=words.title />
        <h1>{words.title}</h1>
        <p class="lead">{words.lead}</p>
        <p class="care-note">{words.care}" "<a href=href(HELP)>{CARE_LINK}</a>"."</p>
        {PRACTICE_NEEDS.iter().enumerate().map(|(n, need)| {
            let id = format!("need-{n}");
            view! {
                <section class="practice-need" aria-labelledby=id.clone()>
                    <h2 id=id.clone()>{need.title}</h2>
                    <ul class="card-list tool-cards">
                        {need.tools.iter().map(|slug| view! {
                            <li class="card">
                                <a class="tool-link" href=href(&format!("practice/{slug}"))>{name_of(slug)}</a>
                                <p>{tool_words(slug).map(|w| w.summary)}</p>
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            }
        }).collect_view()}
    }
}

/// The tool named by the route, or "not found".
#[component]
pub fn PracticeTool() -> impl IntoView {
    let params = use_params_map();
    move || {
        let slug = params.read().get("tool").unwrap_or_default();
        match slug.as_str() {
            "activated" => view! { <activated::Activated /> }.into_any(),
            "breathing" => view! { <breathing::Breathing /> }.into_any(),
            "wait" => view! { <wait::Wait /> }.into_any(),
            "reframe" => view! { <reflect::Reframe /> }.into_any(),
            "trigger-log" => view! { <reflect::TriggerLog /> }.into_any(),
            "body-scan" => view! { <body_scan::BodyScan /> }.into_any(),
            "deactivation" => view! { <avoidant::Deactivation /> }.into_any(),
            "i-statement" => view! { <avoidant::IStatement /> }.into_any(),
            "opposite-action" => view! { <avoidant::OppositeAction /> }.into_any(),
            "repair" => view! { <repair::Repair /> }.into_any(),
            "couple-agreement" => view! { <agreement::CoupleAgreement /> }.into_any(),
            _ => view! { <NotFound /> }.into_any(),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_tool_slug_has_a_page() {
        let source = include_str!("mod.rs");
        for (slug, _) in crate::routes::PRACTICE_TOOLS {
            assert!(source.contains(&format!("\"{slug}\" => view!")), "{slug}");
        }
    }
}
