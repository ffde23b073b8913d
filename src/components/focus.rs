//! Moving focus to something that is about to be rendered.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses the element with `id` once the pending render has happened.
/// Leptos renders in microtasks after an event, so by the next animation
/// frame the element is the new one, not the one being replaced.
pub fn focus_after_render(id: &'static str) {
    request_animation_frame(move || focus_first(&[id]));
}

/// Like [`focus_after_render`], for the first of `ids` that is on screen then.
pub fn focus_first_after_render(ids: &'static [&'static str]) {
    request_animation_frame(move || focus_first(ids));
}

fn focus_first(ids: &[&str]) {
    if let Some(el) = ids
        .iter()
        .find_map(|id| document().get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
