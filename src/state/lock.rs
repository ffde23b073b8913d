//! The optional lock: whether it is on, and opening, setting, changing and
//! removing it. The sealing itself is `store`'s.

use std::time::Duration;

use leptos::prelude::*;

use crate::browser::clock;
use crate::domain::lock::{AutoLock, Passphrase};
use crate::store::{self, NotSaved};
pub use crate::store::{LockProblem, LockState, Opened};

/// Whether the lock is on, as stored now.
pub fn lock_state() -> LockState {
    store::lock_state()
}

pub fn is_on() -> bool {
    lock_state() != LockState::Off
}

pub async fn unlock(passphrase: &Passphrase) -> Result<Opened, LockProblem> {
    store::unlock(passphrase).await
}

pub async fn turn_on(passphrase: &Passphrase) -> Result<(), LockProblem> {
    store::set_lock(passphrase).await
}

pub async fn change_passphrase(current: &Passphrase, new: &Passphrase) -> Result<(), LockProblem> {
    store::change_passphrase(current, new).await
}

pub async fn turn_off(current: &Passphrase) -> Result<(), LockProblem> {
    store::remove_lock(current).await
}

/// How many calm timers are running now (a breathing session, the body
/// scan, a wait or a break). While any runs, the person is using Steady
/// even without a tap: the phone is down on purpose, and auto-lock would
/// end the session with a reload. Provided above the lock.
#[derive(Clone, Copy)]
pub struct RunningTimers {
    count: StoredValue<u32>,
    /// When a timer last stopped running: idle time counts from there.
    last_end: StoredValue<f64>,
}

pub fn provide_running_timers() {
    provide_context(RunningTimers {
        count: StoredValue::new(0),
        last_end: StoredValue::new(0.0),
    });
}

/// Counts a timer as running while `running` is true, until the caller's
/// component (or the app) goes away.
pub fn count_while_running(running: Memo<bool>) {
    let Some(timers) = use_context::<RunningTimers>() else {
        return;
    };
    let counted = StoredValue::new(false);
    let set = move |on: bool| {
        if on != counted.get_value() {
            counted.set_value(on);
            if on {
                timers.count.update_value(|n| *n += 1);
            } else {
                timers.ended();
            }
        }
    };
    Effect::new(move |_| set(running.get()));
    on_cleanup(move || {
        // The component's values may already be gone with it.
        if counted.try_get_value() == Some(true) {
            timers.ended();
        }
    });
}

impl RunningTimers {
    fn ended(self) {
        self.count.update_value(|n| *n = n.saturating_sub(1));
        self.last_end.set_value(clock::now());
    }

    /// Whether a timer runs now, or else when the last one ended.
    fn running_or_ended(self) -> Result<(), f64> {
        if self.count.get_value() > 0 {
            Ok(())
        } else {
            Err(self.last_end.get_value())
        }
    }
}

/// The chosen auto-lock, kept current for the idle watcher.
#[derive(Clone, Copy)]
pub struct AutoLockChoice(RwSignal<AutoLock>);

/// While the lock is on and open: locks Steady (a reload, so nothing of the
/// key survives in memory) once it has gone unused for the chosen time.
/// Time is the wall clock, so a phone that slept in a pocket locks as soon
/// as it is looked at again. Returns the choice for the settings to change.
pub fn watch_idle() -> AutoLockChoice {
    let choice = AutoLockChoice(RwSignal::new(store::load_auto_lock()));
    provide_context(choice);
    if !is_on() {
        return choice;
    }
    let last_use = StoredValue::new(clock::now());
    let timers = use_context::<RunningTimers>();
    let lock_if_due = move || {
        // A running timer is use: idle time counts from its end.
        match timers.map(RunningTimers::running_or_ended) {
            Some(Ok(())) => {
                last_use.set_value(clock::now());
                return;
            }
            Some(Err(ended)) if ended > last_use.get_value() => last_use.set_value(ended),
            _ => {}
        }
        if choice
            .0
            .get_untracked()
            .is_due(clock::now() - last_use.get_value())
        {
            lock_now();
        }
    };
    for event in [
        "pointerdown",
        "keydown",
        "input",
        "scroll",
        "wheel",
        "touchstart",
    ] {
        let handle = window_event_listener_untyped(event, move |_| {
            // A first touch after a long sleep locks rather than counts.
            lock_if_due();
            last_use.set_value(clock::now());
        });
        // As long as the page lives.
        std::mem::forget(handle);
    }
    let on_visible = window_event_listener_untyped("visibilitychange", move |_| lock_if_due());
    std::mem::forget(on_visible);
    let _ = set_interval_with_handle(lock_if_due, Duration::from_secs(10));
    choice
}

pub fn use_auto_lock() -> AutoLockChoice {
    expect_context::<AutoLockChoice>()
}

impl AutoLockChoice {
    pub fn get(self) -> AutoLock {
        self.0.get()
    }

    /// Remembers the choice on this device; the watcher follows it at once.
    pub fn set(self, choice: AutoLock) -> Result<(), NotSaved> {
        store::save_auto_lock(choice)?;
        self.0.set(choice);
        Ok(())
    }
}

/// Locks now: a reload forgets the key and every opened value.
pub fn lock_now() {
    let _ = window().location().reload();
}

/// What opens the app, for pages shown while locked that offer the unlock
/// in place (a tool that needs the journal).
#[derive(Clone, Copy)]
pub struct OnOpen(pub Callback<Opened>);

/// Whether the lock is open now. A context given while locked (`OnOpen`)
/// can still be found by the pages built after the unlock, so a page that
/// asks for the passphrase checks this too: without it, unlocking on a tool
/// that needs the journal showed the unlock page again.
#[derive(Clone, Copy)]
pub struct LockOpen(pub ReadSignal<bool>);
