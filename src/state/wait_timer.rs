//! The wait timer of "Wait before you act", app-wide: it keeps counting
//! while the person reads elsewhere in the app, and a small indicator in the
//! shell (`components::wait_indicator`) links back to it.
//! The timer itself (`domain::practice::timer::UrgeTimer`) stores its end
//! time, so it also survives a reload.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::clock;
use crate::domain::practice::alerts::TimeUp;
use crate::domain::practice::timer::UrgeTimer;
use crate::state::alerts::use_alerts;
use crate::state::lock::count_while_running;
use crate::state::notices::{Notices, use_notices};
use crate::store::{self, NotSaved};

#[derive(Clone, Copy)]
pub struct WaitTimer {
    timer: RwSignal<Option<UrgeTimer>>,
    /// The wall clock, ticking once a second while a timer runs.
    now: RwSignal<f64>,
    // Read by the indicator when the timer ends elsewhere.
    pub(crate) notices: Notices,
    /// False while Steady is locked: the timer then runs in memory only
    /// (storing it would need the key), and is stored once the lock opens.
    stored: RwSignal<bool>,
}

fn load(notices: Notices, now: f64) -> Option<UrgeTimer> {
    store::load_wait_timer(now).unwrap_or_else(|why| {
        notices.show(format!(
            "A saved wait timer was cleared because {why}. Nothing else was changed."
        ));
        None
    })
}

/// Loads a stored timer. One that cannot be read, or ended long ago, is
/// cleared and the person is told why; nothing else changes. While
/// `locked`, nothing is read: a timer starts in memory, see
/// [`WaitTimer::opened`]. Provided above the lock, so a timer started while
/// locked keeps running through the unlock.
pub fn provide_wait_timer(locked: bool) {
    let notices = use_notices();
    let now = clock::now();
    let timer = if locked { None } else { load(notices, now) };
    let state = WaitTimer {
        timer: RwSignal::new(timer),
        now: RwSignal::new(now),
        notices,
        stored: RwSignal::new(!locked),
    };
    let alerts = use_alerts();
    // The app lives as long as the page, and so does this tick. Only the
    // tick sees the time run out by itself: "Stop and decide now" ends the
    // timer through `change`, and a chime then would be no use.
    let _ = set_interval_with_handle(
        move || {
            let running = state.timer.with_untracked(|t| {
                t.as_ref()
                    .filter(|t| !t.countdown.is_paused())
                    .map(|t| t.countdown)
            });
            if let Some(countdown) = running {
                let now = clock::now();
                let was_over = countdown.is_finished(state.now.get_untracked());
                state.now.set(now);
                if !was_over && countdown.is_finished(now) {
                    alerts.time_is_up(TimeUp::Wait);
                }
            }
        },
        Duration::from_secs(1),
    );
    count_while_running(Memo::new(move |_| {
        let now = state.now.get();
        state.timer.with(|t| {
            t.as_ref()
                .is_some_and(|t| !t.countdown.is_paused() && !t.countdown.is_finished(now))
        })
    }));
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
        if !self.stored.get_untracked() {
            return Ok(());
        }
        store::save_wait_timer(&timer).await
    }

    /// Whether a reload would keep the timer (false while locked).
    pub fn survives_reload(self) -> bool {
        self.stored.get()
    }

    /// The lock was opened: a timer started while locked is stored now
    /// (sealed); otherwise the stored one, if any, is picked up.
    pub fn opened(self) {
        self.stored.set(true);
        match self.timer.get_untracked() {
            Some(timer) => spawn_local(async move {
                if let Err(not_saved) = store::save_wait_timer(&timer).await {
                    self.notices.show(format!(
                        "{not_saved} The timer keeps running on this page, but a reload would lose it."
                    ));
                }
            }),
            None => self.timer.set(load(self.notices, clock::now())),
        }
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
        if !self.stored.get_untracked() {
            return;
        }
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
        if !self.stored.get_untracked() {
            return;
        }
        let now = clock::now();
        self.now.set(now);
        self.timer.set(store::load_wait_timer(now).ok().flatten());
    }

    /// Forgets the timer (after its answer was saved, or when discarded).
    pub fn clear(self) {
        self.timer.set(None);
        if self.stored.get_untracked() {
            store::clear_wait_timer();
        }
    }
}
