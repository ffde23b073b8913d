//! The journal entry being written: kept between visits so a closed tab or a
//! failed save never loses a word.

use std::collections::BTreeMap;

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
    /// Why this draft cannot be stored as it is (from a backup file, say):
    /// a field far longer than an entry may hold.
    pub fn problem(&self) -> Option<String> {
        use super::journal::limits;
        let too_long = [
            ("title", &self.title, limits::TITLE),
            ("body", &self.body, limits::BODY),
            ("feeling", &self.feeling, limits::FEELING),
            ("intensity", &self.intensity, 2),
            ("tags", &self.tags, limits::TAGS * (limits::TAG + 2)),
        ]
        .into_iter()
        .find(|(_, text, max)| text.chars().count() > *max);
        too_long.map(|(name, _, _)| format!("its {name} is too long"))
    }

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

/// The most a tool's draft may hold: far more than anyone types into a
/// tool, and a bound on what a hand-edited backup can ask to store (the
/// storage's quota still refuses a file of many such drafts, with a reason).
pub const MAX_DRAFT_FIELDS: usize = 40;
pub const MAX_DRAFT_FIELD_CHARS: usize = 20_000;
pub const MAX_DRAFT_STEP: u32 = 20;

/// What a practice tool holds before it is saved: its text boxes and
/// ratings by name (each tool names its own), and the step it is on.
/// Kept between visits like the journal's draft, because phones reload a
/// tab when the person switches apps, which is exactly when a tool is used.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ToolDraft {
    #[serde(default)]
    pub fields: BTreeMap<String, String>,
    /// 0 for the first step, or for a tool without steps.
    #[serde(default)]
    pub step: u32,
    /// When it was last changed (ms since the Unix epoch), so the person can
    /// be told how old a kept draft is.
    #[serde(default)]
    pub updated: f64,
}

impl ToolDraft {
    /// Nothing typed, tapped or reached: there is nothing to keep.
    pub fn is_empty(&self) -> bool {
        self.step == 0 && self.fields.values().all(|v| v.trim().is_empty())
    }

    /// The text of the field `name`, or "" when it was never typed in.
    pub fn field(&self, name: &str) -> &str {
        self.fields.get(name).map_or("", String::as_str)
    }

    /// Sets `name` to `value`; an empty field is not kept, so a draft that
    /// was typed in and cleared again is empty.
    pub fn set_field(&mut self, name: &str, value: &str) {
        if value.is_empty() {
            self.fields.remove(name);
        } else {
            self.fields.insert(name.to_string(), value.to_string());
        }
    }

    /// Why this draft cannot be stored as it is (from a backup file, say).
    pub fn problem(&self) -> Option<String> {
        if self.fields.len() > MAX_DRAFT_FIELDS {
            return Some(format!("more than {MAX_DRAFT_FIELDS} fields"));
        }
        if let Some((name, _)) = self.fields.iter().find(|(name, value)| {
            name.chars().count() > 60 || value.chars().count() > MAX_DRAFT_FIELD_CHARS
        }) {
            return Some(format!("the field {name:?} is too long"));
        }
        if self.step > MAX_DRAFT_STEP {
            return Some(format!("step {} is past the last step", self.step));
        }
        if !self.updated.is_finite() || self.updated < 0.0 {
            return Some("its time is not a time".into());
        }
        None
    }
}

/// Every unfinished draft: the journal entry being written and each
/// practice tool's, by the tool's slug. What a backup carries of them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Drafts {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub journal: Option<JournalDraft>,
    #[serde(default)]
    pub tools: BTreeMap<String, ToolDraft>,
}

impl Drafts {
    pub fn is_empty(&self) -> bool {
        self.journal.is_none() && self.tools.is_empty()
    }

    /// How many drafts there are, the journal's included.
    pub fn count(&self) -> usize {
        usize::from(self.journal.is_some()) + self.tools.len()
    }

