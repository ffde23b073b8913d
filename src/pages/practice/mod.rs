//! The practice hub, sorted by need, and each tool at `practice/<slug>`.
//! The pages are thin: rules live in `domain::practice`, words in
//! `content/practice/`, shared pieces in `components::practice`.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::lock::UnlockPage;
use crate::components::title::Title;
use crate::content::route_page;
use crate::pages::not_found::NotFound;
use crate::routes::Tool;
use crate::state::lock::{LockOpen, OnOpen};
use crate::views::practice::Hub;

// One file per tool, named after its slug.
mod activated;
mod body_scan;
mod breathing;
mod couple_agreement;
mod deactivation;
mod i_statement;
mod opposite_action;
mod reframe;
mod repair;
mod trigger_log;
mod wait;

/// How many feeling words show as chips before "More feelings": the first
/// ten of `content/practice/prompts.toml`, ordered for that.
pub const FIRST_FEELINGS: usize = 10;

#[component]
pub fn Practice() -> impl IntoView {
    view! {
        <Title text=route_page("practice").title />
        <Hub />
    }
}

/// The tool named by the route, or "not found".
#[component]
pub fn PracticeTool() -> impl IntoView {
    let params = use_params_map();
    let locked = use_context::<OnOpen>();
    let open = use_context::<LockOpen>();
    move || {
        let slug = params.read().get("tool").unwrap_or_default();
        // While locked only the tools for a hard moment open; the others
        // need the journal, so they ask for the passphrase.
        if let Some(OnOpen(on_open)) = locked
            && !open.is_some_and(|LockOpen(open)| open.get())
            && Tool::from_slug(&slug).is_some_and(|t| !t.in_the_moment())
        {
            return view! { <UnlockPage on_open /> }.into_any();
        }
        // Exhaustive: a new `Tool` does not compile until it has a page.
        match Tool::from_slug(&slug) {
            Some(Tool::Activated) => view! { <activated::Activated /> }.into_any(),
            Some(Tool::Breathing) => view! { <breathing::Breathing /> }.into_any(),
            Some(Tool::Wait) => view! { <wait::Wait /> }.into_any(),
            Some(Tool::Reframe) => view! { <reframe::Reframe /> }.into_any(),
            Some(Tool::TriggerLog) => view! { <trigger_log::TriggerLog /> }.into_any(),
            Some(Tool::BodyScan) => view! { <body_scan::BodyScan /> }.into_any(),
            Some(Tool::Deactivation) => view! { <deactivation::Deactivation /> }.into_any(),
            Some(Tool::IStatement) => view! { <i_statement::IStatement /> }.into_any(),
            Some(Tool::OppositeAction) => view! { <opposite_action::OppositeAction /> }.into_any(),
            Some(Tool::Repair) => view! { <repair::Repair /> }.into_any(),
            Some(Tool::CoupleAgreement) => {
                view! { <couple_agreement::CoupleAgreement /> }.into_any()
            }
            None => view! { <NotFound /> }.into_any(),
        }
    }
}
