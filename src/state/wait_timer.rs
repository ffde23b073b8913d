//! The wait timer of "Wait before you act", app-wide: it keeps counting
//! while the person reads elsewhere in the app, and a small indicator in the
//! shell (`components::wait_indicator`) links back to it.
//! The timer itself (`domain::practice::timer::UrgeTimer`) stores its end
//! time, so it also survives a reload.

use std::future::Future;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::clock;
use crate::domain::practice::alerts::TimeUp;
use crate::domain::practice::timer::UrgeTimer;
use crate::state::alerts::use_alerts;
use crate::state::lock::count_while_running;
use crate::state::notices::{Notices, use_notices};
use crate::state::rules::Draft;
use crate::store;

/// The running timer is a draft: the screen follows every start, pause and
/// extension at once, and storing it follows.
#[derive(Clone, Copy)]
pub struct WaitTimer {
    timer: Draft<Option<UrgeTimer>>,
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
    let state = WaitTimer::load(use_notices(), locked);
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
    /// The timer as stored (none while `locked`), without the tick that
    /// [`provide_wait_timer`] adds.
    pub(crate) fn load(notices: Notices, locked: bool) -> WaitTimer {
        let now = clock::now();
        let timer = if locked { None } else { load(notices, now) };
        WaitTimer {
            timer: Draft::new(
                timer,
                notices,
                "The timer keeps running on this page, but a reload would lose it.",
            ),
            now: RwSignal::new(now),
            notices,
            stored: RwSignal::new(!locked),
        }
    }

    pub fn timer(self) -> ReadSignal<Option<UrgeTimer>> {
        self.timer.shown()
    }

    /// The time, reactive: changes once a second while a timer runs.
    pub fn now(self) -> f64 {
        self.now.get()
    }

    /// Starts (or replaces) the timer now; the future stores it. When it
    /// cannot be stored it still runs, and the person is told a reload
    /// would lose it.
    pub fn start(self, timer: UrgeTimer) -> impl Future<Output = ()> + 'static {
        self.now.set(clock::now());
        self.timer.set(Some(timer), move |t| self.keep(t))
    }

    /// Stores `timer`, unless Steady is locked (then it lives in memory).
    async fn keep(self, timer: Option<UrgeTimer>) -> Result<(), store::NotSaved> {
        match timer {
            Some(timer) if self.stored.get_untracked() => store::save_wait_timer(&timer).await,
            _ => Ok(()),
        }
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
                self.timer.kept(self.keep(Some(timer)).await);
            }),
            None => self.timer.show(load(self.notices, clock::now())),
        }
    }

    /// Pauses, resumes, extends or stops the running timer, then stores it.
    pub fn change(self, f: impl FnOnce(&mut UrgeTimer, f64) + 'static) {
        spawn_local(self.changed(f));
    }

    /// [`WaitTimer::change`]: shown now, stored by the future.
    pub fn changed(
        self,
        f: impl FnOnce(&mut UrgeTimer, f64),
    ) -> impl Future<Output = ()> + 'static {
        let now = clock::now();
        let keeping = self.timer.get_untracked().map(|mut timer| {
            f(&mut timer, now);
            self.now.set(now);
            self.timer.set(Some(timer), move |t| self.keep(t))
        });
        async move {
            if let Some(keeping) = keeping {
                keeping.await;
            }
        }
    }

    /// Picks up what is stored now: another tab started, changed or
    /// answered the timer, or everything was erased or imported.
    pub fn reload(self) {
        if !self.stored.get_untracked() {
            return;
        }
        let now = clock::now();
        self.now.set(now);
        self.timer.show(store::load_wait_timer(now).ok().flatten());
    }

    /// Forgets the timer (after its answer was saved, or when discarded).
    pub fn clear(self) {
        self.timer.show(None);
        if self.stored.get_untracked() {
            store::clear_wait_timer();
        }
    }
}
