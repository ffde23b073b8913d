//! The journal, kept current with other tabs, and the draft of the entry
//! being written.

use leptos::prelude::*;

use crate::domain::draft::JournalDraft;
use crate::domain::journal::Journal;
use crate::state::notices::{Notices, use_notices};
use crate::store::{self, NotSaved};

/// The journal, kept current with other tabs.
#[derive(Clone, Copy)]
pub struct JournalData {
    journal: RwSignal<Journal>,
    pub(super) notices: Notices,
}

pub fn provide_journal() {
    let notices = use_notices();
    let journal = match store::load_journal() {
        Ok(journal) => journal,
        Err(problem) => {
            notices.show(format!(
                "Your saved journal could not be read ({problem}). It has been kept aside, unchanged, and can be downloaded from the Your data page. New entries are saved separately."
            ));
            Journal::new()
        }
    };
    provide_context(JournalData {
        journal: RwSignal::new(journal),
        notices,
    });
}

pub fn use_journal() -> JournalData {
    expect_context::<JournalData>()
}

impl JournalData {
    /// What is saved. Read-only: changes go through [`JournalData::change`].
    pub fn journal(self) -> ReadSignal<Journal> {
        self.journal.read_only()
    }

    /// Applies `change` and saves. On failure nothing changes on screen
    /// except the message: the caller keeps the person's text where it is
    /// until this resolves.
    pub async fn change(self, change: impl FnOnce(&mut Journal)) -> Result<(), NotSaved> {
        let mut next = self.journal.get_untracked();
        change(&mut next);
        let merged = store::save_journal(&next).await?;
        self.journal.set(merged);
        Ok(())
    }

    /// Like [`JournalData::change`], telling the person when it failed.
    pub async fn change_or_tell(self, change: impl FnOnce(&mut Journal)) -> bool {
        match self.change(change).await {
            Ok(()) => true,
            Err(not_saved) => {
                self.notices
                    .show(format!("{not_saved} Nothing was changed."));
                false
            }
        }
    }

    /// Picks up what another tab saved.
    pub fn reload(self) {
        if let Ok(stored) = store::load_journal() {
            self.journal.update(|j| {
                j.merge(&stored);
            });
        }
    }
}

impl JournalData {
    /// Replaces what is shown with what is stored (after an erase or import).
    pub(super) fn reload_all(self) {
        self.journal.set(store::load_journal().unwrap_or_default());
    }
}

/// The entry being written when the page was last left, if any.
pub fn load_draft() -> Option<JournalDraft> {
    store::load_draft()
}

/// Keeps the entry being written, so a reload or a closed tab loses
/// nothing. An empty draft that edits nothing is simply forgotten.
pub async fn save_draft(draft: &JournalDraft) -> Result<(), NotSaved> {
    store::save_draft(draft).await
}

/// Forgets the draft: its entry was saved, or the person discarded it.
pub fn clear_draft() {
    store::clear_draft();
}
