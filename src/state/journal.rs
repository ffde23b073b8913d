//! The journal, kept current with other tabs, and the draft of the entry
//! being written.

use leptos::prelude::*;

use crate::browser::clock;
use crate::domain::draft::JournalDraft;
use crate::domain::journal::Journal;
use crate::domain::practice::record::ToolUse;
use crate::state::notices::{Notices, use_notices};
use crate::state::rules::Record;
use crate::store::{self, NotSaved};

/// The journal, kept current with other tabs.
#[derive(Clone, Copy)]
pub struct JournalData {
    journal: Record<Journal>,
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
        journal: Record::new(journal),
        notices,
    });
}

pub fn use_journal() -> JournalData {
    expect_context::<JournalData>()
}

impl JournalData {
    /// What is saved. Read-only: changes go through [`JournalData::change`].
    pub fn journal(self) -> ReadSignal<Journal> {
        self.journal.shown()
    }

    /// Applies `change` and saves. On failure nothing changes on screen
    /// except the message: the caller keeps the person's text where it is
    /// until this resolves.
    pub async fn change(self, change: impl FnOnce(&mut Journal)) -> Result<(), NotSaved> {
        self.journal
            .save(change, async |next| store::save_journal(&next).await)
            .await
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

    /// Saves a finished tool use as a journal entry, and returns its id: the
    /// one place the practice tools write to the journal.
    /// The message on failure is for people, and says nothing was lost.
    pub async fn save_tool_use(self, use_: ToolUse) -> Result<String, String> {
        let entry = use_
            .into_entry(clock::random_id(), clock::now())
            .map_err(|e| e.0)?;
        let id = entry.id.clone();
        self.change(|j| j.upsert(entry))
            .await
            .map_err(|not_saved| {
                format!("{not_saved} Not saved: your answers are still here, nothing was lost.")
            })?;
        Ok(id)
    }

    /// Picks up what another tab saved.
    pub fn reload(self) {
        if let Ok(stored) = store::load_journal() {
            self.journal.update_from_store(|j| {
                j.merge(&stored);
            });
        }
    }
}

impl JournalData {
    /// Replaces what is shown with what is stored (after an erase or import).
    pub(super) fn reload_all(self) {
        self.journal
            .show_stored(store::load_journal().unwrap_or_default());
    }
}

/// The entry being written when the page was last left, if any.
pub fn load_draft() -> Option<JournalDraft> {
    store::load_draft()
}

/// Keeps the entry being written, so a reload or a closed tab loses
/// nothing. An empty draft that edits nothing is simply forgotten.
pub async fn keep_draft(draft: JournalDraft) -> Result<(), NotSaved> {
    store::save_draft(&draft).await
}

/// Forgets the draft: its entry was saved, or the person discarded it.
pub fn clear_draft() {
    store::clear_draft();
}

/// A tool used while Steady was locked: what it would save waits here, in
/// this tab's memory only, until the lock is opened. Nothing of it is
/// written before then, so the lock's promise holds.
#[derive(Clone, Copy)]
pub struct HeldToolUse(RwSignal<Option<ToolUse>>);

/// Provided above the lock, so a held use survives the unlock.
pub fn provide_held_tool_use() {
    provide_context(HeldToolUse(RwSignal::new(None)));
}

pub fn use_held_tool_use() -> HeldToolUse {
    expect_context::<HeldToolUse>()
}

impl HeldToolUse {
    /// Keeps `use_` to save once the lock is open (replacing any older one).
    pub fn hold(self, use_: ToolUse) {
        self.0.set(Some(use_));
    }

    /// Saves the held use now that the journal is open, and says so. On
    /// failure it stays held for this tab's life, and the person is told.
    pub fn save_into(self, journal: JournalData) {
        leptos::task::spawn_local(self.saved_into(journal));
    }

    /// [`HeldToolUse::save_into`], awaited.
    pub async fn saved_into(self, journal: JournalData) {
        let Some(use_) = self.0.get_untracked() else {
            return;
        };
        let rated = use_.intensity_words();
        match journal.save_tool_use(use_).await {
            Ok(_) => {
                self.0.set(None);
                journal.notices.show(match rated {
                    Some(rated) => format!("What you did while Steady was locked is now saved to your journal. {rated}."),
                    None => "What you did while Steady was locked is now saved to your journal.".to_string(),
                });
            }
            Err(why) => journal.notices.show(why),
        }
    }

    /// Whether a use waits to be saved.
    pub fn is_holding(self) -> bool {
        self.0.with_untracked(Option::is_some)
    }
}
