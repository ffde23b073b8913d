//! Sections whose tools are still being built: each says plainly what will
//! live there, so nobody is left guessing.

use leptos::prelude::*;

use leptos_router::hooks::use_params_map;

use crate::components::title::Title;
use crate::pages::not_found::NotFound;
use crate::paths::href;
use crate::routes::PRACTICE_TOOLS;

#[component]
fn SectionIntro(title: &'static str, children: Children) -> impl IntoView {
    view! {
        <Title text=title />
        <h1>{title}</h1>
        <div class="section-intro">{children()}</div>
    }
}

#[component]
pub fn Practice() -> impl IntoView {
    view! {
        <SectionIntro title="Practice">
            <p>
                "Tools for the moment are on their way here: guided breathing, a timer to wait before you text, three generous explanations, a trigger log, a body scan and repair scripts."
            </p>
            <p>"If you feel overwhelmed right now, "<a href=href("help")>"help is one tap away"</a>"."</p>
            <ul class="link-list">
                {PRACTICE_TOOLS.iter().map(|(slug, name)| view! {
                    <li><a href=href(&format!("practice/{slug}"))>{*name}</a></li>
                }).collect_view()}
            </ul>
        </SectionIntro>
    }
}

/// A tool's own page; each says what it will do until it is built.
#[component]
pub fn PracticeTool() -> impl IntoView {
    let params = use_params_map();
    move || {
        let slug = params.read().get("tool").unwrap_or_default();
        match PRACTICE_TOOLS.iter().find(|(s, _)| *s == slug) {
            Some((_, name)) => view! {
                <SectionIntro title=name>
                    <p>"This practice tool is being built. It will work offline, and anything you enter will stay on this device."</p>
                    <p><a href=href("practice")>"Back to all practice tools"</a></p>
                </SectionIntro>
            }
            .into_any(),
            None => view! { <NotFound /> }.into_any(),
        }
    }
}
