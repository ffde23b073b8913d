//! The openings of the pages whose rest is the reader's own data: the
//! journal, progress, your data, the report and share. Each is what the page
//! shows first, before anything stored.

use leptos::prelude::*;

use crate::browser::paths::href;
use crate::content::{self, CARE_LINK};
use crate::routes::HELP;

/// A route's title and lead, from `content/route-pages.toml`.
#[component]
pub fn RouteOpening(route: &'static str) -> impl IntoView {
    let page = content::route_page(route);
    view! {
        <h1>{page.title}</h1>
        <p class="lead">{page.lead}</p>
    }
}

/// The journal's title, lead and care line.
#[component]
pub fn JournalOpening() -> impl IntoView {
    let page = content::route_page("journal");
    view! {
        <RouteOpening route="journal" />
        <p class="care-line">{page.care}" "<a href=href(HELP)>{CARE_LINK}</a>"."</p>
    }
}

/// Your data's title and lead, and who else shares the origin; `warning`
/// follows the paragraphs (the app's line for a `*.github.io` folder).
#[component]
pub fn DataOpening(warning: impl IntoView + 'static) -> impl IntoView {
    let page = content::route_page("data");
    let origin = &content::ORIGIN;
    view! {
        <h1>{page.title}</h1>
        <p class="lede">{page.lead}</p>
        <section aria-labelledby="origin-heading">
            <h2 id="origin-heading">{origin.heading}</h2>
            {origin.paragraphs.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
            {warning}
        </section>
    }
}

/// The report with no result yet: what it is, and the way to one.
#[component]
pub fn ReportOpening() -> impl IntoView {
    let page = content::route_page("report");
    view! {
        <h1>{page.title}</h1>
        <p>{page.lead}</p>
        <p><a class="button primary" href=href("quiz")>"Take the quiz"</a></p>
    }
}

/// The help page from `html` (help.md compiled at build time, its places in
/// the reader's order).
#[component]
pub fn HelpView(title: &'static str, html: String) -> impl IntoView {
    view! {
        <article class="article help-page">
            <h1>{title}</h1>
            // Build-time HTML compiled from our own markdown in content/.
            <div class="prose" inner_html=html></div>
        </article>
    }
}
