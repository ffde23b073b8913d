//! The one module that touches localStorage.
//!
//! Every key starts with `steady.` because all GitHub Pages project sites of
//! an account share one origin and one storage area. Every value is a
//! versioned envelope (`domain::envelope`). Every write is checked: a full
//! quota, private mode or disabled storage comes back as [`NotSaved`] for the
//! caller to tell the user. A value that cannot be read is copied aside under
//! a `steady.quarantine.` key before anything may replace it.

use std::cell::RefCell;
use std::collections::BTreeSet;

use gloo_storage::{LocalStorage, Storage};

use crate::domain::backup::AppData;
use crate::domain::draft::JournalDraft;
use crate::domain::envelope::{self, Unreadable};
use crate::domain::history::History;
use crate::domain::insights::{SelfCheck, StarterPlan};
use crate::domain::journal::Journal;
use crate::domain::quiz::QuizProgress;
use crate::domain::theme::ThemeChoice;

/// Every key of ours starts with this.
pub const PREFIX: &str = "steady.";

const THEME_KEY: &str = "steady.theme";
const THEME_VERSION: u32 = 1;
const QUIZ_PROGRESS_KEY: &str = "steady.quiz.progress";
const QUIZ_PROGRESS_VERSION: u32 = 1;
const QUIZ_RESULTS_KEY: &str = "steady.quiz.results";
const QUIZ_RESULTS_VERSION: u32 = 1;
const JOURNAL_KEY: &str = "steady.journal";
const JOURNAL_VERSION: u32 = 1;
const DRAFT_KEY: &str = "steady.journal.draft";
const DRAFT_VERSION: u32 = 1;
const SELF_CHECKS_KEY: &str = "steady.self-checks";
const SELF_CHECKS_VERSION: u32 = 1;
const PLAN_KEY: &str = "steady.plan";
const PLAN_VERSION: u32 = 1;
const LAST_EXPORT_KEY: &str = "steady.last-export";
const LAST_EXPORT_VERSION: u32 = 1;
const QUARANTINE_PREFIX: &str = "steady.quarantine.";

thread_local! {
    /// Keys holding a value we could not read AND could not copy aside (the
    /// quota was full). Writing them would destroy the only copy, so writes
    /// are refused until the person has dealt with it.
    static GUARDED: RefCell<BTreeSet<String>> = const { RefCell::new(BTreeSet::new()) };
}

/// A write that did not happen. The message is for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotSaved(pub String);

