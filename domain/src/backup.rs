//! Backups: everything the person has written, in one file they keep, and
//! the careful way back in.
//!
//! Storage in the browser can be cleared (Safari does so after seven days
//! without a visit), so a backup file is the person's safety net. Reading one
//! is all-or-nothing: a file is checked completely before anything changes,
//! and each way it can be wrong has its own plain message saying what to do.

use std::collections::BTreeMap;
use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::draft::{Drafts, JournalDraft};
use super::history::{History, QuizResult};
use super::insights::{SelfCheck, StarterPlan};
use super::journal::{FieldError, Journal, JournalEntry, check_id, check_time, describe};
use super::quiz::{Item, score};
use super::share::{KeptComparisons, SharedResult};
use super::units::megabytes_one_decimal;

/// The `format` of every backup file.
pub const BACKUP_FORMAT: &str = "steady-backup";
/// The `format` of a backup protected with a passphrase; the UI decrypts it
/// and hands the inner backup to [`parse_backup`].
pub const ENCRYPTED_BACKUP_FORMAT: &str = "steady-backup-encrypted";
/// The version this release writes and reads up to.
pub const BACKUP_VERSION: u32 = 1;
/// Far above what 5 MB of browser storage can hold, so only a wrong file
/// (a video, an archive) is refused by size.
pub const MAX_BACKUP_BYTES: usize = 10 * 1024 * 1024;

/// One backup file. Read it with [`parse_backup`], which checks everything;
/// deserialising one directly goes through the same checks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Backup {
    /// Always [`BACKUP_FORMAT`].
    pub format: String,
    pub version: u32,
    /// Milliseconds since the Unix epoch.
    pub exported_at: f64,
    /// Every entry, deleted ones as tombstones, so a merge on another device
    /// deletes them there too.
    pub journal: Vec<JournalEntry>,
    pub results: Vec<QuizResult>,
    pub self_checks: Vec<SelfCheck>,
    pub plan: StarterPlan,
    /// Shared results the person chose to keep, as their link codes. Absent
    /// in backups made before sharing existed, which read as none.
    pub comparisons: Vec<SharedResult>,
    /// Unfinished drafts: the journal entry and each practice tool's. Absent
    /// in backups made before drafts travelled, which read as none.
    pub drafts: Drafts,
}

impl Backup {
    /// The backup with no time later than `now`. A file from a device whose
    /// clock ran ahead would otherwise carry entries "changed in the future",
    /// which a later edit here could never win over; a time moved back to
    /// now keeps its order with every other time in the file that is not
    /// ahead.
    pub fn clamped_to(mut self, now: f64) -> Backup {
        let clamp = |t: &mut f64| {
            if *t > now {
                *t = now;
            }
        };
        clamp(&mut self.exported_at);
        for entry in &mut self.journal {
            clamp(&mut entry.created);
            clamp(&mut entry.updated);
        }
        for result in &mut self.results {
            clamp(&mut result.taken_at);
        }
        for check in &mut self.self_checks {
            clamp(&mut check.taken_at);
        }
        for draft in self.drafts.tools.values_mut() {
            clamp(&mut draft.updated);
        }
        self
    }

    pub fn to_json_pretty(&self) -> String {
        let compact = serde_json::to_string(self).expect("Steady's own types always serialise");
        indent(&compact)
    }
}

/// serde_json's compact output laid out as `to_string_pretty` lays it out
/// (two spaces, `": "`, empty `[]` and `{}` kept on one line). Pretty-printing
/// the types themselves would compile every one of them a second time, for
/// the pretty formatter (about 5 KB of wasm).
fn indent(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 2);
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    let mut chars = compact.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                let close = if c == '{' { '}' } else { ']' };
                if chars.peek() == Some(&close) {
                    out.push(close);
                    chars.next();
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth -= 1;
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

impl<'de> Deserialize<'de> for Backup {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Backup, D::Error> {
        let value = Value::deserialize(d)?;
        backup_from_value(value).map_err(serde::de::Error::custom)
    }
}

/// Why a file could not be imported. Nothing is ever changed when one of
/// these comes back, and every message says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
    },
    Empty,
    NotJson,
    /// Valid as far as it goes, but it stops early: a cut-off download or copy.
    Truncated,
    /// JSON, but not Steady's (another app's export, a settings file).
    NotABackup,
    NewerVersion {
        found: u32,
        supported: u32,
    },
    /// Protected with a passphrase: decrypt, then parse the inner backup.
    Encrypted,
    /// A backup, but a value in it is wrong: `path` says where
    /// (`journal[3].intensity_before`).
    Invalid {
        path: String,
        message: String,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const UNCHANGED: &str = "Nothing was changed.";
        match self {
            ImportError::TooLarge { bytes } => write!(
                f,
                "This file is {} MB, far larger than a Steady backup can be (at most {} MB), so it is probably a different file. Check that you chose the backup Steady saved. {UNCHANGED}",
                megabytes_one_decimal(*bytes),
                MAX_BACKUP_BYTES / (1024 * 1024)
            ),
            ImportError::Empty => write!(
                f,
                "This file is empty, so there is nothing in it to import. If it came from a download or a cloud drive, try saving it again. {UNCHANGED}"
            ),
            ImportError::NotJson => write!(
                f,
                "This file is not a Steady backup: it is not the kind of text Steady saves. Check that you chose the right file. {UNCHANGED}"
            ),
            ImportError::Truncated => write!(
                f,
                "This backup stops part of the way through, usually because a download or copy did not finish. Try downloading or copying it again, or use another copy. {UNCHANGED}"
            ),
            ImportError::NotABackup => write!(
                f,
                "This file can be read, but it is not a Steady backup (it may come from another app). Choose a file that Steady exported. {UNCHANGED}"
            ),
            ImportError::NewerVersion { found, supported } => write!(
                f,
                "This backup was made by a newer version of Steady (format {found}; this one reads up to {supported}). Update Steady (reload while online) and try again. {UNCHANGED}"
            ),
            ImportError::Encrypted => write!(
                f,
                "This backup is protected with a passphrase. Enter the passphrase to open it. {UNCHANGED}"
            ),
            ImportError::Invalid { path, message } => write!(
                f,
                "Part of this backup is damaged, so none of it was imported (at {path}: {message}). If you have another copy of the backup, try that one. {UNCHANGED}"
            ),
        }
    }
}

