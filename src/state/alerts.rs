//! What a timer's end does beyond the screen (`domain::practice::alerts`),
//! the same choice on every timer's page, remembered on this device. Not
//! sealed, like the auto-lock: the calm tools run behind the lock.
//! `crate::browser::alerts` is the edge that makes the sound, the vibration and the
//! notification.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::alerts::{self, NotifyPermission};
use crate::domain::practice::alerts::{TimeUp, TimerAlerts};
use crate::store::{self, NotSaved};

#[derive(Clone, Copy)]
pub struct Alerts {
    choice: RwSignal<TimerAlerts>,
    /// What the browser says about notifications, read again after asking.
    permission: RwSignal<NotifyPermission>,
}

/// Provided above the lock, with the wait timer that uses it.
pub fn provide_alerts() {
    provide_context(Alerts {
        choice: RwSignal::new(store::load_timer_alerts()),
        permission: RwSignal::new(alerts::notify_permission()),
    });
}

pub fn use_alerts() -> Alerts {
    expect_context::<Alerts>()
}

impl Alerts {
    pub fn get(self) -> TimerAlerts {
        self.choice.get()
    }

    /// The choice as it is now, for a change to start from.
    pub fn get_untracked_choice(self) -> TimerAlerts {
        self.choice.get_untracked()
    }

    pub fn permission(self) -> NotifyPermission {
        self.permission.get()
    }

    /// Remembers the choice on this device. Turning notifications on asks
    /// the browser's question then (from that tap), never on load.
    pub fn set(self, choice: TimerAlerts) -> Result<(), NotSaved> {
        store::save_timer_alerts(choice)?;
        let newly_notify = choice.notify && !self.choice.get_untracked().notify;
        self.choice.set(choice);
        if newly_notify {
            self.ask();
        }
        if choice.chime {
            // A tap: the moment a phone lets a page get sound ready.
            alerts::prepare_chime();
        }
        Ok(())
    }

    fn ask(self) {
        spawn_local(async move {
            self.permission.set(alerts::ask_to_notify().await);
        });
    }

    /// Called from the tap that starts a timer: gets the chime ready, and
    /// asks about notifications if they are on and were never answered.
    pub fn starting(self) {
        let choice = self.choice.get_untracked();
        if choice.chime {
            alerts::prepare_chime();
        }
        if choice.notify && alerts::notify_permission() == NotifyPermission::NotAsked {
            self.ask();
        }
    }

    /// A timer ran out by itself (not stopped by the person): chime,
    /// vibrate and notify as chosen. The screen says so in any case.
    pub fn time_is_up(self, what: TimeUp) {
        let choice = self.choice.get_untracked();
        if choice.chime {
            alerts::chime();
        }
        if choice.vibrate {
            alerts::vibrate();
        }
        if choice.notify {
            let (title, body) = what.words();
            alerts::notify(title, body);
        }
    }
}