    /// The drafts of `theirs` that are not here: a draft here is work in
    /// progress on this device, so an import never writes over one (in
    /// either mode); it only brings the drafts this device does not have.
    pub fn missing_here(&self, theirs: &Drafts) -> Drafts {
        Drafts {
            journal: theirs
                .journal
                .clone()
                .filter(|d| self.journal.is_none() && !d.is_empty()),
            tools: theirs
                .tools
                .iter()
                .filter(|(slug, d)| !self.tools.contains_key(*slug) && !d.is_empty())
                .map(|(slug, d)| (slug.clone(), d.clone()))
                .collect(),
        }
    }

    /// These drafts with `theirs` added where none is here.
    pub fn with_missing_from(&self, theirs: &Drafts) -> Drafts {
        let mut out = self.clone();
        let missing = self.missing_here(theirs);
        if out.journal.is_none() {
            out.journal = missing.journal;
        }
        out.tools.extend(missing.tools);
        out
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

    fn tool(fields: &[(&str, &str)], step: u32) -> ToolDraft {
        let mut d = ToolDraft {
            step,
            ..ToolDraft::default()
        };
        for (k, v) in fields {
            d.set_field(k, v);
        }
        d
    }

    #[test]
    fn a_tool_draft_typed_in_and_cleared_again_is_empty() {
        let mut d = tool(&[("situation", "they did not reply")], 0);
        assert!(!d.is_empty());
        assert_eq!(d.field("situation"), "they did not reply");
        d.set_field("situation", "");
        assert!(d.is_empty());
        assert_eq!(d.field("situation"), "");
        // Whitespace alone is nothing typed; a step reached is something.
        assert!(tool(&[("a", "  \n")], 0).is_empty());
        assert!(!tool(&[], 2).is_empty());
    }

    #[test]
    fn a_tool_draft_from_elsewhere_is_refused_when_it_could_fill_the_storage() {
        assert_eq!(tool(&[("a", "words")], 3).problem(), None);
        let long = "x".repeat(MAX_DRAFT_FIELD_CHARS + 1);
        assert!(
            tool(&[("a", &long)], 0)
                .problem()
                .unwrap()
                .contains("\"a\"")
        );
        let many: Vec<(String, String)> = (0..=MAX_DRAFT_FIELDS)
            .map(|i| (format!("f{i}"), "v".into()))
            .collect();
        let d = ToolDraft {
            fields: many.into_iter().collect(),
            ..ToolDraft::default()
        };
        assert!(d.problem().is_some());
        assert!(tool(&[], MAX_DRAFT_STEP + 1).problem().is_some());
        let bad_time = ToolDraft {
            updated: f64::NAN,
            ..ToolDraft::default()
        };
        assert!(bad_time.problem().is_some());
    }

    #[test]
    fn an_import_adds_drafts_but_never_writes_over_one_here() {
        let here = Drafts {
            journal: None,
            tools: [("reframe".to_string(), tool(&[("a", "mine")], 0))].into(),
        };
        let theirs = Drafts {
            journal: Some(typed("their entry")),
            tools: [
                ("reframe".to_string(), tool(&[("a", "theirs")], 0)),
                ("repair".to_string(), tool(&[("b", "sorry")], 1)),
                ("wait".to_string(), tool(&[], 0)),
            ]
            .into(),
        };
        let missing = here.missing_here(&theirs);
        // Theirs of reframe is not brought (one is here), and an empty one is not a draft.
        assert_eq!(missing.count(), 2);
        let after = here.with_missing_from(&theirs);
        assert_eq!(after.tools["reframe"].field("a"), "mine");
        assert_eq!(after.tools["repair"].step, 1);
        assert!(!after.tools.contains_key("wait"));
        assert_eq!(after.journal, Some(typed("their entry")));
        // A journal draft here stays as it is.
        let mine = Drafts {
            journal: Some(typed("mine")),
            ..Drafts::default()
        };
        assert_eq!(mine.with_missing_from(&theirs).journal, Some(typed("mine")));
    }
}
