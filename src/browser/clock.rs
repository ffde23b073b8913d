//! The edge where time, randomness and the user's locale come in. The domain
//! takes their results as plain arguments, so it stays deterministic.

use wasm_bindgen::JsValue;

/// Milliseconds since the Unix epoch.
#[cfg(target_arch = "wasm32")]
pub fn now() -> f64 {
    js_sys::Date::now()
}

/// A random id for something the user made (a result, an entry).
#[cfg(target_arch = "wasm32")]
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

/// Natively (`state`'s tests) there is no browser: time is what the test
/// set, and ids count up, so a workflow's outcome is exact.
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::cell::Cell;

    thread_local! {
        static NOW: Cell<f64> = const { Cell::new(1_796_000_000_000.0) };
        static NEXT_ID: Cell<u64> = const { Cell::new(1) };
    }

    pub fn now() -> f64 {
        NOW.get()
    }

    pub fn random_id() -> String {
        let id = NEXT_ID.get();
        NEXT_ID.set(id + 1);
        format!("id-{id}")
    }

    /// Moves this thread's clock on by `ms`.
    pub fn advance(ms: f64) {
        NOW.set(NOW.get() + ms);
    }
}
#[cfg(not(target_arch = "wasm32"))]
pub use native::{advance, now, random_id};

/// The browser's preferred languages, most preferred first (`en-GB`, ...).
/// The help page reads the region from them; they never leave the device.
pub fn languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let mut tags: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if tags.is_empty() {
        tags.extend(navigator.language());
    }
    tags
}

type FormatOptions = &'static [(&'static str, &'static str)];

thread_local! {
    /// One formatter per set of options, made on first use: building an
    /// `Intl.DateTimeFormat` resolves locale data and costs far more than
    /// formatting with it, and a journal page formats dozens of dates at once
    /// (30 entries took 9 ms more without it). A formatter keeps the time
    /// zone it was made in until the page reloads.
    static FORMATTERS: std::cell::RefCell<Vec<(FormatOptions, js_sys::Intl::DateTimeFormat)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

fn format(ms: f64, options: FormatOptions) -> String {
    let formatter = FORMATTERS.with_borrow_mut(|made| {
        if let Some((_, f)) = made.iter().find(|(o, _)| *o == options) {
            return f.clone();
        }
        let opts = js_sys::Object::new();
        for (k, v) in options {
            let _ = js_sys::Reflect::set(&opts, &JsValue::from_str(k), &JsValue::from_str(v));
        }
        // An empty locale list means "the user's own locale".
        let f = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &opts);
        made.push((options, f.clone()));
        f
    });
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
