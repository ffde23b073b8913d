//! The one module that touches localStorage.
//!
//! Every key starts with `steady.` because all GitHub Pages project sites of
//! an account share one origin and one storage area. Every value is a
//! versioned envelope (`domain::envelope`). Every write is checked: a full
//! quota, private mode or disabled storage comes back as [`NotSaved`] for the
//! caller to tell the user. A value that cannot be read is copied aside under
//! a `steady.quarantine.` key before anything may replace it.
//!
//! With the optional lock on, the values in [`PROTECTED`] are kept sealed
//! (AES-GCM) at rest. After the passphrase opens them, their plain text lives
//! only in this tab's memory ([`Vault`]); reads come from there and every
//! write seals first. Writes of protected values are therefore `async`, and
//! they take turns ([`turn`]) so that two saves can never interleave and
//! write an older value over a newer one.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use gloo_storage::{LocalStorage, Storage};

use crate::crypto::{self, CryptoError, SecretKey};
use crate::domain::backup::AppData;
use crate::domain::draft::JournalDraft;
use crate::domain::envelope::{self, Unreadable};
use crate::domain::history::History;
use crate::domain::insights::{SelfCheck, StarterPlan};
use crate::domain::journal::Journal;
use crate::domain::lock::{LockRecord, Passphrase, Sealed};
use crate::domain::practice::timer::UrgeTimer;
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
const WAIT_KEY: &str = "steady.practice.wait";
const WAIT_VERSION: u32 = 1;
const QUARANTINE_PREFIX: &str = "steady.quarantine.";
/// The lock's salt and check value; present exactly when the lock is on.
const LOCK_KEY: &str = "steady.lock";

/// What the lock keeps sealed: everything the person wrote or answered.
/// The theme and the date of the last export say nothing about them.
const PROTECTED: [&str; 7] = [
    JOURNAL_KEY,
    DRAFT_KEY,
    WAIT_KEY,
    QUIZ_RESULTS_KEY,
    QUIZ_PROGRESS_KEY,
    SELF_CHECKS_KEY,
    PLAN_KEY,
];

/// The opened lock: the key, and the plain text of every protected value.
struct Vault {
    key: SecretKey,
    plain: BTreeMap<&'static str, String>,
}

thread_local! {
    /// Keys holding a value we could not read AND could not copy aside (the
    /// quota was full). Writing them would destroy the only copy, so writes
    /// are refused until the person has dealt with it.
    static GUARDED: RefCell<BTreeSet<String>> = const { RefCell::new(BTreeSet::new()) };
    static VAULT: RefCell<Option<Vault>> = const { RefCell::new(None) };
    /// Another tab turned the lock on, off, or changed it: this tab's idea
    /// of how to store protected values is out of date until a reload.
    static LOCK_CHANGED_ELSEWHERE: Cell<bool> = const { Cell::new(false) };
    static TURN: Rc<futures::lock::Mutex<()>> = Rc::new(futures::lock::Mutex::new(()));
}

/// Waits for the other writes of this tab to finish. Hold the guard for the
/// whole read-change-write.
fn turn() -> Rc<futures::lock::Mutex<()>> {
    TURN.with(Rc::clone)
}

fn protected(key: &str) -> Option<&'static str> {
    PROTECTED.iter().copied().find(|k| *k == key)
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