impl From<FieldError> for ImportError {
    fn from(e: FieldError) -> ImportError {
        ImportError::Invalid {
            path: e.path,
            message: e.message,
        }
    }
}

/// Lifts a backup of format `from` to format `from + 1`. There is no older
/// format yet. To change the format: raise [`BACKUP_VERSION`], add an arm
/// here for the old number that rewrites the whole document, and add a
/// fixture of the old format to `tests/fixtures/backups/`.
pub fn migrate_backup(from: u32, _document: Value) -> Result<Value, String> {
    Err(format!("backup format {from} is not one Steady ever wrote"))
}

/// Runs `step` from `version` up to `target`, one format at a time, and
/// stamps the result with `target`.
fn upgrade(
    version: u32,
    mut document: Value,
    target: u32,
    step: impl Fn(u32, Value) -> Result<Value, String>,
) -> Result<Value, String> {
    for from in version..target {
        document = step(from, document)?;
    }
    if let Some(obj) = document.as_object_mut() {
        obj.insert("version".into(), target.into());
    }
    Ok(document)
}

/// Reads a backup file, checking all of it. See [`ImportError`] for the ways
/// it can fail; none of them changes anything.
pub fn parse_backup(bytes: &[u8]) -> Result<Backup, ImportError> {
    parse_backup_with(bytes, BACKUP_VERSION, migrate_backup)
}

fn parse_backup_with(
    bytes: &[u8],
    supported: u32,
    step: impl Fn(u32, Value) -> Result<Value, String>,
) -> Result<Backup, ImportError> {
    if bytes.len() > MAX_BACKUP_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    // Some editors on Windows start a saved file with a byte-order mark.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        // Cut inside the last character: truncated if what came before is
        // the start of some JSON.
        Err(e) if e.error_len().is_none() => {
            let before = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            return Err(match read_json(before) {
                Err(ImportError::Truncated) => ImportError::Truncated,
                _ => ImportError::NotJson,
            });
        }
        Err(_) => return Err(ImportError::NotJson),
    };
    let document = read_json(text)?;
    check_and_read(document, supported, step)
}

fn read_json(text: &str) -> Result<Value, ImportError> {
    serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Eof => ImportError::Truncated,
        _ => ImportError::NotJson,
    })
}

fn backup_from_value(document: Value) -> Result<Backup, ImportError> {
    check_and_read(document, BACKUP_VERSION, migrate_backup)
}

fn check_and_read(
    document: Value,
    supported: u32,
    step: impl Fn(u32, Value) -> Result<Value, String>,
) -> Result<Backup, ImportError> {
    let format = document.get("format").and_then(Value::as_str);
    match format {
        Some(BACKUP_FORMAT) => {}
        Some(ENCRYPTED_BACKUP_FORMAT) => return Err(ImportError::Encrypted),
        _ => return Err(ImportError::NotABackup),
    }
    let version = match document.get("version") {
        Some(v) => v
            .as_u64()
            .and_then(|v| u32::try_from(v).ok())
            .ok_or_else(|| {
                FieldError::new(
                    "version",
                    format!("expected a whole number, not {}", describe(v)),
                )
            })?,
        None => return Err(FieldError::new("version", "missing").into()),
    };
    if version > supported {
        return Err(ImportError::NewerVersion {
            found: version,
            supported,
        });
    }
    let document = upgrade(version, document, supported, step)
        .map_err(|message| FieldError::new("version", message))?;
    Ok(read_backup(&document, supported)?)
}

/// Reads a list of `key`, each item with `read`, refusing an id used twice.
fn read_list<T>(
    document: &Value,
    key: &str,
    read: impl Fn(&Value) -> Result<T, FieldError>,
    id: impl Fn(&T) -> &str,
) -> Result<Vec<T>, FieldError> {
    let items = match document.get(key) {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(other) => {
            return Err(FieldError::new(
                key,
                format!("expected a list, not {}", describe(other)),
            ));
        }
    };
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = Vec::with_capacity(items.len());
    for (n, item) in items.iter().enumerate() {
        let at = format!("{key}[{n}]");
        let value = read(item).map_err(|e| e.within(&at))?;
        if let Some(first) = seen.insert(id(&value).to_string(), n) {
            return Err(FieldError::new(
                format!("{at}.id"),
                format!("the same id as {key}[{first}]; each one needs its own"),
            ));
        }
        out.push(value);
    }
    Ok(out)
}

fn read_result(value: &Value) -> Result<QuizResult, FieldError> {
    let result = QuizResult::deserialize(value).map_err(|e| FieldError::new("", e.to_string()))?;
    check_id(&result.id).map_err(|m| FieldError::new("id", m))?;
    check_time(result.taken_at).map_err(|m| FieldError::new("taken_at", m))?;
    Ok(result)
}

