//! The wait timer of "Wait before you act", app-wide: it keeps counting
//! while the person reads elsewhere in the app, a small indicator in the
//! shell links back to it, and when it ends elsewhere a notice says so.
//! The timer itself (`domain::practice::timer::UrgeTimer`) stores its end
//! time, so it also survives a reload.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_location, use_navigate};

use crate::clock;
use crate::components::notice::{Notices, use_notices};
use crate::domain::practice::timer::{UrgeTimer, digits};
use crate::paths;
use crate::store::{self, NotSaved};

#[derive(Clone, Copy)]
pub struct WaitTimer {
    timer: RwSignal<Option<UrgeTimer>>,
    /// The wall clock, ticking once a second while a timer runs.
    now: RwSignal<f64>,
    notices: Notices,
}

/// Loads a stored timer. One that cannot be read, or ended long ago, is
/// cleared and the person is told why; nothing else changes.
pub fn provide_wait_timer() {
    let notices = use_notices();
    let now = clock::now();
    let timer = store::load_wait_timer(now).unwrap_or_else(|why| {
        notices.show(format!(
            "A saved wait timer was cleared because {why}. Nothing else was changed."
        ));
        None
    });
    let state = WaitTimer {
        timer: RwSignal::new(timer),
        now: RwSignal::new(now),
        notices,
    };
    // The app lives as long as the page, and so does this tick.
    let _ = set_interval_with_handle(
        move || {
            let running = state
                .timer
                .with_untracked(|t| t.as_ref().is_some_and(|t| !t.countdown.is_paused()));
            if running {
                state.now.set(clock::now());
            }
        },
        Duration::from_secs(1),
    );
    provide_context(state);
}

pub fn use_wait_timer() -> WaitTimer {
    expect_context::<WaitTimer>()
}

impl WaitTimer {
    pub fn timer(self) -> RwSignal<Option<UrgeTimer>> {
        self.timer
    }

    /// The time, reactive: changes once a second while a timer runs.
    pub fn now(self) -> f64 {
        self.now.get()
    }

    /// Starts (or replaces) the timer and stores it. When it cannot be
    /// stored it still runs, and the caller says a reload would lose it.
    pub async fn start(self, timer: UrgeTimer) -> Result<(), NotSaved> {
        self.now.set(clock::now());
        self.timer.set(Some(timer.clone()));
        store::save_wait_timer(&timer).await
    }

    /// Pauses, resumes, extends or stops the running timer, and stores it.
    pub fn change(self, f: impl FnOnce(&mut UrgeTimer, f64)) {
        let now = clock::now();
        let Some(mut timer) = self.timer.get_untracked() else {
            return;
        };
        f(&mut timer, now);
        self.now.set(now);
        self.timer.set(Some(timer.clone()));
        spawn_local(async move {
            if let Err(not_saved) = store::save_wait_timer(&timer).await {
                self.notices.show(format!(
                    "{not_saved} The timer keeps running on this page, but a reload would lose the change."
                ));
            }
        });
    }

    /// Picks up what is stored now: another tab started, changed or
    /// answered the timer, or everything was erased or imported.
    pub fn reload(self) {
        let now = clock::now();
        self.now.set(now);
        self.timer.set(store::load_wait_timer(now).ok().flatten());
    }

    /// Forgets the timer (after its answer was saved, or when discarded).
    pub fn clear(self) {
        self.timer.set(None);
        store::clear_wait_timer();
    }
}

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
        wait.timer
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
        wait.timer.with(|t| {
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
