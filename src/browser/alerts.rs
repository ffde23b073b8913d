//! The edge for a timer's end reaching the person beyond the screen: a soft
//! chime made on the device with Web Audio (no sound file, nothing
//! fetched), a vibration, and a system notification. Each one is looked up
//! before it is used, since many browsers lack one or another, and each
//! fails quietly: the screen still says the time is up.
//!
//! Steady reaches the person only while its tab is open. Once the browser
//! or the tab is closed there is no timer left to end, and a phone slows
//! the timers of a tab in the background, so a notification can come late.

use std::cell::RefCell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AudioContext, NotificationPermission};

thread_local! {
    /// The audio context made when a timer was started with the chime on.
    /// Phones let a page make sound only after a tap, so it is made (or
    /// woken) then, and used when the time is up.
    static AUDIO: RefCell<Option<AudioContext>> = const { RefCell::new(None) };
}

fn has(target: &JsValue, name: &str) -> bool {
    js_sys::Reflect::get(target, &name.into()).is_ok_and(|v| !v.is_undefined() && !v.is_null())
}

/// Gets the chime ready, from a tap (starting a timer): makes or wakes the
/// audio context while the browser allows it. Nothing plays yet.
pub fn prepare_chime() {
    AUDIO.with_borrow_mut(|audio| {
        if audio.is_none() {
            *audio = AudioContext::new().ok();
        }
        if let Some(context) = audio {
            let _ = context.resume();
        }
    });
}

/// A soft two-note chime of about two seconds: sine tones that rise
/// gently and fade, quiet enough not to startle. Nothing when the device
/// gives no audio.
pub fn chime() {
    let context = AUDIO
        .with_borrow_mut(Option::take)
        .or_else(|| AudioContext::new().ok());
    let Some(context) = context else {
        return;
    };
    let _ = context.resume();
    let start = context.current_time();
    // A fifth apart (E5, then B5), the second note a little later.
    let notes = [(659.25, 0.0), (987.77, 0.35)];
    let mut last = None;
    for (frequency, delay) in notes {
        let (Ok(tone), Ok(gain)) = (context.create_oscillator(), context.create_gain()) else {
            return;
        };
        tone.frequency().set_value(frequency);
        let at = start + delay;
        let level = gain.gain();
        // Fades in over 40 ms (no click), out over 1.6 s.
        let _ = level.set_value_at_time(0.0001, at);
        let _ = level.exponential_ramp_to_value_at_time(0.18, at + 0.04);
        let _ = level.exponential_ramp_to_value_at_time(0.0001, at + 1.6);
        if tone.connect_with_audio_node(&gain).is_err()
            || gain
                .connect_with_audio_node(&context.destination())
                .is_err()
        {
            return;
        }
        let _ = tone.start_with_when(at);
        let _ = tone.stop_with_when(at + 1.7);
        last = Some(tone);
    }
    // The context is let go once the last note has ended.
    if let Some(tone) = last {
        let done = Closure::once_into_js(move || {
            let _ = context.close();
        });
        tone.set_onended(Some(done.unchecked_ref()));
    }
}

/// Two short pulses, where the device can vibrate (phones mostly; not
/// iPhones). Browsers without `navigator.vibrate` are left alone.
pub fn vibrate() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    if !has(&navigator, "vibrate") {
        return;
    }
    let pattern = js_sys::Array::of3(&300.into(), &150.into(), &300.into());
    let _ = navigator.vibrate_with_pattern(&pattern);
}

/// Whether this browser shows notifications, and whether the person let it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotifyPermission {
    /// Not asked yet.
    NotAsked,
    Allowed,
    Refused,
    /// This browser has no notifications (or not for this page).
    Unavailable,
}

fn can_notify() -> bool {
    web_sys::window().is_some_and(|w| has(&w, "Notification"))
}

pub fn notify_permission() -> NotifyPermission {
    if !can_notify() {
        return NotifyPermission::Unavailable;
    }
    match web_sys::Notification::permission() {
        NotificationPermission::Granted => NotifyPermission::Allowed,
        NotificationPermission::Denied => NotifyPermission::Refused,
        _ => NotifyPermission::NotAsked,
    }
}

/// Asks the browser's own question, only if it was never answered. Called
/// from a tap: turning the option on, or starting a timer with it on.
pub async fn ask_to_notify() -> NotifyPermission {
    if notify_permission() != NotifyPermission::NotAsked {
        return notify_permission();
    }
    if let Ok(asked) = web_sys::Notification::request_permission() {
        let _ = JsFuture::from(asked).await;
    }
    notify_permission()
}

/// Whether the person is looking elsewhere (another tab or app, the
/// screen off): only then is a notification any use.
pub fn is_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden)
}

/// Shows a system notification if the tab is hidden and the person allowed
/// it. Through the service worker where there is one (Chrome on Android
/// refuses `new Notification`), otherwise directly. `title` and `body` are
/// fixed words: a lock screen shows them to whoever is near.
pub fn notify(title: &'static str, body: &'static str) {
    if !is_hidden() || notify_permission() != NotifyPermission::Allowed {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let options = web_sys::NotificationOptions::new();
    options.set_body(body);
    // One at a time: a second timer's end replaces the first's.
    options.set_tag("steady-timer");
    let navigator = window.navigator();
    if !has(&navigator, "serviceWorker") {
        show_here(title, &options);
        return;
    }
    let registration = navigator.service_worker().get_registration();
    wasm_bindgen_futures::spawn_local(async move {
        let registration = JsFuture::from(registration)
            .await
            .ok()
            .filter(|r| !r.is_undefined() && !r.is_null())
            .map(JsCast::unchecked_into::<web_sys::ServiceWorkerRegistration>);
        let shown = match registration {
            Some(r) => match r.show_notification_with_options(title, &options) {
                Ok(promise) => JsFuture::from(promise).await.is_ok(),
                Err(_) => false,
            },
            None => false,
        };
        if !shown {
            show_here(title, &options);
        }
    });
}

fn show_here(title: &str, options: &web_sys::NotificationOptions) {
    let Ok(notification) = web_sys::Notification::new_with_options(title, options) else {
        return;
    };
    // A tap on it brings Steady's tab back.
    let shown = notification.clone();
    let on_click = Closure::once_into_js(move || {
        if let Some(w) = web_sys::window() {
            let _ = w.focus();
        }
        shown.close();
    });
    notification.set_onclick(Some(on_click.unchecked_ref()));
}