fn read_backup(document: &Value, version: u32) -> Result<Backup, FieldError> {
    let exported_at = match document.get("exported_at") {
        None | Some(Value::Null) => 0.0,
        Some(v) => {
            let at = v.as_f64().ok_or_else(|| {
                FieldError::new(
                    "exported_at",
                    format!("expected a number, not {}", describe(v)),
                )
            })?;
            check_time(at).map_err(|m| FieldError::new("exported_at", m))?;
            at
        }
    };
    let plan = match document.get("plan") {
        None | Some(Value::Null) => StarterPlan::default(),
        Some(v) => {
            StarterPlan::deserialize(v).map_err(|e| FieldError::new("plan", e.to_string()))?
        }
    };
    let comparisons = match document.get("comparisons") {
        None | Some(Value::Null) => Vec::new(),
        Some(v) => Vec::<SharedResult>::deserialize(v)
            .map_err(|e| FieldError::new("comparisons", e.to_string()))?,
    };
    let drafts = match document.get("drafts") {
        None | Some(Value::Null) => Drafts::default(),
        Some(v) => {
            let drafts =
                Drafts::deserialize(v).map_err(|e| FieldError::new("drafts", e.to_string()))?;
            if let Some(why) = drafts.journal.as_ref().and_then(JournalDraft::problem) {
                return Err(FieldError::new("drafts.journal", why));
            }
            if let Some((slug, why)) = drafts
                .tools
                .iter()
                .find_map(|(slug, d)| d.problem().map(|why| (slug, why)))
            {
                return Err(FieldError::new(format!("drafts.tools.{slug}"), why));
            }
            drafts
        }
    };
    Ok(Backup {
        format: BACKUP_FORMAT.to_string(),
        version,
        exported_at,
        journal: read_list(document, "journal", JournalEntry::from_value, |e| &e.id)?,
        results: read_list(document, "results", read_result, |r| &r.id)?,
        self_checks: read_list(document, "self_checks", SelfCheck::from_value, |c| &c.id)?,
        plan,
        comparisons,
        drafts,
    })
}

/// Everything Steady keeps for the person: what a backup holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AppData {
    pub journal: Journal,
    pub history: History,
    pub self_checks: Vec<SelfCheck>,
    pub plan: StarterPlan,
    pub comparisons: KeptComparisons,
    pub drafts: Drafts,
}

impl AppData {
    pub fn to_backup(&self, exported_at: f64) -> Backup {
        Backup {
            format: BACKUP_FORMAT.to_string(),
            version: BACKUP_VERSION,
            exported_at,
            journal: self
                .journal
                .all_including_tombstones()
                .into_iter()
                .cloned()
                .collect(),
            results: self.history.all().to_vec(),
            self_checks: self.self_checks.clone(),
            plan: self.plan.clone(),
            comparisons: self.comparisons.all().to_vec(),
            drafts: self.drafts.clone(),
        }
    }
}

/// How an import treats what is already here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    /// Keep everything here and add the backup's: for one entry, the copy
    /// changed last wins.
    Merge,
    /// Everything here is replaced by the backup.
    Replace,
}

/// What an import would do, shown before the person confirms.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportPreview {
    /// Entries that are not here (or were deleted here earlier).
    pub new_entries: usize,
    /// Entries here that the backup's copy would change.
    pub updated_entries: usize,
    /// Entries of the backup that change nothing: the same here, or newer here.
    pub unchanged_entries: usize,
    pub new_results: usize,
    pub new_self_checks: usize,
    /// Replace only: entries here that are not in the backup and would be gone.
    pub entries_removed_by_replace: usize,
    /// Replace only: quiz results and self-checks that would be gone.
    pub results_removed_by_replace: usize,
    pub self_checks_removed_by_replace: usize,
    /// Kept comparisons that are not here yet.
    pub new_comparisons: usize,
    /// Replace only: kept comparisons here that are not in the backup.
    pub comparisons_removed_by_replace: usize,
    /// Merge only: entries here that were deleted, later, where the backup
    /// was made (the backup holds their tombstone).
    pub entries_deleted_by_merge: usize,
    /// Unfinished drafts of the backup's for which none is here (either
    /// mode: a draft here is never written over).
    pub new_drafts: usize,
}

impl ImportPreview {
    /// Whether the import would change anything at all.
    pub fn changes_anything(&self) -> bool {
        self.new_entries
            + self.updated_entries
            + self.new_results
            + self.new_self_checks
            + self.entries_removed_by_replace
            + self.results_removed_by_replace
            + self.self_checks_removed_by_replace
            + self.entries_deleted_by_merge
            + self.new_comparisons
            + self.comparisons_removed_by_replace
            + self.new_drafts
            > 0
    }
}

/// The same words and answers, whenever they were saved.
fn same_content(a: &JournalEntry, b: &JournalEntry) -> bool {
    a == &JournalEntry {
        updated: a.updated,
        ..b.clone()
    }
}

pub fn preview(current: &AppData, backup: &Backup, mode: ImportMode) -> ImportPreview {
    let mut p = ImportPreview::default();
    for b in &backup.journal {
        let here = current.journal.get_including_tombstone(&b.id);
        let live_here = here.filter(|e| !e.deleted);
        let wins = match mode {
            ImportMode::Merge => here.is_none_or(|h| b.updated > h.updated),
            ImportMode::Replace => true,
        };
        match (b.deleted, live_here) {
            (true, Some(_)) if wins && mode == ImportMode::Merge => p.entries_deleted_by_merge += 1,
            (true, _) => {}
            (false, _) if !wins => p.unchanged_entries += 1,
            (false, None) => p.new_entries += 1,
            (false, Some(h)) if same_content(h, b) => p.unchanged_entries += 1,
            (false, Some(_)) => p.updated_entries += 1,
        }
    }
    // Sets of ids, so a preview of two large journals stays linear.
    let history_ids: BTreeSet<&str> = current
        .history
        .all()
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    let check_ids: BTreeSet<&str> = current.self_checks.iter().map(|c| c.id.as_str()).collect();
    p.new_results = backup
        .results
        .iter()
        .filter(|r| !history_ids.contains(r.id.as_str()))
        .count();
    p.new_self_checks = backup
        .self_checks
        .iter()
        .filter(|c| !check_ids.contains(c.id.as_str()))
        .count();
    let theirs = KeptComparisons::new(backup.comparisons.clone());
    p.new_comparisons = theirs
        .all()
        .iter()
        .filter(|c| !current.comparisons.contains(c))
        .count();
    p.new_drafts = current.drafts.missing_here(&backup.drafts).count();
    if mode == ImportMode::Replace {
        let kept_entries: BTreeSet<&str> = backup
            .journal
            .iter()
            .filter(|b| !b.deleted)
            .map(|b| b.id.as_str())
            .collect();
        let kept_results: BTreeSet<&str> = backup.results.iter().map(|b| b.id.as_str()).collect();
        let kept_checks: BTreeSet<&str> =
            backup.self_checks.iter().map(|b| b.id.as_str()).collect();
        p.comparisons_removed_by_replace = current
            .comparisons
            .all()
            .iter()
            .filter(|c| !theirs.contains(c))
            .count();
        p.entries_removed_by_replace = current
            .journal
            .entries()
            .into_iter()
            .filter(|h| !kept_entries.contains(h.id.as_str()))
            .count();
        p.results_removed_by_replace = history_ids.difference(&kept_results).count();
        p.self_checks_removed_by_replace = check_ids.difference(&kept_checks).count();
    }
    p
}

