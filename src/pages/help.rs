use leptos::prelude::*;

use crate::browser::clock;
use crate::components::title::Title;
use crate::content;
use crate::domain::help::{Place, reading_order, reorder_help};
use crate::routes::HELP;
use crate::views::openings::HelpView;

/// Crisis resources, one step from every page. The words live in
/// content/pages/help.md so they can be reviewed like any other content.
///
/// The page's places come in a fixed order (the static `help.html` shows
/// that order); here the reader's own place, guessed from the browser's
/// language region, moves to the front. For the first place of the fixed
/// order nothing changes, so the app takes over the static page without a
/// jump.
#[component]
pub fn Help() -> impl IntoView {
    let page = content::page(HELP).expect("content/pages/help.md is checked at build time");
    let languages = clock::languages();
    let first = Place::from_languages(languages.iter().map(String::as_str));
    let html = reorder_help(page.html, &reading_order(first))
        // A page whose sections are not as expected still has every line:
        // show it in its fixed order (a native test keeps this from happening).
        .unwrap_or_else(|| page.html.to_string());
    view! {
        <Title text=page.title />
        <HelpView title=page.title html />
    }
}