impl std::fmt::Display for NotSaved {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn storage() -> Option<web_sys::Storage> {
    // gloo's `raw()` panics when storage is unavailable (some private modes,
    // or storage turned off), so look first: no storage reads as "nothing
    // stored" and every write as "not saved".
    web_sys::window()?.local_storage().ok().flatten()?;
    Some(LocalStorage::raw())
}

fn read_raw(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

fn write_raw(key: &str, value: &str) -> Result<(), NotSaved> {
    if GUARDED.with(|g| g.borrow().contains(key)) {
        return Err(NotSaved("Steady found saved data here that it could not read, and there was no room to keep a copy of it aside, so it will not write over it. Free some space (or export from the Your data page) and reload.".into()));
    }
    let Some(storage) = storage() else {
        return Err(NotSaved("This browser is not letting Steady save anything right now (storage is turned off or unavailable in this mode).".into()));
    };
    storage.set_item(key, value).map_err(|_| {
        NotSaved(
            "This device's storage for Steady is full or blocked, so this was not saved.".into(),
        )
    })
}

/// Keeps an unreadable value under a quarantine key so a later write of the
/// same key can never destroy it. Returns whether the copy was kept.
fn quarantine(key: &str, raw: &str) -> bool {
    let aside = format!("{QUARANTINE_PREFIX}{}", key.trim_start_matches(PREFIX));
    if read_raw(&aside).as_deref() == Some(raw) {
        return true;
    }
    write_raw(&aside, raw).is_ok()
}

/// Reads an envelope, quarantining it when it cannot be read.
fn load<T: serde::de::DeserializeOwned>(key: &str, version: u32) -> Result<Option<T>, Unreadable> {
    let Some(raw) = read_raw(key) else {
        return Ok(None);
    };
    envelope::decode(&raw, version, envelope::no_migrations)
        .map(Some)
        .inspect_err(|_| {
            if !quarantine(key, &raw) {
                GUARDED.with(|g| g.borrow_mut().insert(key.to_string()));
            }
        })
}

fn remove_raw(key: &str) {
    if GUARDED.with(|g| g.borrow().contains(key)) {
        return;
    }
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}

/// The remembered theme; `System` when nothing (readable) was stored.
/// A damaged theme value is harmless, so it is not worth a notice.
pub fn load_theme() -> ThemeChoice {
    load::<String>(THEME_KEY, THEME_VERSION)
        .ok()
        .flatten()
        .and_then(|s| ThemeChoice::parse(&s))
        .unwrap_or_default()
}

pub fn save_theme(choice: ThemeChoice) -> Result<(), NotSaved> {
    write_raw(
        THEME_KEY,
        &envelope::encode(THEME_VERSION, &choice.as_str()),
    )
}

/// The quiz being taken, if any. An unreadable one is kept aside and reported.
pub fn load_quiz_progress() -> Result<Option<QuizProgress>, Unreadable> {
    load(QUIZ_PROGRESS_KEY, QUIZ_PROGRESS_VERSION)
}

pub fn save_quiz_progress(progress: &QuizProgress) -> Result<(), NotSaved> {
    write_raw(
        QUIZ_PROGRESS_KEY,
        &envelope::encode(QUIZ_PROGRESS_VERSION, progress),
    )
}

/// Forgets the quiz being taken (finished or restarted).
pub fn clear_quiz_progress() {
    remove_raw(QUIZ_PROGRESS_KEY);
}

/// Every completed quiz. Unreadable history is kept aside and reported.
pub fn load_history() -> Result<History, Unreadable> {
    load(QUIZ_RESULTS_KEY, QUIZ_RESULTS_VERSION).map(Option::unwrap_or_default)
}

pub fn save_history(history: &History) -> Result<(), NotSaved> {
    write_raw(
        QUIZ_RESULTS_KEY,
        &envelope::encode(QUIZ_RESULTS_VERSION, history),
    )
}

/// The journal, tombstones included. Unreadable journal data is kept aside
/// and reported.
pub fn load_journal() -> Result<Journal, Unreadable> {
    load(JOURNAL_KEY, JOURNAL_VERSION).map(Option::unwrap_or_default)
}

/// Saves `mine` merged with what is stored now, and returns the merged
/// journal. Another tab may have saved since this one last read: merging by
/// entry id and last change means neither tab's entries are dropped.
pub fn save_journal(mine: &Journal) -> Result<Journal, NotSaved> {
    let mut merged = load_journal().unwrap_or_default();
    merged.merge(mine);
    write_raw(JOURNAL_KEY, &envelope::encode(JOURNAL_VERSION, &merged))?;
    Ok(merged)
}

pub fn load_draft() -> Option<JournalDraft> {
    load(DRAFT_KEY, DRAFT_VERSION).ok().flatten()
}

pub fn save_draft(draft: &JournalDraft) -> Result<(), NotSaved> {
    if draft.is_empty() && draft.editing.is_none() {
        remove_raw(DRAFT_KEY);
        return Ok(());
    }
    write_raw(DRAFT_KEY, &envelope::encode(DRAFT_VERSION, draft))
}

pub fn clear_draft() {
    remove_raw(DRAFT_KEY);
}

/// What another tab changed, from the browser's `storage` event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangedElsewhere {
    Journal,
    Results,
    /// Self-checks or the starter plan.
    Progress,
    /// Everything at once (another tab erased all data).
    All,
}

/// Calls `f` whenever another tab of this origin changes one of our keys.
/// The browser fires `storage` only in the *other* tabs, never the writer.
pub fn watch_other_tabs(f: impl Fn(ChangedElsewhere) + 'static) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    let Some(window) = web_sys::window() else {
        return;
    };
    let handler =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
            match ev.key().as_deref() {
                None => f(ChangedElsewhere::All),
                Some(JOURNAL_KEY) => f(ChangedElsewhere::Journal),
                Some(QUIZ_RESULTS_KEY) => f(ChangedElsewhere::Results),
                Some(SELF_CHECKS_KEY | PLAN_KEY) => f(ChangedElsewhere::Progress),
                Some(_) => {}
            }
        });
    let _ = window.add_event_listener_with_callback("storage", handler.as_ref().unchecked_ref());
    // Lives as long as the page.
    handler.forget();
}