/// The value as stored on disk (sealed, when the lock is on).
fn read_at_rest(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// The value as the app reads it: for a protected key under an open lock,
/// the plain text kept in memory.
fn read_raw(key: &str) -> Option<String> {
    if protected(key).is_some() {
        let opened = VAULT.with(|v| {
            v.borrow()
                .as_ref()
                .map(|vault| vault.plain.get(key).cloned())
        });
        if let Some(plain) = opened {
            return plain;
        }
    }
    read_at_rest(key)
}

fn write_raw(key: &str, value: &str) -> Result<(), NotSaved> {
    if protected(key).is_some() && LOCK_CHANGED_ELSEWHERE.get() {
        return Err(NotSaved(
            "The lock was changed in another tab, so this tab will not save until it is reloaded."
                .into(),
        ));
    }
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

fn vault_key() -> Option<SecretKey> {
    VAULT.with(|v| v.borrow().as_ref().map(|vault| vault.key.clone()))
}

fn not_sealed(e: CryptoError) -> NotSaved {
    NotSaved(format!("{e} So this was not saved."))
}

/// Writes `value`, sealing it first when the lock is on and the key is
/// protected. Call with the [`turn`] held.
async fn write(key: &'static str, value: String) -> Result<(), NotSaved> {
    let Some(secret) = protected(key).and(vault_key()) else {
        return write_raw(key, &value);
    };
    let sealed = crypto::seal(&secret, value.as_bytes())
        .await
        .map_err(not_sealed)?;
    write_raw(key, &sealed.to_stored())?;
    remember_plain(key, Some(value));
    Ok(())
}

fn remember_plain(key: &'static str, value: Option<String>) {
    VAULT.with(|v| {
        if let Some(vault) = v.borrow_mut().as_mut() {
            match value {
                Some(value) => vault.plain.insert(key, value),
                None => vault.plain.remove(key),
            };
        }
    });
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
            // What is at rest: under the lock, the sealed form, so nothing
            // unreadable is ever copied aside in plain text.
            let at_rest = read_at_rest(key).unwrap_or(raw.clone());
            if !quarantine(key, &at_rest) {
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
    if let Some(key) = protected(key) {
        remember_plain(key, None);
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

pub async fn save_quiz_progress(progress: &QuizProgress) -> Result<(), NotSaved> {
    let turn = turn();
    let _turn = turn.lock().await;
    write(
        QUIZ_PROGRESS_KEY,
        envelope::encode(QUIZ_PROGRESS_VERSION, progress),
    )
    .await
}

/// Forgets the quiz being taken (finished or restarted).
pub fn clear_quiz_progress() {
    remove_raw(QUIZ_PROGRESS_KEY);
}

/// Every completed quiz. Unreadable history is kept aside and reported.
pub fn load_history() -> Result<History, Unreadable> {
    load(QUIZ_RESULTS_KEY, QUIZ_RESULTS_VERSION).map(Option::unwrap_or_default)
}

pub async fn save_history(history: &History) -> Result<(), NotSaved> {
    let turn = turn();
    let _turn = turn.lock().await;
    write(
        QUIZ_RESULTS_KEY,
        envelope::encode(QUIZ_RESULTS_VERSION, history),
    )
    .await
}

/// The journal, tombstones included. Unreadable journal data is kept aside
/// and reported.
pub fn load_journal() -> Result<Journal, Unreadable> {
    load(JOURNAL_KEY, JOURNAL_VERSION).map(Option::unwrap_or_default)
}

/// Saves `mine` merged with what is stored now, and returns the merged
/// journal. Another tab may have saved since this one last read: merging by
/// entry id and last change means neither tab's entries are dropped.
pub async fn save_journal(mine: &Journal) -> Result<Journal, NotSaved> {
    let turn = turn();
    let _turn = turn.lock().await;
    let mut merged = load_journal().unwrap_or_default();
    merged.merge(mine);
    write(JOURNAL_KEY, envelope::encode(JOURNAL_VERSION, &merged)).await?;
    Ok(merged)
}

pub fn load_draft() -> Option<JournalDraft> {
    load(DRAFT_KEY, DRAFT_VERSION).ok().flatten()
}

pub async fn save_draft(draft: &JournalDraft) -> Result<(), NotSaved> {
    let turn = turn();
    let _turn = turn.lock().await;
    if draft.is_empty() && draft.editing.is_none() {
        remove_raw(DRAFT_KEY);
        return Ok(());
    }
    write(DRAFT_KEY, envelope::encode(DRAFT_VERSION, draft)).await
}

pub fn clear_draft() {
    remove_raw(DRAFT_KEY);
}

/// The running (or paused, or just finished) wait timer of "Wait before you
/// act". A stored timer that cannot be read is kept aside like any other
/// value; one that ended long ago is simply forgotten. Either way the key is
/// cleared and the reason comes back for the person to be told.
pub fn load_wait_timer(now: f64) -> Result<Option<UrgeTimer>, String> {
    let why = match load::<UrgeTimer>(WAIT_KEY, WAIT_VERSION) {
        Ok(None) => return Ok(None),
        Ok(Some(timer)) => match timer.check_current(now) {
            Ok(timer) => return Ok(Some(timer)),
            Err(problem) => problem.to_string(),
        },
        Err(unreadable) => unreadable.to_string(),
    };
    // An unreadable value was copied aside by `load` (or is guarded, and
    // `remove_raw` leaves it alone).
    remove_raw(WAIT_KEY);
    Err(why)
}

pub async fn save_wait_timer(timer: &UrgeTimer) -> Result<(), NotSaved> {
    let turn = turn();
    let _turn = turn.lock().await;
    write(WAIT_KEY, envelope::encode(WAIT_VERSION, timer)).await
}

pub fn clear_wait_timer() {
    remove_raw(WAIT_KEY);
}

/// What another tab changed, from the browser's `storage` event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangedElsewhere {
    Journal,
    Results,
    /// Self-checks or the starter plan.
    Progress,
    /// The wait timer was started, changed or answered.
    WaitTimer,
    /// Everything at once (another tab erased all data).
    All,
    /// The lock was turned on, off or changed: this tab must reload before
    /// it may save anything protected again.
    Lock,
}

/// Calls `f` whenever another tab of this origin changes one of our keys.
/// The browser fires `storage` only in the *other* tabs, never the writer.
pub fn watch_other_tabs(f: impl Fn(ChangedElsewhere) + 'static) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    let Some(window) = web_sys::window() else {
        return;
    };
    let f = Rc::new(f);
    let handler =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
            let what = match ev.key().as_deref() {
                None => ChangedElsewhere::All,
                Some(LOCK_KEY) => {
                    LOCK_CHANGED_ELSEWHERE.set(true);
                    ChangedElsewhere::Lock
                }
                Some(JOURNAL_KEY) => ChangedElsewhere::Journal,
                Some(QUIZ_RESULTS_KEY) => ChangedElsewhere::Results,
                Some(SELF_CHECKS_KEY | PLAN_KEY) => ChangedElsewhere::Progress,
                Some(WAIT_KEY) => ChangedElsewhere::WaitTimer,
                Some(_) => return,
            };
            let key = ev.key().as_deref().and_then(protected);
            match (key, vault_key()) {
                // Under the lock, open the new sealed value before anyone
                // reads it from memory.
                (Some(key), Some(secret)) => {
                    let f = Rc::clone(&f);
                    let raw = ev.new_value();
                    wasm_bindgen_futures::spawn_local(async move {
                        let opened = match raw.as_deref().map(Sealed::from_stored) {
                            None => None,
                            Some(Some(Ok(sealed))) => {
                                match crypto::open_text(&secret, &sealed).await {
                                    Ok(text) => Some(text),
                                    Err(_) => return,
                                }
                            }
                            Some(_) => return,
                        };
                        remember_plain(key, opened);
                        f(what);
                    });
                }
                _ => f(what),
            }
        });
    let _ = window.add_event_listener_with_callback("storage", handler.as_ref().unchecked_ref());
    // Lives as long as the page.
    handler.forget();
}

pub fn load_self_checks() -> Result<Vec<SelfCheck>, Unreadable> {
    load(SELF_CHECKS_KEY, SELF_CHECKS_VERSION).map(Option::unwrap_or_default)
}

pub async fn save_self_checks(checks: &[SelfCheck]) -> Result<(), NotSaved> {
    let turn = turn();
    let _turn = turn.lock().await;
    write(
        SELF_CHECKS_KEY,
        envelope::encode(SELF_CHECKS_VERSION, &checks),
    )
    .await
}

pub fn load_plan() -> Result<StarterPlan, Unreadable> {
    load(PLAN_KEY, PLAN_VERSION).map(Option::unwrap_or_default)
}

pub async fn save_plan(plan: &StarterPlan) -> Result<(), NotSaved> {
    let turn = turn();
    let _turn = turn.lock().await;
    write(PLAN_KEY, envelope::encode(PLAN_VERSION, plan)).await
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
pub async fn replace_app_data(data: &AppData) -> Result<(), NotSaved> {
    let turn = turn();
    let _turn = turn.lock().await;
    let plain = [
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
    let secret = vault_key();
    let mut at_rest = Vec::new();
    for (key, value) in &plain {
        at_rest.push((*key, seal_for_rest(secret.as_ref(), value).await?));
    }
    write_all_or_none(&at_rest)?;
    for (key, value) in plain {
        remember_plain(key, Some(value));
    }
    Ok(())
}

/// `value` as it should be stored: sealed when there is a key.
async fn seal_for_rest(secret: Option<&SecretKey>, value: &str) -> Result<String, NotSaved> {
    match secret {
        Some(secret) => Ok(crypto::seal(secret, value.as_bytes())
            .await
            .map_err(not_sealed)?
            .to_stored()),
        None => Ok(value.to_string()),
    }
}

/// Writes every value as given (`None` removes the key), or, if any write
/// fails, puts every key back as it was at rest.
fn write_all_or_none(writes: &[(&str, String)]) -> Result<(), NotSaved> {
    let before: Vec<(&str, Option<String>)> =
        writes.iter().map(|(k, _)| (*k, read_at_rest(k))).collect();
    for (key, value) in writes {
        if let Err(not_saved) = write_raw(key, value) {
            for (key, old) in &before {
                if let Some(storage) = storage() {
                    let _ = match old {
                        Some(old) => storage.set_item(key, old),
                        None => storage.remove_item(key),
                    };
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
    crate::domain::sort::sort_by(&mut keys, |a, b| a.cmp(b));
    keys
}

/// Every key of ours, with its size in bytes as the browser counts it
/// (localStorage holds UTF-16, two bytes a character).
pub fn usage() -> Vec<(String, usize)> {
    our_keys()
        .into_iter()
        .map(|key| {
            let chars = read_at_rest(&key).map_or(0, |v| v.encode_utf16().count())
                + key.encode_utf16().count();
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
            Some((original, read_at_rest(&key)?))
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
    VAULT.with(|v| v.borrow_mut().take());
}

/// Whether the lock is on, as this page found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockState {
    Off,
    On(LockRecord),
    /// The lock's settings are there but cannot be read. Nothing protected
    /// can be opened; nothing is changed either.
    Damaged(String),
}

pub fn lock_state() -> LockState {
    match read_at_rest(LOCK_KEY) {
        None => LockState::Off,
        Some(raw) => match LockRecord::from_stored(&raw) {
            Ok(record) => LockState::On(record),
            Err(problem) => LockState::Damaged(problem),
        },
    }
}

/// Whether this tab holds the opened lock.
pub fn is_locked_with_key() -> bool {
    VAULT.with(|v| v.borrow().is_some())
}

/// Why the lock could not be opened, set, changed or removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockProblem {
    WrongPassphrase,
    Crypto(CryptoError),
    NotSaved(NotSaved),
    /// The lock changed since this page read it (another tab).
    Changed,
}

impl std::fmt::Display for LockProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LockProblem::WrongPassphrase => f.write_str(
                "That passphrase is not the right one. Check Caps Lock and the keyboard language, and try again.",
            ),
            LockProblem::Crypto(e) => write!(f, "{e}"),
            LockProblem::NotSaved(e) => write!(f, "{e} Nothing was changed."),
            LockProblem::Changed => f.write_str(
                "The lock was changed in another tab. Reload this page, then try again.",
            ),
        }
    }
}

impl From<CryptoError> for LockProblem {
    fn from(e: CryptoError) -> Self {
        match e {
            CryptoError::WrongKey => LockProblem::WrongPassphrase,
            other => LockProblem::Crypto(other),
        }
    }
}

/// Opens the lock: checks the passphrase, then opens every protected value
/// into memory. Returns the keys whose sealed value could not be opened;
/// they are kept aside, unchanged, exactly like unreadable plain values.
pub async fn unlock(passphrase: &Passphrase) -> Result<Vec<&'static str>, LockProblem> {
    let LockState::On(record) = lock_state() else {
        return Err(LockProblem::Changed);
    };
    let secret = crypto::unlock(&record, passphrase).await?;
    let mut plain = BTreeMap::new();
    let mut damaged = Vec::new();
    for key in PROTECTED {
        let Some(raw) = read_at_rest(key) else {
            continue;
        };
        let opened = match Sealed::from_stored(&raw) {
            // Written before the lock was finished being set: plain still,
            // and sealed at its next write.
            None => Some(raw.clone()),
            Some(Ok(sealed)) => crypto::open_text(&secret, &sealed).await.ok(),
            Some(Err(_)) => None,
        };
        match opened {
            Some(text) => {
                plain.insert(key, text);
            }
            None => {
                if !quarantine(key, &raw) {
                    GUARDED.with(|g| g.borrow_mut().insert(key.to_string()));
                }
                damaged.push(key);
            }
        }
    }
    VAULT.with(|v| {
        *v.borrow_mut() = Some(Vault { key: secret, plain });
    });
    Ok(damaged)
}

/// Seals every protected value under `secret` (or unseals them, with
/// `None`), and writes them together with the lock record, all or none.
async fn rewrite_protected(
    record: Option<&LockRecord>,
    secret: Option<&SecretKey>,
) -> Result<(), LockProblem> {
    if LOCK_CHANGED_ELSEWHERE.get() {
        return Err(LockProblem::Changed);
    }
    let plain: Vec<(&'static str, String)> = PROTECTED
        .iter()
        .filter_map(|key| Some((*key, read_raw(key)?)))
        .collect();
    let mut writes = Vec::new();
    for (key, value) in &plain {
        let at_rest = seal_for_rest(secret, value)
            .await
            .map_err(LockProblem::NotSaved)?;
        writes.push((*key, at_rest));
    }
    // The record goes first: a page closed half-way still finds the lock
    // on, and `unlock` reads values that were not yet sealed as plain.
    if let Some(record) = record {
        writes.insert(0, (LOCK_KEY, record.to_stored()));
    }
    write_all_or_none(&writes).map_err(LockProblem::NotSaved)?;
    if record.is_none()
        && let Some(storage) = storage()
    {
        let _ = storage.remove_item(LOCK_KEY);
    }
    VAULT.with(|v| {
        *v.borrow_mut() = secret.map(|key| Vault {
            key: key.clone(),
            plain: plain.into_iter().collect(),
        });
    });
    Ok(())
}

/// Turns the lock on with a new passphrase, sealing everything stored.
pub async fn set_lock(passphrase: &Passphrase) -> Result<(), LockProblem> {
    let turn = turn();
    let _turn = turn.lock().await;
    if lock_state() != LockState::Off {
        return Err(LockProblem::Changed);
    }
    let (record, secret) = crypto::new_lock(passphrase).await?;
    rewrite_protected(Some(&record), Some(&secret)).await
}

/// Checks `current` against the lock as stored now.
async fn confirm(current: &Passphrase) -> Result<(), LockProblem> {
    let LockState::On(record) = lock_state() else {
        return Err(LockProblem::Changed);
    };
    crypto::unlock(&record, current).await.map(|_| ())?;
    Ok(())
}

/// A new passphrase (and a new salt): everything is sealed again.
pub async fn change_passphrase(current: &Passphrase, new: &Passphrase) -> Result<(), LockProblem> {
    let turn = turn();
    let _turn = turn.lock().await;
    confirm(current).await?;
    let (record, secret) = crypto::new_lock(new).await?;
    rewrite_protected(Some(&record), Some(&secret)).await
}

/// Turns the lock off: everything is stored in plain text again.
pub async fn remove_lock(current: &Passphrase) -> Result<(), LockProblem> {
    let turn = turn();
    let _turn = turn.lock().await;
    confirm(current).await?;
    rewrite_protected(None, None).await
}
