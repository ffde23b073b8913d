//! A short-lived message with one action ("Deleted … Undo"), fixed at the
//! bottom of the screen so it is in view wherever the page is scrolled: a
//! delete far down a list must not put its Undo out of sight above.
//!
//! It stays long enough to read and reach (`SHOWN_MS`), and its time stands
//! still while the pointer is over it or focus is inside it, so nobody is
//! raced for the button (WCAG 2.2.1). It is a polite live region, always in
//! the page, so a screen reader is already listening when it speaks.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::leptos_dom::helpers::IntervalHandle;
use leptos::prelude::*;

/// How long the toast stays once nothing holds it.
pub const SHOWN_MS: f64 = 15_000.0;
const TICK_MS: u64 = 250;

/// Shows `message` while it is `Some`, with `action_label` running
/// `on_action`, and "Dismiss". `on_close` runs when the time is up or it is
/// dismissed; the owner then sets the message to `None`.
#[component]
pub fn Toast(
    #[prop(into)] message: Signal<Option<String>>,
    action_label: &'static str,
    on_action: Callback<()>,
    on_close: Callback<()>,
) -> impl IntoView {
    let left = RwSignal::new(SHOWN_MS);
    let hovered = RwSignal::new(false);
    let focused = RwSignal::new(false);
    // A new message gets the full time.
    Effect::new(move |_| {
        if message.with(Option::is_some) {
            left.set(SHOWN_MS);
            // The last toast's button may have gone with focus or the
            // pointer on it, without a focusout or pointerleave.
            hovered.set(false);
            focused.set(false);
        }
    });
    // The interval stops itself once this toast's signals are gone: the
    // journal's toast was seen ticking on after its page had been left.
    let own: Rc<Cell<Option<IntervalHandle>>> = Rc::default();
    let stop = own.clone();
    let tick = move || {
        let state = hovered
            .try_get_untracked()
            .zip(focused.try_get_untracked())
            .zip(left.try_get_untracked())
            .zip(message.try_with_untracked(Option::is_some));
        let Some((((hovered, focused), left_ms), showing)) = state else {
            if let Some(h) = stop.take() {
                h.clear();
            }
            return;
        };
        if hovered || focused || !showing {
            return;
        }
        let rest = left_ms - TICK_MS as f64;
        left.set(rest);
        if rest <= 0.0 {
            on_close.run(());
        }
    };
    if let Ok(handle) = set_interval_with_handle(tick, Duration::from_millis(TICK_MS)) {
        own.set(Some(handle));
        on_cleanup(move || handle.clear());
    }
    view! {
        <div class="toast-area" role="status" aria-live="polite"
            on:pointerenter=move |_| hovered.set(true)
            on:pointerleave=move |_| hovered.set(false)
            on:focusin=move |_| focused.set(true)
            on:focusout=move |_| focused.set(false)>
            {move || message.get().map(|text| view! {
                <div class="toast">
                    <p>{text}</p>
                    <div class="toast-actions">
                        <button type="button" class="button primary" on:click=move |_| on_action.run(())>{action_label}</button>
                        <button type="button" class="button quiet" on:click=move |_| on_close.run(())>"Dismiss"</button>
                    </div>
                </div>
            })}
        </div>
    }
}
