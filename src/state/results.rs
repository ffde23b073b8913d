//! The quiz history: loaded once, changed only through a save that
//! resolved, refreshed when another tab saves.

use leptos::prelude::*;

use crate::domain::history::{History, QuizResult};
use crate::state::notices::use_notices;
use crate::state::rules::Record;
use crate::store::{self, NotSaved};

#[derive(Clone, Copy)]
pub struct Results {
    history: Record<History>,
}

/// Loads the history. Unreadable history is never written over without a
/// copy: `store` keeps it aside, and the person is told.
pub fn provide_results() {
    let notices = use_notices();
    let history = match store::load_history() {
        Ok(history) => history,
        Err(problem) => {
            notices.show(format!(
                "Your saved quiz results could not be read ({problem}), so none are shown. The saved copy has been kept aside, unchanged, and new results are saved separately."
            ));
            History::default()
        }
    };
    provide_context(Results {
        history: Record::new(history),
    });
}

pub fn use_results() -> Results {
    expect_context::<Results>()
}

/// The results, unless Steady is still locked.
pub fn try_use_results() -> Option<Results> {
    use_context::<Results>()
}

impl Results {
    /// What is saved. Read-only: changes go through the methods below.
    pub fn history(self) -> ReadSignal<History> {
        self.history.shown()
    }

    /// Saves `change` applied to the history; the screen changes only once
    /// it is saved.
    async fn change<T>(self, change: impl FnOnce(&mut History) -> T) -> Result<T, NotSaved> {
        self.history
            .save(change, async |next| {
                store::save_history(&next).await?;
                Ok(next)
            })
            .await
    }

    pub async fn add(self, result: QuizResult) -> Result<(), NotSaved> {
        self.change(|h| h.add(result)).await
    }

    /// Removes a result; `Ok(None)` when there was no such result.
    pub async fn remove(self, id: &str) -> Result<Option<QuizResult>, NotSaved> {
        if self.history.with_untracked(|h| h.get(id).is_none()) {
            return Ok(None);
        }
        Ok(self.change(|h| h.remove(id)).await?.map(|(_, r)| r))
    }

    pub async fn restore(self, result: QuizResult) -> Result<(), NotSaved> {
        self.change(|h| h.restore(result)).await
    }

    /// Picks up what another tab saved.
    pub fn reload(self) {
        if let Ok(stored) = store::load_history() {
            self.history.show_stored(stored);
        }
    }

    /// Replaces what is shown with what is stored (after an erase or import).
    pub(super) fn reload_all(self) {
        self.history
            .show_stored(store::load_history().unwrap_or_default());
    }
}
