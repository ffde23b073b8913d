//! The edge where time, randomness and the user's locale come in. The domain
//! takes their results as plain arguments, so it stays deterministic.

use wasm_bindgen::JsValue;

/// Milliseconds since the Unix epoch.
pub fn now() -> f64 {
    js_sys::Date::now()
}

/// A random id for something the user made (a result, an entry).
pub fn random_id() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        // Without WebCrypto (very old browsers), time and Math.random still
        // make a collision practically impossible on one device.
        .unwrap_or_else(|| {
            format!(
                "{:x}-{:x}",
                now() as u64,
                (js_sys::Math::random() * 1e15) as u64
            )
        })
}

fn format(ms: f64, options: &[(&str, &str)]) -> String {
    let opts = js_sys::Object::new();
    for (k, v) in options {
        let _ = js_sys::Reflect::set(&opts, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    // An empty locale list means "the user's own locale".
    let formatter = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &opts);
    let date = js_sys::Date::new(&JsValue::from_f64(ms));
    formatter
        .format()
        .call1(&formatter, &date)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// "22 Nov 2026" in the user's locale.
pub fn date(ms: f64) -> String {
    format(ms, &[("dateStyle", "medium")])
}

/// A short date for chart axes: "22 Nov".
pub fn short_date(ms: f64) -> String {
    format(ms, &[("day", "numeric"), ("month", "short")])
}

/// "22 Nov 2026, 18:45" in the user's locale and clock.
pub fn date_time(ms: f64) -> String {
    format(ms, &[("dateStyle", "medium"), ("timeStyle", "short")])
}

/// "18:45" (or "6:45 PM"), in the user's locale and clock.
pub fn time(ms: f64) -> String {
    format(ms, &[("timeStyle", "short")])
}

/// The start of a day picked in a date field (`2026-11-22`), in local time.
pub fn day_start(value: &str) -> Option<f64> {
    if value.len() != 10 {
        return None;
    }
    // Without a time zone, a date-time string is read as local time.
    let t = js_sys::Date::new(&JsValue::from_str(&format!("{value}T00:00:00"))).get_time();
    t.is_finite().then_some(t)
}
