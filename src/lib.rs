//! Steady: a private, offline tool for moving toward secure attachment.
//!
//! See ARCHITECTURE.md for the code map. In short: `domain` is plain Rust
//! (tested natively), `store` is the only module that touches localStorage,
//! `state` is the only caller of `store` (signals and workflows), `content`
//! is the build-time library, and `app`, `pages` and `components` are the
//! thin Leptos shell.

pub mod alerts;
pub mod app;
pub mod clock;
pub mod components;
pub mod content;
pub mod crypto;
pub mod domain;
pub mod files;
pub mod lazy_pages;
pub mod offline;
pub mod pages;
pub mod paths;
pub mod routes;
pub mod share_sheet;
pub mod state;
pub mod store;

/// Mounts the app in place of the static shell that `index.html` painted
/// before the wasm arrived.
pub fn start() {
    use wasm_bindgen::JsCast;

    let document = leptos::prelude::document();
    paths::init(read_base_href(&document).as_deref());
    let root = document
        .get_element_by_id("app")
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        .unwrap_or_else(|| document.body().expect("the page has a body"));
    // The static shell is replaced, not hydrated: it is plain HTML written to
    // paint before the wasm has loaded.
    root.set_text_content(None);
    leptos::mount::mount_to(root, app::App).forget();
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
