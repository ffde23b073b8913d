//! One module per section of the app. Each page sets its title and has
//! exactly one `<h1>`.

pub mod data;
pub mod help;
pub mod home;
pub mod journal;
pub mod learn;
pub mod not_found;
pub mod practice;
pub mod progress;
pub mod quiz;
pub mod result;
pub mod share;

/// Takes a plain page's step (`quiz#statement-7`, `practice/breathing#breathe`)
/// out of the address, in place, once the app has taken it over: a reload
/// should not step back to it.
pub fn clear_fragment(location: &web_sys::Location) {
    if let (Ok(mut path), Ok(search), Ok(history)) = (
        location.pathname(),
        location.search(),
        leptos::prelude::window().history(),
    ) {
        path.push_str(&search);
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
}
