//! The only layer between the pages and `store`. It owns the app's signals
//! and its workflows (finishing the quiz, importing, the lock), and keeps
//! the two rules of [`rules`]: a record is saved, then shown; a draft is
//! shown, then kept. Pages and components read signals and call functions
//! here; they never name `store`. The workflows are tested natively
//! (`tests.rs`), over memory.

pub mod alerts;
pub mod comparisons;
pub mod data;
pub mod journal;
pub mod lock;
pub mod notices;
pub mod progress;
pub mod quiz;
pub mod results;
pub mod rules;
pub mod theme;
pub mod tool_drafts;
pub mod wait_timer;

use leptos::prelude::*;

pub use crate::store::NotSaved;
use crate::store::{self, ChangedElsewhere};
pub use journal::{JournalData, provide_journal, use_journal};
pub use progress::{ProgressData, provide_progress, try_use_progress, use_progress};
pub use results::{Results, provide_results, try_use_results, use_results};
use wait_timer::{WaitTimer, use_wait_timer};

/// Every piece of app data, captured while the component tree is reachable
/// so that an event handler can refresh them all.
#[derive(Clone, Copy)]
pub struct AllData {
    journal: JournalData,
    results: Results,
    progress: ProgressData,
    wait: WaitTimer,
}

impl AllData {
    pub fn capture() -> AllData {
        AllData {
            journal: use_journal(),
            results: use_results(),
            progress: use_progress(),
            wait: use_wait_timer(),
        }
    }

    /// Replaces everything on screen with what is stored: after an import,
    /// an erase, or another tab erasing.
    pub fn reload(self) {
        self.journal.reload_all();
        self.results.reload_all();
        self.progress.reload();
        self.wait.reload();
    }
}

/// Keeps this tab's data current when another tab saves.
pub fn sync_with_other_tabs() {
    let all = AllData::capture();
    store::watch_other_tabs(move |what| {
        match what {
        ChangedElsewhere::Journal => all.journal.reload(),
        ChangedElsewhere::Results => all.results.reload(),
        ChangedElsewhere::Progress => all.progress.reload(),
        ChangedElsewhere::WaitTimer => all.wait.reload(),
        // The store has refreshed its copy; the page keeps what was typed here.
        ChangedElsewhere::Draft => {}
        ChangedElsewhere::All => all.reload(),
        ChangedElsewhere::Lock => all.journal.notices.show_with_action(
            "The lock was changed in another tab. This tab will not save anything until it is reloaded; what you see here is kept until then.".to_string(),
            "Reload now",
            || {
                let _ = window().location().reload();
            },
        ),
    }
    });
}

#[cfg(test)]
mod tests;
