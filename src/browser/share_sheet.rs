//! The edge for handing words to the person's own apps: the clipboard, the
//! system share sheet where the browser has one, and selecting text so it
//! can be copied by hand when copying is refused. Steady sends nothing: the
//! share sheet is the device's, and the person picks where the words go.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Puts `text` on the clipboard; `false` when the browser refused (no
/// permission, not a secure page, or no clipboard at all).
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    // Looked up first: old browsers have no `navigator.clipboard`, and
    // calling a missing one would throw.
    let has_clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .map(|c| !c.is_undefined() && !c.is_null())
        .unwrap_or(false);
    if !has_clipboard {
        return false;
    }
    JsFuture::from(navigator.clipboard().write_text(text))
        .await
        .is_ok()
}

/// `navigator.share`, where the browser has it (looked up rather than bound,
/// since many desktop browsers lack it).
fn system_share() -> Option<js_sys::Function> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::get(&navigator, &"share".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()
}

/// Whether this browser has a system share sheet.
pub fn can_share() -> bool {
    system_share().is_some()
}

/// Opens the system share sheet with `title` and `text`. `true` when the
/// sheet was opened (whatever the person then chose there); a closed sheet
/// is their choice, not a fault.
pub async fn share(title: &str, text: &str) -> bool {
    open_sheet(title, "text", text).await
}

/// As [`share`], for a link: the sheet offers it as a link, not as text.
pub async fn share_link(title: &str, url: &str) -> bool {
    open_sheet(title, "url", url).await
}

async fn open_sheet(title: &str, field: &str, value: &str) -> bool {
    let (Some(f), Some(window)) = (system_share(), web_sys::window()) else {
        return false;
    };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &field.into(), &value.into());
    let Ok(promise) = f.call1(&window.navigator(), &data) else {
        return false;
    };
    let Ok(promise) = promise.dyn_into::<js_sys::Promise>() else {
        return false;
    };
    match JsFuture::from(promise).await {
        Ok(_) => true,
        // The person closed the sheet.
        Err(e) => js_sys::Reflect::get(&e, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
            .is_some_and(|n| n == "AbortError"),
    }
}

/// Selects the text inside the element with `id`, so the person can copy it
/// themselves with the system's own menu or keys.
pub fn select_text_of(id: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(el) = window.document().and_then(|d| d.get_element_by_id(id)) else {
        return;
    };
    if let Ok(Some(selection)) = window.get_selection() {
        let _ = selection.select_all_children(&el);
    }
}