/// Checks each result made with today's statements (`bank`) against its own
/// answers: a file edited by hand, or by another tool, could otherwise show
/// scores its answers do not give. Results from earlier banks keep their
/// stored scores (their statements are gone, so they cannot be re-scored;
/// see "Old results keep their scores" in ARCHITECTURE.md).
pub fn check_scores(backup: &Backup, items: &[Item], bank: u32) -> Result<(), ImportError> {
    for (i, result) in backup.results.iter().enumerate() {
        if result.bank != bank {
            continue;
        }
        let invalid = |message: &str| ImportError::Invalid {
            path: format!("results[{i}]"),
            message: message.into(),
        };
        match score(items, &result.answers) {
            Ok(scores) if scores == result.scores => {}
            Ok(_) => return Err(invalid("its scores are not the ones its answers give")),
            Err(_) => return Err(invalid("it has too few answers for its scores")),
        }
    }
    Ok(())
}

/// The data after the import; `current` is left as it was, so the caller
/// saves the result and can still offer to undo.
pub fn apply(current: &AppData, backup: Backup, mode: ImportMode) -> AppData {
    match mode {
        ImportMode::Replace => AppData {
            journal: Journal::from_entries(backup.journal),
            history: History::new(backup.results),
            self_checks: backup.self_checks,
            plan: backup.plan,
            comparisons: KeptComparisons::new(backup.comparisons),
            drafts: current.drafts.with_missing_from(&backup.drafts),
        },
        ImportMode::Merge => {
            let mut journal = current.journal.clone();
            journal.merge(&Journal::from_entries(backup.journal));
            let mut history = current.history.clone();
            for result in backup.results {
                // Adds only a result whose id is not here.
                history.restore(result);
            }
            let mut self_checks = current.self_checks.clone();
            let before = self_checks.len();
            let mut ids: BTreeSet<String> = self_checks.iter().map(|c| c.id.clone()).collect();
            for check in backup.self_checks {
                if ids.insert(check.id.clone()) {
                    self_checks.push(check);
                }
            }
            if self_checks.len() != before {
                super::sort::sort_by(&mut self_checks, |a, b| a.taken_at.total_cmp(&b.taken_at));
            }
            AppData {
                journal,
                history,
                self_checks,
                plan: current.plan.merged(&backup.plan),
                comparisons: current
                    .comparisons
                    .merged(&KeptComparisons::new(backup.comparisons)),
                drafts: current.drafts.with_missing_from(&backup.drafts),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::insights::SIGN_COUNT;
    use crate::journal::{EntryKind, Field, Intensity, normalise_tags};
    use crate::quiz::{Answer, DimensionScore, Focus, Scores};
    use proptest::prelude::*;

    fn fixture(name: &str) -> Vec<u8> {
        let path = format!(
            "{}/../tests/fixtures/backups/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    fn parse_fixture(name: &str) -> Result<Backup, ImportError> {
        parse_backup(&fixture(name))
    }

    #[test]
    fn a_valid_backup_reads_completely() {
        let b = parse_fixture("valid-v1.json").unwrap();
        assert_eq!(b.format, BACKUP_FORMAT);
        assert_eq!(b.version, 1);
        assert_eq!(b.journal.len(), 3);
        assert_eq!(b.journal[0].kind, EntryKind::Trigger);
        assert_eq!(b.journal[0].intensity_before, Intensity::new(8));
        assert_eq!(b.journal[0].tags, ["work", "partner"], "normalised");
        assert!(b.journal[2].deleted);
        assert_eq!(b.results.len(), 1);
        // Saved before banks had versions: it opens as a result of the first
        // bank, with its stored scores.
        assert_eq!(b.results[0].bank, crate::history::FIRST_BANK);
        assert_eq!(b.results[0].scores.anxiety.tenths(), 52);
        assert_eq!(b.self_checks.len(), 1);
        assert_eq!(b.self_checks[0].score(), 30);
        assert_eq!(b.plan.progress(), (2, 5));
        let data = apply(&AppData::default(), b, ImportMode::Replace);
        assert_eq!(data.journal.len(), 2);
    }

    #[test]
    fn each_broken_file_gets_its_own_error() {
        assert_eq!(parse_fixture("not-json.txt"), Err(ImportError::NotJson));
        assert_eq!(parse_fixture("truncated.json"), Err(ImportError::Truncated));
        assert_eq!(parse_fixture("empty.json"), Err(ImportError::Empty));
        assert_eq!(
            parse_fixture("other-app.json"),
            Err(ImportError::NotABackup)
        );
        assert_eq!(
            parse_fixture("newer-version.json"),
            Err(ImportError::NewerVersion {
                found: 3,
                supported: 1
            })
        );
        assert_eq!(parse_fixture("encrypted.json"), Err(ImportError::Encrypted));
        match parse_fixture("bad-intensity.json") {
            Err(ImportError::Invalid { path, message }) => {
                assert_eq!(path, "journal[1].intensity_before");
                assert!(message.contains("0 to 10, not 11"), "{message}");
            }
            other => panic!("{other:?}"),
        }
        match parse_fixture("duplicate-ids.json") {
            Err(ImportError::Invalid { path, message }) => {
                assert_eq!(path, "journal[2].id");
                assert!(message.contains("journal[0]"), "{message}");
            }
            other => panic!("{other:?}"),
        }
        match parse_fixture("wrong-types.json") {
            Err(ImportError::Invalid { path, .. }) => assert_eq!(path, "self_checks[0].ratings"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn too_large_is_refused_before_reading() {
        let big = vec![b' '; MAX_BACKUP_BYTES + 1];
        assert_eq!(
            parse_backup(&big),
            Err(ImportError::TooLarge {
                bytes: MAX_BACKUP_BYTES + 1
            })
        );
        assert!(
            ImportError::TooLarge { bytes: 12_582_912 }
                .to_string()
                .contains("12.0 MB")
        );
    }

    #[test]
    fn edges_of_reading() {
        assert_eq!(parse_backup(b""), Err(ImportError::Empty));
        assert_eq!(parse_backup(b"\xEF\xBB\xBF \n\t"), Err(ImportError::Empty));
        assert_eq!(parse_backup(b"\xff\xfe{}"), Err(ImportError::NotJson));
        assert_eq!(parse_backup(b"{\"a\": 1} x"), Err(ImportError::NotJson));
        assert_eq!(parse_backup(b"[1, 2"), Err(ImportError::Truncated));
        // Cut inside a two-byte character.
        assert_eq!(
            parse_backup(
                "{\"journal\": [{\"title\": \"caf\u{e9}"
                    .as_bytes()
                    .split_last()
                    .unwrap()
                    .1
            ),
            Err(ImportError::Truncated)
        );
        assert_eq!(parse_backup(b"\x89PNG\r\n\xc3"), Err(ImportError::NotJson));
        assert_eq!(parse_backup(b"[]"), Err(ImportError::NotABackup));
        assert_eq!(
            parse_backup(br#"{"format":"steady-backup"}"#),
            Err(ImportError::Invalid {
                path: "version".into(),
                message: "missing".into()
            })
        );
        assert!(matches!(
            parse_backup(br#"{"format":"steady-backup","version":0}"#),
            Err(ImportError::Invalid { path, .. }) if path == "version"
        ));
        assert!(matches!(
            parse_backup(br#"{"format":"steady-backup","version":"1"}"#),
            Err(ImportError::Invalid { path, .. }) if path == "version"
        ));
        assert!(matches!(
            parse_backup(br#"{"format":"steady-backup","version":1,"journal":{}}"#),
            Err(ImportError::Invalid { path, .. }) if path == "journal"
        ));
        assert!(matches!(
            parse_backup(br#"{"format":"steady-backup","version":1,"plan":{"done":[7]}}"#),
            Err(ImportError::Invalid { path, .. }) if path == "plan"
        ));
        assert!(matches!(
            parse_backup(br#"{"format":"steady-backup","version":1,"results":[{"id":"r"}]}"#),
            Err(ImportError::Invalid { path, .. }) if path == "results[0]"
        ));
        // The smallest backup: nothing in it.
        let empty = parse_backup(br#"{"format":"steady-backup","version":1}"#).unwrap();
        assert!(empty.journal.is_empty() && empty.results.is_empty());
    }

    #[test]
    fn every_message_says_nothing_was_changed() {
        let all = [
            ImportError::TooLarge { bytes: 11 << 20 },
            ImportError::Empty,
            ImportError::NotJson,
            ImportError::Truncated,
            ImportError::NotABackup,
            ImportError::NewerVersion {
                found: 3,
                supported: 1,
            },
            ImportError::Encrypted,
            ImportError::Invalid {
                path: "journal[3].intensity_before".into(),
                message: "an intensity is 0 to 10, not 11".into(),
            },
        ];
        for e in all {
            let text = e.to_string();
            assert!(text.ends_with("Nothing was changed."), "{text}");
        }
        assert_eq!(
            ImportError::NewerVersion {
                found: 3,
                supported: 1
            }
            .to_string(),
            "This backup was made by a newer version of Steady (format 3; this one reads up to 1). Update Steady (reload while online) and try again. Nothing was changed."
        );
    }

    #[test]
    fn older_formats_are_lifted_one_step_at_a_time() {
        // A pretend history: format 1 called the journal "entries", format 2
        // kept the plan as a number of steps done.
        let step = |from: u32, mut doc: Value| -> Result<Value, String> {
            let obj = doc.as_object_mut().ok_or("not an object")?;
            match from {
                1 => {
                    let entries = obj.remove("entries").unwrap_or_default();
                    obj.insert("journal".into(), entries);
                }
                2 => {
                    let n = obj
                        .remove("steps_done")
                        .and_then(|v| v.as_u64())
                        .unwrap_or(0);
                    obj.insert(
                        "plan".into(),
                        serde_json::json!({ "done": (0..n).collect::<Vec<_>>() }),
                    );
                }
                _ => return Err(format!("no step from {from}")),
            }
            Ok(doc)
        };
        let v1 = br#"{"format":"steady-backup","version":1,"entries":[{"id":"a","created":1,"updated":1,"kind":"free"}],"steps_done":2}"#;
        let b = parse_backup_with(v1, 3, step).unwrap();
        assert_eq!(b.version, 3);
        assert_eq!(b.journal.len(), 1);
        assert_eq!(b.plan.progress(), (2, 5));
        let v2 = br#"{"format":"steady-backup","version":2,"journal":[],"steps_done":1}"#;
        assert_eq!(
            parse_backup_with(v2, 3, step).unwrap().plan.progress(),
            (1, 5)
        );
        let v0 = br#"{"format":"steady-backup","version":0}"#;
        assert!(matches!(
            parse_backup_with(v0, 3, step),
            Err(ImportError::Invalid { path, message }) if path == "version" && message == "no step from 0"
        ));
        assert_eq!(
            parse_backup_with(br#"{"format":"steady-backup","version":4}"#, 3, step),
            Err(ImportError::NewerVersion {
                found: 4,
                supported: 3
            })
        );
    }

    fn entry(id: &str, updated: f64, body: &str) -> JournalEntry {
        let mut e = JournalEntry::new(id, EntryKind::Free, 1.0);
        e.updated = updated;
        e.body = body.into();
        e
    }

    fn result(id: &str, at: f64) -> QuizResult {
        QuizResult {
            id: id.into(),
            focus: Focus::General,
            taken_at: at,
            scores: Scores {
                anxiety: DimensionScore::from_tenths(40).unwrap(),
                avoidance: DimensionScore::from_tenths(20).unwrap(),
            },
            answers: BTreeMap::new(),
            answered: 36,
            of: 36,
            bank: 2,
        }
    }

    fn self_check(id: &str, at: f64) -> SelfCheck {
        SelfCheck {
            id: id.into(),
            taken_at: at,
            ratings: vec![2; SIGN_COUNT],
        }
    }

    fn here() -> AppData {
        let mut journal = Journal::from_entries(vec![
            entry("same", 5.0, "same"),
            entry("older-there", 9.0, "ours"),
            entry("newer-there", 2.0, "ours"),
            entry("only-here", 2.0, "ours"),
            entry("deleted-there", 2.0, "ours"),
            entry("deleted-here", 2.0, "ours"),
        ]);
        journal.delete("deleted-here", 3.0);
        AppData {
            journal,
            history: History::new(vec![result("r1", 1.0)]),
            self_checks: vec![self_check("s1", 1.0)],
            plan: StarterPlan {
                done: [0].into_iter().collect(),
                ..StarterPlan::default()
            },
            comparisons: KeptComparisons::new(vec![shared(1), shared(2)]),
            drafts: drafts(&[("reframe", "mine")]),
        }
    }

    /// Drafts of tools, each with one field typed.
    fn drafts(tools: &[(&str, &str)]) -> Drafts {
        let mut out = Drafts::default();
        for (slug, text) in tools {
            let mut d = crate::draft::ToolDraft::default();
            d.set_field("a", text);
            out.tools.insert(slug.to_string(), d);
        }
        out
    }

    /// A shared result whose day is `day`.
    fn shared(day: u16) -> SharedResult {
        use crate::share::ShareDay;
        SharedResult {
            scores: Scores {
                anxiety: DimensionScore::from_tenths(55).unwrap(),
                avoidance: DimensionScore::from_tenths(25).unwrap(),
            },
            focus: Focus::Partner,
            day: ShareDay::new(day),
            name: None,
        }
    }

    fn there() -> Backup {
        let mut deleted = entry("deleted-there", 8.0, "");
        deleted.deleted = true;
        Backup {
            format: BACKUP_FORMAT.into(),
            version: BACKUP_VERSION,
            exported_at: 10.0,
            journal: vec![
                entry("same", 6.0, "same"),
                entry("older-there", 3.0, "theirs"),
                entry("newer-there", 7.0, "theirs"),
                entry("only-there", 1.0, "theirs"),
                deleted,
                entry("deleted-here", 2.5, "theirs"),
            ],
            results: vec![result("r1", 1.0), result("r2", 0.5)],
            self_checks: vec![self_check("s2", 0.5)],
            plan: StarterPlan {
                done: [1].into_iter().collect(),
                ..StarterPlan::default()
            },
            comparisons: vec![shared(2), shared(3)],
            drafts: drafts(&[("reframe", "theirs"), ("repair", "sorry")]),
        }
    }

    #[test]
    fn an_entry_from_a_clock_that_ran_ahead_can_still_be_edited_here() {
        let now = 100.0;
        let mut ahead = there();
        ahead.journal = vec![entry("from-the-future", 1.0e15, "theirs")];
        ahead.results = vec![result("r-ahead", 1.0e15)];
        let ahead = ahead.clamped_to(now);
        assert_eq!(ahead.journal[0].updated, now);
        assert_eq!(ahead.results[0].taken_at, now);
        assert!(ahead.exported_at <= now);
        let mut data = apply(&here(), ahead, ImportMode::Merge);
        // An edit made here a moment later wins, as the screen says it did.
        let mut edited = data.journal.get("from-the-future").unwrap().clone();
        edited.body = "mine".into();
        edited.updated = now + 1.0;
        data.journal.merge(&Journal::from_entries(vec![edited]));
        assert_eq!(data.journal.get("from-the-future").unwrap().body, "mine");
    }

    #[test]
    fn a_result_whose_scores_its_answers_do_not_give_is_refused() {
        use crate::quiz::Answer;
        use crate::quiz::tests::BANK as QUIZ_ITEMS;
        const BANK_VERSION: u32 = 3;
        let answers: BTreeMap<String, Answer> = QUIZ_ITEMS
            .iter()
            .enumerate()
            .map(|(i, item)| (item.id.to_string(), Answer::new(1 + (i % 7) as u8).unwrap()))
            .collect();
        let honest = QuizResult {
            scores: score(QUIZ_ITEMS, &answers).unwrap(),
            answers,
            bank: BANK_VERSION,
            ..result("r", 1.0)
        };
        let mut b = there();
        b.results = vec![honest.clone()];
        assert_eq!(check_scores(&b, QUIZ_ITEMS, BANK_VERSION), Ok(()));
        let mut edited = honest.clone();
        edited.scores.anxiety = DimensionScore::from_tenths(70).unwrap();
        b.results = vec![honest, edited];
        let refused = check_scores(&b, QUIZ_ITEMS, BANK_VERSION).unwrap_err();
        assert!(refused.to_string().contains("results[1]"), "{refused}");
        // An earlier bank's result is not re-scored against today's statements.
        b.results[1].bank = 1;
        assert_eq!(check_scores(&b, QUIZ_ITEMS, BANK_VERSION), Ok(()));
    }

    #[test]
    fn times_not_ahead_are_left_as_they_are() {
        let b = there();
        assert_eq!(b.clone().clamped_to(1.0e12), b);
    }

    #[test]
    fn merge_preview_matches_what_merge_does() {
        let p = preview(&here(), &there(), ImportMode::Merge);
        assert_eq!(
            p,
            ImportPreview {
                new_entries: 1,
                updated_entries: 1,
                unchanged_entries: 3,
                new_results: 1,
                new_self_checks: 1,
                entries_deleted_by_merge: 1,
                new_comparisons: 1,
                new_drafts: 1,
                ..ImportPreview::default()
            }
        );
        assert!(p.changes_anything());
        let merged = apply(&here(), there(), ImportMode::Merge);
        // The draft here is kept; the one it lacked is brought.
        assert_eq!(
            merged.drafts,
            drafts(&[("reframe", "mine"), ("repair", "sorry")])
        );
        let bodies: Vec<(&str, &str)> = merged
            .journal
            .entries()
            .iter()
            .map(|e| (e.id.as_str(), e.body.as_str()))
            .collect();
        assert_eq!(merged.journal.len(), 5);
        for (id, body) in [
            ("same", "same"),
            ("older-there", "ours"),
            ("newer-there", "theirs"),
            ("only-here", "ours"),
            ("only-there", "theirs"),
        ] {
            assert!(bodies.contains(&(id, body)), "{id}: {bodies:?}");
        }
        assert!(merged.journal.get("deleted-there").is_none());
        assert!(merged.journal.get("deleted-here").is_none());
        assert_eq!(merged.history.all().len(), 2);
        assert_eq!(merged.history.all()[0].id, "r2", "in time order");
        let checks: Vec<&str> = merged.self_checks.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(checks, ["s2", "s1"]);
        assert_eq!(merged.plan.progress(), (2, 5));
        assert_eq!(merged.comparisons.all(), &[shared(1), shared(2), shared(3)]);
    }

    #[test]
    fn replace_preview_counts_what_would_be_lost() {
        let p = preview(&here(), &there(), ImportMode::Replace);
        assert_eq!(
            p,
            ImportPreview {
                new_entries: 2,
                updated_entries: 2,
                unchanged_entries: 1,
                new_results: 1,
                new_self_checks: 1,
                entries_removed_by_replace: 2,
                results_removed_by_replace: 0,
                self_checks_removed_by_replace: 1,
                entries_deleted_by_merge: 0,
                new_comparisons: 1,
                comparisons_removed_by_replace: 1,
                new_drafts: 1,
            }
        );
        let replaced = apply(&here(), there(), ImportMode::Replace);
        assert_eq!(replaced.journal.len(), 5);
        assert_eq!(replaced.journal.get("older-there").unwrap().body, "theirs");
        assert!(replaced.journal.get("only-here").is_none());
        assert_eq!(replaced.self_checks, vec![self_check("s2", 0.5)]);
        assert_eq!(replaced.comparisons.all(), &[shared(2), shared(3)]);
        // Even a replace keeps the work in progress here.
        assert_eq!(replaced.drafts.tools["reframe"].field("a"), "mine");
        assert_eq!(replaced.drafts.tools["repair"].field("a"), "sorry");
    }

    #[test]
    fn kept_comparisons_travel_as_codes_and_a_bad_one_is_refused() {
        let json = here().to_backup(100.0).to_json_pretty();
        assert!(
            json.contains(&format!("\"{}\"", shared(1).encode())),
            "{json}"
        );
        let back = parse_backup(json.as_bytes()).unwrap();
        assert_eq!(back.comparisons, vec![shared(1), shared(2)]);
        // A backup from before sharing has none.
        let old = parse_fixture("valid-v1.json").unwrap();
        assert!(old.comparisons.is_empty());
        let broken = json.replace(&shared(1).encode(), "AAAAAAAAAAAA");
        assert!(matches!(
            parse_backup(broken.as_bytes()),
            Err(ImportError::Invalid { path, .. }) if path == "comparisons"
        ));
    }

    #[test]
    fn drafts_travel_and_one_that_could_fill_the_storage_is_refused() {
        let json = here().to_backup(100.0).to_json_pretty();
        let back = parse_backup(json.as_bytes()).unwrap();
        assert_eq!(back.drafts, drafts(&[("reframe", "mine")]));
        // A backup from before drafts travelled has none.
        assert!(parse_fixture("valid-v1.json").unwrap().drafts.is_empty());
        let huge = format!(
            r#"{{"format":"steady-backup","version":1,"drafts":{{"tools":{{"reframe":{{"fields":{{"a":"{}"}}}}}}}}}}"#,
            "x".repeat(crate::draft::MAX_DRAFT_FIELD_CHARS + 1)
        );
        assert!(matches!(
            parse_backup(huge.as_bytes()),
            Err(ImportError::Invalid { path, .. }) if path == "drafts.tools.reframe"
        ));
        let long_title = format!(
            r#"{{"format":"steady-backup","version":1,"drafts":{{"journal":{{"title":"{}"}}}}}}"#,
            "t".repeat(201)
        );
        assert!(matches!(
            parse_backup(long_title.as_bytes()),
            Err(ImportError::Invalid { path, .. }) if path == "drafts.journal"
        ));
        assert!(matches!(
            parse_backup(br#"{"format":"steady-backup","version":1,"drafts":{"tools":[]}}"#),
            Err(ImportError::Invalid { path, .. }) if path == "drafts"
        ));
    }

    #[test]
    fn importing_your_own_backup_changes_nothing() {
        let data = here();
        let backup = data.to_backup(100.0);
        assert!(!preview(&data, &backup, ImportMode::Merge).changes_anything());
        assert!(!preview(&data, &backup, ImportMode::Replace).changes_anything());
        assert_eq!(apply(&data, backup, ImportMode::Merge), data);
    }

    #[test]
    fn the_written_file_is_marked_and_pretty() {
        let json = here().to_backup(100.0).to_json_pretty();
        assert!(json.starts_with("{\n  \"format\": \"steady-backup\",\n  \"version\": 1,"));
        let back: Backup = serde_json::from_str(&json).unwrap();
        assert_eq!(back, here().to_backup(100.0));
    }

    const HOSTILE: &[&str] = &[
        "<script>alert(1)</script>",
        "\"},{\"format\":\"x\"",
        "# heading\n---\n",
        "\u{0}\u{1f}\u{7f}\\",
        "\u{202e}reversed\u{200b}",
        "🙂 café ñ 中文 עברית",
        "",
    ];

    fn text(max: usize) -> impl Strategy<Value = String> {
        prop_oneof![
            3 => proptest::string::string_regex(&format!("(?s).{{0,{max}}}")).unwrap(),
            1 => proptest::sample::select(HOSTILE).prop_map(str::to_string),
        ]
    }

    fn time() -> impl Strategy<Value = f64> {
        // Whole milliseconds, as Date.now() gives.
        (0u64..4_000_000_000_000).prop_map(|ms| ms as f64)
    }

    fn any_entry() -> impl Strategy<Value = JournalEntry> {
        (
            (
                time(),
                0u64..1_000_000,
                proptest::sample::select(EntryKind::ALL.to_vec()),
            ),
            (text(60), text(400), proptest::option::of(text(20))),
            (
                proptest::option::of(0u8..=10),
                proptest::option::of(0u8..=10),
                proptest::collection::vec(text(12), 0..4),
                proptest::collection::vec((text(30), text(100)), 0..3),
                any::<bool>(),
            ),
        )
            .prop_map(
                |(
                    (created, later, kind),
                    (title, body, feeling),
                    (before, after, tags, fields, deleted),
                )| {
                    let mut e = JournalEntry::new("", kind, created);
                    e.updated = created + later as f64;
                    e.title = title;
                    e.body = body;
                    e.feeling = feeling;
                    e.intensity_before = before.and_then(Intensity::new);
                    e.intensity_after = after.and_then(Intensity::new);
                    e.tags = normalise_tags(tags);
                    e.fields = fields
                        .into_iter()
                        .map(|(label, value)| Field { label, value })
                        .collect();
                    e.deleted = deleted;
                    e
                },
            )
    }

    fn any_result() -> impl Strategy<Value = QuizResult> {
        (
            time(),
            proptest::sample::select(Focus::ALL.to_vec()),
            10u8..=70,
            10u8..=70,
            proptest::collection::btree_map("[a-z][0-9]{1,2}", 1u8..=7, 0..5),
        )
            .prop_map(|(at, focus, anx, avo, answers)| QuizResult {
                id: String::new(),
                focus,
                taken_at: at,
                scores: Scores {
                    anxiety: DimensionScore::from_tenths(anx).unwrap(),
                    avoidance: DimensionScore::from_tenths(avo).unwrap(),
                },
                answered: answers.len() as u16,
                of: 36,
                bank: 2,
                answers: answers
                    .into_iter()
                    .map(|(k, v)| (k, Answer::new(v).unwrap()))
                    .collect(),
            })
    }

    fn any_data() -> impl Strategy<Value = AppData> {
        (
            proptest::collection::vec(any_entry(), 0..12),
            proptest::collection::vec(any_result(), 0..4),
            proptest::collection::vec(
                (time(), proptest::collection::vec(0u8..=4, SIGN_COUNT)),
                0..4,
            ),
            proptest::collection::btree_set(0u8..5, 0..5),
            proptest::collection::vec(any::<u16>(), 0..3),
        )
            .prop_map(|(entries, results, checks, done, days)| AppData {
                journal: Journal::from_entries(
                    entries
                        .into_iter()
                        .enumerate()
                        .map(|(n, e)| JournalEntry {
                            id: format!("e-{n}"),
                            ..e
                        })
                        .collect(),
                ),
                history: History::new(
                    results
                        .into_iter()
                        .enumerate()
                        .map(|(n, r)| QuizResult {
                            id: format!("r_{n}"),
                            ..r
                        })
                        .collect(),
                ),
                self_checks: checks
                    .into_iter()
                    .enumerate()
                    .map(|(n, (taken_at, ratings))| SelfCheck {
                        id: format!("S{n}"),
                        taken_at,
                        ratings,
                    })
                    .collect(),
                plan: StarterPlan {
                    done,
                    ..StarterPlan::default()
                },
                comparisons: KeptComparisons::new(days.into_iter().map(shared).collect()),
                drafts: drafts(&[("reframe", "typed")]),
            })
    }

    #[test]
    fn indent_lays_out_json_as_serde_json_pretty_does() {
        let value = serde_json::json!({
            "a": [], "b": {}, "c": [1, [2, {}], {"d": null}], "e": "q\"{[,:]}\\\"",
            "f": -1.5e-7, "g": [true, false], "h": {"i": {"j": ["", "\\"]}},
        });
        let compact = serde_json::to_string(&value).unwrap();
        assert_eq!(
            indent(&compact),
            serde_json::to_string_pretty(&value).unwrap()
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn a_backup_is_laid_out_as_serde_json_pretty_does(data in any_data(), at in time()) {
            let backup = data.to_backup(at);
            prop_assert_eq!(backup.to_json_pretty(), serde_json::to_string_pretty(&backup).unwrap());
        }

        #[test]
        fn export_then_import_gives_back_the_same_data(data in any_data(), at in time()) {
            for e in data.journal.all_including_tombstones() {
                prop_assert_eq!(e.validate(), Ok(()));
            }
            let json = data.to_backup(at).to_json_pretty();
            let backup = parse_backup(json.as_bytes()).unwrap();
            prop_assert_eq!(backup.exported_at, at);
            let p = preview(&AppData::default(), &backup, ImportMode::Replace);
            prop_assert_eq!(p.new_entries, data.journal.len());
            prop_assert_eq!(apply(&AppData::default(), backup.clone(), ImportMode::Replace), data.clone());
            prop_assert_eq!(apply(&data, backup, ImportMode::Merge), data);
        }

        #[test]
        fn a_cut_off_backup_is_never_read_as_a_backup(data in any_data(), cut in 0.0f64..1.0) {
            let json = data.to_backup(1.0).to_json_pretty();
            let end = (json.len() as f64 * cut) as usize;
            let got = parse_backup(&json.as_bytes()[..end]);
            prop_assert!(
                matches!(got, Err(ImportError::Truncated | ImportError::Empty)),
                "{:?}", got
            );
        }
    }
}
