//! A small, polite link back to the running wait timer, and the notice
//! when it ends while the person is elsewhere in the app.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};

use crate::browser::paths;
use crate::domain::practice::timer::digits;
use crate::state::wait_timer::WaitTimer;

/// A small, polite link back to the wait timer, shown on every page but the
/// timer's own while one is running; and the notice when it ends elsewhere.
/// Nothing while the app is locked (there is no timer then).
#[component]
pub fn WaitIndicator() -> impl IntoView {
    use_context::<WaitTimer>().map(|wait| view! { <Indicator wait /> })
}

#[component]
fn Indicator(wait: WaitTimer) -> impl IntoView {
    let location = use_location();
    let on_timer_page = Memo::new(move |_| {
        paths::base().route_of(&location.pathname.get()) == Some("practice/wait")
    });
    let finished = Memo::new(move |_| {
        let now = wait.now();
        wait.timer()
            .with(|t| t.as_ref().map(|t| t.countdown.is_finished(now)))
    });
    let go = RwSignal::new(false);
    let navigate = use_navigate();
    Effect::new(move |_| {
        if go.get() {
            go.set(false);
            navigate("/practice/wait", Default::default());
        }
    });
    Effect::new(move |was: Option<Option<bool>>| {
        let is = finished.get();
        if was.flatten() == Some(false) && is == Some(true) && !on_timer_page.get_untracked() {
            wait.notices.show_with_action(
                "Your wait is over. When you are ready, go back and decide whether you still want to act on the urge.",
                "Go to the timer",
                move || go.set(true),
            );
        }
        is
    });
    move || {
        if on_timer_page.get() {
            return None;
        }
        let now = wait.now();
        wait.timer().with(|t| {
            t.as_ref().map(|t| {
                let text = if t.countdown.is_finished(now) {
                    "Your wait is over: decide what to do".to_string()
                } else if t.countdown.is_paused() {
                    format!("Wait paused, {} left", digits(t.countdown.remaining(now)))
                } else {
                    format!("Waiting: {} left", digits(t.countdown.remaining(now)))
                };
                view! {
                    <div class="wait-indicator wrap">
                        <a href=paths::href("practice/wait")>{text}</a>
                    </div>
                }
            })
        })
    }
}
