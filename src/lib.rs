//! Steady: a private, offline tool for moving toward secure attachment.
//!
//! See ARCHITECTURE.md for the code map. In short: `domain` is plain Rust
//! (tested natively), `store` is the only module that touches localStorage,
//! `state` is the only caller of `store` (signals and workflows), `content`
//! is the build-time library, `routes` the route table, `views` the pure
//! views the static pages are rendered from, `browser` the browser's edges,
//! and `app`, `pages` and `components` the Leptos shell around them.

// Rendered natively with tachys' `ssr` (render/), the largest pages' view
// types nest deeper than the default limit allows.
#![recursion_limit = "256"]

pub mod app;
pub mod browser;
pub mod components;
pub mod content;
pub use steady_domain as domain;
pub mod lazy_pages;
pub mod pages;
pub use steady_domain::routes;
pub mod routes_gen;
pub mod state;
pub mod store;
pub mod views;

/// Mounts the app in place of the static shell that `index.html` painted
/// before the wasm arrived.
pub fn start() {
    use wasm_bindgen::JsCast;

    let document = leptos::prelude::document();
    browser::paths::init(read_base_href(&document).as_deref());
    let root = document
        .get_element_by_id("app")
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        .unwrap_or_else(|| document.body().expect("the page has a body"));
    // The static shell is replaced, not hydrated: it is plain HTML written to
    // paint before the wasm has loaded. A page in a chunk of its own is
    // fetched first, so the static copy stays until the same page can show.
    let mount = move || {
        // Answers given on the quiz's plain page go on in the app.
        if let Some(given) = pages::quiz::read_plain_page() {
            state::quiz::hold_given_on_the_page(given);
        }
        root.set_text_content(None);
        // The static page's word on loading goes with it (see `AppWait`).
        if let Some(html) = document.document_element() {
            let _ = html.remove_attribute("data-app");
        }
        leptos::mount::mount_to(root, app::App).forget();
    };
    let path = leptos::prelude::window()
        .location()
        .pathname()
        .unwrap_or_default();
    let route = browser::paths::base().route_of(&path).unwrap_or_default();
    match lazy_pages::first_page_chunk(route) {
        Some(arriving) => wasm_bindgen_futures::spawn_local(async move {
            arriving.await;
            mount();
        }),
        None => mount(),
    }
}

/// Trunk writes its `public_url` into `<base href>`; that one value is the
/// base path of every route and link.
fn read_base_href(document: &web_sys::Document) -> Option<String> {
    document
        .query_selector("base[href]")
        .ok()
        .flatten()
        .and_then(|base| base.get_attribute("href"))
}
