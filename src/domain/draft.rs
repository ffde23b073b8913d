//! The journal entry being written: kept between visits so a closed tab or a
//! failed save never loses a word.

use serde::{Deserialize, Serialize};

/// The entry being written, kept between visits. Plain strings: a draft is
/// whatever was typed, valid or not.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct JournalDraft {
    /// The entry being edited, or none for a new one.
    #[serde(default)]
    pub editing: Option<String>,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub feeling: String,
    #[serde(default)]
    pub intensity: String,
    #[serde(default)]
    pub tags: String,
}

impl JournalDraft {
    pub fn is_empty(&self) -> bool {
        self.title.trim().is_empty()
            && self.body.trim().is_empty()
            && self.feeling.trim().is_empty()
            && self.tags.trim().is_empty()
    }
}
