//! What each practice tool holds before it is saved (its text, ratings and
//! step), kept as it changes, so a phone that reloads the tab when the
//! person switches apps loses nothing. Stored like every other value:
//! sealed by the lock, in the backup, erased by "Erase everything".
//!
//! Provided only while the lock is open: a tool used while locked keeps
//! its text in this tab's memory, as nothing protected is written then.

use leptos::prelude::*;

use crate::domain::draft::ToolDraft;
use crate::routes::Tool;
use crate::store::{self, NotSaved};

/// Where a draft is kept: a tool's form, or the message written during a
/// wait instead of sent (kept apart from the wait timer, whose stored shape
/// an open tab of an older release must still be able to read).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftSlot {
    Tool(Tool),
    WaitMessage,
}

impl DraftSlot {
    pub const WAIT_MESSAGE: &str = "wait-message";

    pub fn slug(self) -> &'static str {
        match self {
            DraftSlot::Tool(tool) => tool.slug(),
            DraftSlot::WaitMessage => Self::WAIT_MESSAGE,
        }
    }
}

impl From<Tool> for DraftSlot {
    fn from(tool: Tool) -> DraftSlot {
        DraftSlot::Tool(tool)
    }
}

/// Where the tools' drafts are kept: provided once the lock is open.
#[derive(Clone, Copy)]
pub struct ToolDrafts;

pub fn provide_tool_drafts() {
    provide_context(ToolDrafts);
}

/// `None` while Steady is locked.
pub fn try_use_tool_drafts() -> Option<ToolDrafts> {
    use_context::<ToolDrafts>()
}

impl ToolDrafts {
    /// What `slot` held when it was last left, if anything.
    pub fn load(self, slot: DraftSlot) -> Option<ToolDraft> {
        store::load_tool_draft(slot.slug()).filter(|d| !d.is_empty())
    }

    /// Keeps `draft` in `slot`; an empty one forgets it (the tool's use
    /// was saved, or the person cleared it).
    pub async fn save(self, slot: DraftSlot, draft: &ToolDraft) -> Result<(), NotSaved> {
        store::save_tool_draft(slot.slug(), draft).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tool_has_a_place_for_its_draft() {
        let slots = Tool::ALL
            .into_iter()
            .map(DraftSlot::Tool)
            .chain([DraftSlot::WaitMessage]);
        for slot in slots {
            assert!(store::keeps_tool_draft(slot.slug()), "{}", slot.slug());
        }
    }
}
