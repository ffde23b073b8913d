//! The edge for files: saving a download and reading a picked file. Nothing
//! here is sent anywhere; a download is made from memory with a `blob:` URL.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Offers `contents` as a file download named `name`.
pub fn download(name: &str, mime: &str, contents: &str) -> Result<(), String> {
    let fail = |e: JsValue| format!("{e:?}");
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = leptos::prelude::document();
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| "not an anchor".to_string())?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The click has started the download; the URL is no longer needed.
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Reads a picked file as text, refusing anything over `max_bytes` before
/// reading it.
pub async fn read_text(file: web_sys::File, max_bytes: usize) -> Result<Vec<u8>, FileProblem> {
    let size = file.size();
    if size > max_bytes as f64 {
        return Err(FileProblem::TooLarge(size as usize));
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| FileProblem::Unreadable)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

pub enum FileProblem {
    TooLarge(usize),
    Unreadable,
}

/// How much this origin may store and has stored, if the browser says.
pub async fn storage_estimate() -> Option<(f64, f64)> {
    let manager = web_sys::window()?.navigator().storage();
    let estimate = JsFuture::from(manager.estimate().ok()?).await.ok()?;
    let get = |k: &str| {
        js_sys::Reflect::get(&estimate, &JsValue::from_str(k))
            .ok()?
            .as_f64()
    };
    Some((get("usage")?, get("quota")?))
}

/// Whether the browser has promised not to evict this origin's storage.
pub async fn is_persisted() -> bool {
    storage_answer(|m| m.persisted()).await
}

/// Asks the browser to keep this origin's storage; true if it agreed.
pub async fn ask_to_persist() -> bool {
    storage_answer(|m| m.persist()).await
}

/// Awaits a yes/no promise from the storage manager; "no" if there is none.
async fn storage_answer(
    ask: impl Fn(&web_sys::StorageManager) -> Result<js_sys::Promise, JsValue>,
) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Ok(promise) = ask(&window.navigator().storage()) else {
        return false;
    };
    JsFuture::from(promise)
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}
