use leptos::prelude::*;

use crate::components::title::Title;
use crate::content;
use crate::routes::HELP;

/// Crisis resources, one step from every page. The words live in
/// content/pages/help.md so they can be reviewed like any other content.
#[component]
pub fn Help() -> impl IntoView {
    let page = content::page(HELP).expect("content/pages/help.md is checked at build time");
    view! {
        <Title text=page.title />
        <article class="article help-page">
            <h1>{page.title}</h1>
            // Build-time HTML compiled from our own markdown in content/.
            <div class="prose" inner_html=page.html></div>
        </article>
    }
}
