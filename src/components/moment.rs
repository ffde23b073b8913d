//! The focused mode of a running calm session (breathing, the body scan):
//! one screen with the session's shape and word, a quiet time left, and
//! Pause and Stop. Everything else on the page is hidden while it runs.
//!
//! It is a modal `<dialog>`: the browser keeps the keyboard and a screen
//! reader inside it, and Escape ends the session like Stop. While it is on
//! screen `<html>` carries `data-moment`, which hides the rest of the page
//! (style/main.css), so nothing shows through or scrolls behind it.

use leptos::prelude::*;

use crate::components::focus::open_dialog_after_render;

const ID: &str = "moment";

#[component]
pub fn Moment(
    /// The session's name, read when the dialog opens ("Breathing").
    label: &'static str,
    /// The digits of the time left ("04:10").
    #[prop(into)]
    time_left: Signal<String>,
    #[prop(into)] paused: Signal<bool>,
    /// Said (and shown) while paused; empty while running, when the
    /// session's own cue is the one live region.
    #[prop(into)]
    status: Signal<String>,
    on_pause: Callback<()>,
    on_stop: Callback<()>,
    /// A quiet way on, beside Pause (the body scan's next region).
    #[prop(optional)]
    next: Option<(&'static str, Callback<()>)>,
    /// The shape, the word and the cue.
    children: Children,
) -> impl IntoView {
    let root = document().document_element();
    if let Some(root) = &root {
        let _ = root.set_attribute("data-moment", "");
    }
    // A closed dialog's `close` event can come after the session has gone.
    let alive = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    let still = alive.clone();
    on_cleanup(move || {
        alive.store(false, std::sync::atomic::Ordering::Relaxed);
        if let Some(root) = root {
            let _ = root.remove_attribute("data-moment");
        }
    });
    open_dialog_after_render(ID);
    view! {
        <dialog class="moment" id=ID tabindex="-1" aria-label=label
            on:cancel=move |ev: leptos::ev::Event| {
                // Escape: the session ends as with Stop, and the page says so.
                ev.prevent_default();
                on_stop.run(());
            }
            // The browser closed it (a second Escape): end the session too.
            on:close=move |_| if still.load(std::sync::atomic::Ordering::Relaxed) { on_stop.run(()) }>
            <div class="moment-body">{children()}</div>
            <p class="moment-time" role="timer" aria-live="off">
                <span class="visually-hidden">"Time left: "</span>{move || time_left.get()}
            </p>
            <p class="timer-status moment-status" role="status">{move || status.get()}</p>
            <div class="moment-actions">
                <button type="button" class="button quiet" on:click=move |_| on_pause.run(())>
                    {move || if paused.get() { "Resume" } else { "Pause" }}
                </button>
                {next.map(|(words, go)| view! {
                    <button type="button" class="button quiet" on:click=move |_| go.run(())>{words}</button>
                })}
                <button type="button" class="button" on:click=move |_| on_stop.run(())>"Stop"</button>
            </div>
        </dialog>
    }
}
