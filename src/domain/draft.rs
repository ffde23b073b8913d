//! The journal entry being written: kept between visits so a closed tab or a
//! failed save never loses a word.

use serde::{Deserialize, Serialize};

use super::journal::{EntryKind, Intensity, JournalEntry, change_time, parse_tags};

/// Why a draft cannot become an entry yet. The message is for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftProblem {
    /// Nothing was written.
    Empty,
    /// What was written breaks a rule of entries (too long, say).
    Invalid(String),
}

impl std::fmt::Display for DraftProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DraftProblem::Empty => {
                f.write_str("Write something first: a title, a few words, or a feeling.")
            }
            DraftProblem::Invalid(why) => write!(f, "This entry can't be saved yet: {why}"),
        }
    }
}

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

impl JournalDraft {
    /// The entry this draft saves as: `existing` (the entry being edited)
    /// with the typed fields, or a new free entry with `new_id`. Its last
    /// change is `now`, or just after the entry's previous change, so an edit
    /// always wins a merge with what it edited.
    pub fn to_entry(
        &self,
        existing: Option<&JournalEntry>,
        new_id: impl FnOnce() -> String,
        now: f64,
    ) -> Result<JournalEntry, DraftProblem> {
        if self.is_empty() {
            return Err(DraftProblem::Empty);
        }
        let mut entry = existing
            .cloned()
            .unwrap_or_else(|| JournalEntry::new(new_id(), EntryKind::Free, now));
        entry.title = self.title.trim().to_string();
        entry.body = self.body.trim_end().to_string();
        entry.feeling = Some(self.feeling.trim().to_string()).filter(|f| !f.is_empty());
        entry.intensity_before = self.intensity.parse().ok().and_then(Intensity::new);
        entry.tags = parse_tags(&self.tags);
        entry.updated = change_time(entry.updated, now);
        entry
            .validate()
            .map_err(|e| DraftProblem::Invalid(e.message))?;
        Ok(entry)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(body: &str) -> JournalDraft {
        JournalDraft {
            body: body.into(),
            ..JournalDraft::default()
        }
    }

    #[test]
    fn an_empty_draft_is_not_an_entry() {
        let blank = JournalDraft {
            title: "  ".into(),
            intensity: "4".into(),
            ..JournalDraft::default()
        };
        assert_eq!(
            blank.to_entry(None, || "id".into(), 1.0),
            Err(DraftProblem::Empty)
        );
    }

    #[test]
    fn a_new_entry_keeps_what_was_typed_tidied() {
        let draft = JournalDraft {
            title: "  A hard evening ".into(),
            body: "  It went badly.\n\n".into(),
            feeling: " hurt ".into(),
            intensity: "7".into(),
            tags: "work, Work ,family".into(),
            editing: None,
        };
        let entry = draft.to_entry(None, || "new".into(), 50.0).unwrap();
        assert_eq!(entry.id, "new");
        assert_eq!(entry.title, "A hard evening");
        // Leading space in the body may be the person's layout; trailing is not.
        assert_eq!(entry.body, "  It went badly.");
        assert_eq!(entry.feeling.as_deref(), Some("hurt"));
        assert_eq!(entry.intensity_before, Intensity::new(7));
        assert!(entry.updated >= 50.0 && entry.updated < 50.1);
    }

    #[test]
    fn an_edit_changes_after_the_entry_it_edits_even_with_the_clock_behind() {
        let mut old = JournalEntry::new("e", EntryKind::Free, 100.0);
        old.feeling = Some("calm".into());
        let edit = JournalDraft {
            editing: Some("e".into()),
            ..typed("new words")
        };
        let entry = edit.to_entry(Some(&old), || unreachable!(), 90.0).unwrap();
        assert_eq!(entry.id, "e");
        assert_eq!(entry.body, "new words");
        // A cleared feeling is cleared, not kept from before.
        assert_eq!(entry.feeling, None);
        assert!(entry.updated > old.updated);
    }

    #[test]
    fn an_intensity_out_of_range_is_not_rated() {
        let draft = JournalDraft {
            intensity: "11".into(),
            ..typed("x")
        };
        assert_eq!(
            draft
                .to_entry(None, || "i".into(), 1.0)
                .unwrap()
                .intensity_before,
            None
        );
    }
}