pub fn load_self_checks() -> Result<Vec<SelfCheck>, Unreadable> {
    load(SELF_CHECKS_KEY, SELF_CHECKS_VERSION).map(Option::unwrap_or_default)
}

pub fn save_self_checks(checks: &[SelfCheck]) -> Result<(), NotSaved> {
    write_raw(
        SELF_CHECKS_KEY,
        &envelope::encode(SELF_CHECKS_VERSION, &checks),
    )
}

pub fn load_plan() -> Result<StarterPlan, Unreadable> {
    load(PLAN_KEY, PLAN_VERSION).map(Option::unwrap_or_default)
}

pub fn save_plan(plan: &StarterPlan) -> Result<(), NotSaved> {
    write_raw(PLAN_KEY, &envelope::encode(PLAN_VERSION, plan))
}

/// When the last backup was downloaded, for the gentle reminder.
pub fn last_export() -> Option<f64> {
    load(LAST_EXPORT_KEY, LAST_EXPORT_VERSION).ok().flatten()
}

pub fn record_export(at: f64) -> Result<(), NotSaved> {
    write_raw(LAST_EXPORT_KEY, &envelope::encode(LAST_EXPORT_VERSION, &at))
}

/// Everything the person made, as the backup sees it.
pub fn load_app_data() -> AppData {
    AppData {
        journal: load_journal().unwrap_or_default(),
        history: load_history().unwrap_or_default(),
        self_checks: load_self_checks().unwrap_or_default(),
        plan: load_plan().unwrap_or_default(),
    }
}

/// Writes all of `data` or none of it: if any write fails, the keys already
/// written are put back as they were.
pub fn replace_app_data(data: &AppData) -> Result<(), NotSaved> {
    let writes = [
        (
            JOURNAL_KEY,
            envelope::encode(JOURNAL_VERSION, &data.journal),
        ),
        (
            QUIZ_RESULTS_KEY,
            envelope::encode(QUIZ_RESULTS_VERSION, &data.history),
        ),
        (
            SELF_CHECKS_KEY,
            envelope::encode(SELF_CHECKS_VERSION, &data.self_checks),
        ),
        (PLAN_KEY, envelope::encode(PLAN_VERSION, &data.plan)),
    ];
    let before: Vec<(&str, Option<String>)> =
        writes.iter().map(|(k, _)| (*k, read_raw(k))).collect();
    for (key, value) in &writes {
        if let Err(not_saved) = write_raw(key, value) {
            for (key, old) in &before {
                match old {
                    Some(old) => {
                        let _ = write_raw(key, old);
                    }
                    None => remove_raw(key),
                }
            }
            return Err(not_saved);
        }
    }
    Ok(())
}

/// Every key of ours (`steady.`), in order.
fn our_keys() -> Vec<String> {
    let Some(storage) = storage() else {
        return Vec::new();
    };
    let n = storage.length().unwrap_or(0);
    let mut keys: Vec<String> = (0..n)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(PREFIX))
        .collect();
    keys.sort();
    keys
}

/// Every key of ours, with its size in bytes as the browser counts it
/// (localStorage holds UTF-16, two bytes a character).
pub fn usage() -> Vec<(String, usize)> {
    our_keys()
        .into_iter()
        .map(|key| {
            let chars =
                read_raw(&key).map_or(0, |v| v.encode_utf16().count()) + key.encode_utf16().count();
            (key, chars * 2)
        })
        .collect()
}

/// Values that could not be read and were kept aside: (original key, raw text).
pub fn quarantined() -> Vec<(String, String)> {
    our_keys()
        .into_iter()
        .filter_map(|key| {
            let original = key.strip_prefix(QUARANTINE_PREFIX)?.to_string();
            Some((original, read_raw(&key)?))
        })
        .collect()
}

/// Removes one kept-aside value, once the person has downloaded it.
pub fn discard_quarantined(original: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(&format!("{QUARANTINE_PREFIX}{original}"));
    }
}

/// Removes every key of Steady's from this browser. Other sites' keys on the
/// same origin are left alone.
pub fn erase_everything() {
    let Some(storage) = storage() else {
        return;
    };
    for key in our_keys() {
        let _ = storage.remove_item(&key);
    }
    GUARDED.with(|g| g.borrow_mut().clear());
}
