//! The two rules every change in Steady follows, one type each.
//!
//! - [`Record`]: something the person made and means to keep (a result, a
//!   journal entry, a check-in). **Save, then show:** the screen changes only
//!   once the store has it, so what is shown is never more than what is kept.
//! - [`Draft`]: something in the making (answers so far, a form being typed,
//!   a running timer, a theme). **Show, then keep:** the screen follows the
//!   person at once, keeping follows, and when keeping fails the person is
//!   told once, not at every key press, until keeping works again.

use std::future::Future;

use leptos::prelude::*;

use crate::state::notices::Notices;
use crate::store::NotSaved;

/// A value that is shown only as it was saved. See the module docs.
pub struct Record<T: Send + Sync + 'static> {
    shown: RwSignal<T>,
}

impl<T: Send + Sync + 'static> Clone for Record<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Record<T> {}

impl<T: Clone + Send + Sync + 'static> Record<T> {
    /// A record showing `stored`, as read from the store.
    pub fn new(stored: T) -> Self {
        Record {
            shown: RwSignal::new(stored),
        }
    }

    /// What is saved, as a read-only signal to hand out. Changes go
    /// through [`Record::save`].
    #[inline]
    pub fn shown(self) -> ReadSignal<T> {
        self.shown.read_only()
    }

    /// Reads what is saved, untracked.
    #[inline]
    pub fn with_untracked<R>(self, f: impl FnOnce(&T) -> R) -> R {
        self.shown.with_untracked(f)
    }

    /// Applies `change` to a copy, saves the copy with `save`, and only then
    /// shows what `save` returns (the store may merge in another tab's
    /// changes). On failure nothing on screen changes.
    pub async fn save<R, F>(
        self,
        change: impl FnOnce(&mut T) -> R,
        save: impl FnOnce(T) -> F,
    ) -> Result<R, NotSaved>
    where
        F: Future<Output = Result<T, NotSaved>>,
    {
        let mut next = self.shown.get_untracked();
        let out = change(&mut next);
        let saved = save(next).await?;
        self.shown.set(saved);
        Ok(out)
    }

    /// Draws what is saved again: a control the browser changed by itself
    /// (a ticked box) goes back to what is kept after a failed save.
    pub fn redraw(self) {
        self.shown.notify();
    }

    /// Shows what the store holds now: after another tab saved, an import
    /// or an erase. Nothing is written.
    pub fn show_stored(self, stored: T) {
        self.shown.set(stored);
    }

    /// Changes what is shown to match the store without writing (another
    /// tab's changes merged into this one's).
    pub fn update_from_store(self, f: impl FnOnce(&mut T)) {
        self.shown.update(f);
    }
}

/// A value shown as the person changes it and kept after. See the module
/// docs.
pub struct Draft<T: Send + Sync + 'static> {
    shown: RwSignal<T>,
    /// Whether the person was told keeping failed, since it last worked.
    told: StoredValue<bool>,
    notices: Notices,
    /// What the person risks when keeping fails, said after the store's
    /// reason: "A reload would lose the timer."
    if_not_kept: &'static str,
}

impl<T: Send + Sync + 'static> Clone for Draft<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Draft<T> {}

impl<T: Clone + Send + Sync + 'static> Draft<T> {
    pub fn new(value: T, notices: Notices, if_not_kept: &'static str) -> Self {
        Draft {
            shown: RwSignal::new(value),
            told: StoredValue::new(false),
            notices,
            if_not_kept,
        }
    }

    /// What is shown, as a read-only signal to hand out.
    #[inline]
    pub fn shown(self) -> ReadSignal<T> {
        self.shown.read_only()
    }

    /// Reads what is shown, tracked.
    #[inline]
    pub fn with<R>(self, f: impl FnOnce(&T) -> R) -> R {
        self.shown.with(f)
    }

    /// Reads what is shown, untracked.
    #[inline]
    pub fn with_untracked<R>(self, f: impl FnOnce(&T) -> R) -> R {
        self.shown.with_untracked(f)
    }

    #[inline]
    pub fn get_untracked(self) -> T {
        self.shown.get_untracked()
    }

    /// Shows `value` now; the future it returns keeps it with `keep`, and
    /// tells the person if that failed.
    pub fn set<F>(self, value: T, keep: impl FnOnce(T) -> F) -> impl Future<Output = ()> + 'static
    where
        F: Future<Output = Result<(), NotSaved>> + 'static,
    {
        self.shown.set(value.clone());
        let keeping = keep(value);
        async move { self.kept(keeping.await) }
    }

    /// Changes what is shown with `f` now, then keeps it, as [`Draft::set`].
    pub fn update<F>(
        self,
        f: impl FnOnce(&mut T),
        keep: impl FnOnce(T) -> F,
    ) -> impl Future<Output = ()> + 'static
    where
        F: Future<Output = Result<(), NotSaved>> + 'static,
    {
        let mut next = self.shown.get_untracked();
        f(&mut next);
        self.set(next, keep)
    }

    /// Shows `value` without keeping it (read back from the store, or a
    /// state that is kept by other means).
    pub fn show(self, value: T) {
        self.shown.set(value);
    }

    /// Tells the person, once, that keeping failed; a success re-arms it.
    pub fn kept(self, outcome: Result<(), NotSaved>) {
        // The page that owned the draft may be gone by the time keeping
        // ends: then there is no flag, and the notice (app-wide) still goes.
        match outcome {
            Ok(()) => {
                self.told.try_set_value(false);
            }
            Err(not_saved) => {
                if !self.told.try_get_value().unwrap_or(false) {
                    self.told.try_set_value(true);
                    self.notices
                        .show(format!("{not_saved} {}", self.if_not_kept));
                }
            }
        }
    }
}
