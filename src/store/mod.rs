//! The one module that touches localStorage (through [`backend`]).
//!
//! Every key starts with `steady.` because all GitHub Pages project sites of
//! an account share one origin and one storage area. Data values are
//! versioned envelopes (`domain::envelope`); the lock record, sealed values
//! and quarantine copies are stored as they are. Every write is checked: a
//! full quota, private mode or disabled storage comes back as [`NotSaved`]
//! for the caller to tell the user. A value that cannot be read is copied
//! aside under a dated `steady.quarantine.` key before anything may replace
//! it; every such copy is kept.
//!
//! Other tabs share the storage area. An epoch counter in storage
//! (`steady.epoch`) is bumped by erase and replace: a tab whose copy of the
//! data predates the stored epoch never writes it back, it reloads instead.
//! Before a sealed write, the lock record at rest is compared with the one
//! this tab opened, so no tab seals under a salt that another tab replaced.
//!
//! With the optional lock on, the values in [`PROTECTED`] are kept sealed
//! (AES-GCM) at rest. After the passphrase opens them, their plain text lives
//! only in this tab's memory ([`Vault`]); reads come from there and every
//! write seals first. Writes of protected values are therefore `async`, and
//! they take turns ([`Tab::turn`]) so that two saves can never interleave and
//! write an older value over a newer one.

pub mod backend;
pub mod vault;

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use crate::crypto::{self, CryptoError};
use crate::domain::backup::AppData;
use crate::domain::draft::JournalDraft;
use crate::domain::envelope::{self, Unreadable};
use crate::domain::history::History;
use crate::domain::insights::{SelfCheck, StarterPlan};
use crate::domain::journal::Journal;
use crate::domain::lock::{LockRecord, Passphrase, Sealed};
use crate::domain::practice::timer::{TimerProblem, UrgeTimer};
use crate::domain::quiz::QuizInProgress;
use crate::domain::share::KeptComparisons;
use crate::domain::theme::ThemeChoice;
use backend::{BrowserStorage, StorageBackend, WriteRefused};
use vault::{Sealer, Vault};

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
/// Shared results the reader chose to keep ("Keep this on my device").
const COMPARISONS_KEY: &str = "steady.comparisons";
const COMPARISONS_VERSION: u32 = 1;
const QUARANTINE_PREFIX: &str = "steady.quarantine.";
/// The lock's salt and check value; present exactly when the lock is on.
const LOCK_KEY: &str = "steady.lock";
/// Bumped by erase and replace. Absent reads as 0.
const EPOCH_KEY: &str = "steady.epoch";
const EPOCH_VERSION: u32 = 1;
/// How often a locked save starts again because another tab wrote first.
const LOCKED_SAVE_TRIES: usize = 5;

/// What the lock keeps sealed: everything the person wrote or answered.
/// The theme and the date of the last export say nothing about them.
const PROTECTED: [&str; 8] = [
    JOURNAL_KEY,
    DRAFT_KEY,
    WAIT_KEY,
    QUIZ_RESULTS_KEY,
    QUIZ_PROGRESS_KEY,
    SELF_CHECKS_KEY,
    PLAN_KEY,
    COMPARISONS_KEY,
];

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

fn stale_epoch() -> NotSaved {
    NotSaved("Steady's data was erased or replaced in another tab, so this tab now shows what is saved there and did not save this change.".into())
}

fn lock_changed() -> NotSaved {
    NotSaved(
        "The lock was changed in another tab, so this tab will not save until it is reloaded."
            .into(),
    )
}

fn not_sealed(e: CryptoError) -> NotSaved {
    NotSaved(format!("{e} So this was not saved."))
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
    /// Everything at once (another tab erased or replaced all data): reload
    /// everything from storage, merging nothing.
    All,
    /// The lock was turned on, off or changed (or storage was cleared under
    /// it): this tab must reload before it may save anything protected again.
    Lock,
}

/// A value set aside because it could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptAside {
    /// The storage key of the copy, to discard it by.
    pub id: String,
    /// The key it was read from, without `steady.`.
    pub original: String,
    /// When it was set aside (ms since the epoch).
    pub kept_at: f64,
    /// Exactly what was stored (sealed, when it was sealed).
    pub raw: String,
}

/// Whoever reloads what this tab shows.
type Listener = Rc<dyn Fn(ChangedElsewhere)>;

/// One tab's view of the shared storage area: what it has opened, and which
/// epoch of the data its memory holds.
pub struct Tab {
    backend: Rc<dyn StorageBackend>,
    now: fn() -> f64,
    /// Keys holding a value we could not read AND could not copy aside (the
    /// quota was full). Writing them would destroy the only copy, so writes
    /// are refused until the person has dealt with it.
    guarded: RefCell<BTreeSet<String>>,
    vault: RefCell<Option<Vault>>,
    /// Another tab turned the lock on, off, or changed it: this tab's idea
    /// of how to store protected values is out of date until a reload.
    lock_changed_elsewhere: Cell<bool>,
    /// The lock record at rest as this tab last knew it.
    lock_seen: RefCell<Option<String>>,
    /// The epoch of the data this tab's memory was loaded from.
    epoch: Cell<u64>,
    turn: Rc<futures::lock::Mutex<()>>,
    /// Told when this tab must reload (found on a write, or by an event).
    listener: RefCell<Option<Listener>>,
}

thread_local! {
    static TAB: Rc<Tab> = Rc::new(Tab::new(Rc::new(BrowserStorage), crate::clock::now));
}

/// This page's tab over localStorage.
fn tab() -> Rc<Tab> {
    TAB.with(Rc::clone)
}

impl Tab {
    /// A tab that starts by reading `backend` as it is now.
    pub fn new(backend: Rc<dyn StorageBackend>, now: fn() -> f64) -> Tab {
        let tab = Tab {
            lock_seen: RefCell::new(backend.get(LOCK_KEY)),
            backend,
            now,
            guarded: RefCell::default(),
            vault: RefCell::new(None),
            lock_changed_elsewhere: Cell::new(false),
            epoch: Cell::new(0),
            turn: Rc::new(futures::lock::Mutex::new(())),
            listener: RefCell::new(None),
        };
        tab.epoch.set(tab.stored_epoch());
        tab
    }

    /// Waits for the other writes of this tab to finish. Hold the guard for
    /// the whole read-change-write.
    pub fn turn(&self) -> Rc<futures::lock::Mutex<()>> {
        Rc::clone(&self.turn)
    }

    /// Calls `f` whenever this tab must reload what it shows.
    pub fn listen(&self, f: impl Fn(ChangedElsewhere) + 'static) {
        *self.listener.borrow_mut() = Some(Rc::new(f));
    }

    fn tell(&self, what: ChangedElsewhere) {
        let f = self.listener.borrow().clone();
        if let Some(f) = f {
            f(what);
        }
    }

    fn stored_epoch(&self) -> u64 {
        self.backend
            .get(EPOCH_KEY)
            .and_then(|raw| envelope::decode(&raw, EPOCH_VERSION, envelope::no_migrations).ok())
            .unwrap_or(0)
    }

    /// Refuses a data write from a tab whose memory predates an erase or a
    /// replace, or a lock change. Call right before writing, with no await
    /// in between, so no other tab can act between the check and the write.
    fn check_current(&self) -> Result<(), NotSaved> {
        if self.lock_changed_elsewhere.get() {
            return Err(lock_changed());
        }
        if self.backend.get(LOCK_KEY) != *self.lock_seen.borrow() {
            self.lock_changed_elsewhere.set(true);
            self.tell(ChangedElsewhere::Lock);
            return Err(lock_changed());
        }
        let stored = self.stored_epoch();
        if stored != self.epoch.get() {
            // Load what is stored now instead of merging the stale copy.
            self.epoch.set(stored);
            self.tell(ChangedElsewhere::All);
            return Err(stale_epoch());
        }
        Ok(())
    }

    fn next_epoch(&self) -> (u64, String) {
        let next = self.stored_epoch().max(self.epoch.get()) + 1;
        (next, envelope::encode(EPOCH_VERSION, &next))
    }

    /// The value as stored on disk (sealed, when the lock is on).
    fn read_at_rest(&self, key: &str) -> Option<String> {
        self.backend.get(key)
    }

    /// The value as the app reads it: for a protected key under an open
    /// lock, the plain text kept in memory.
    fn read_raw(&self, key: &str) -> Option<String> {
        if protected(key).is_some()
            && let Some(vault) = self.vault.borrow().as_ref()
        {
            return vault.plain.get(key).cloned();
        }
        self.read_at_rest(key)
    }

    fn write_raw(&self, key: &str, value: &str) -> Result<(), NotSaved> {
        if protected(key).is_some() && self.lock_changed_elsewhere.get() {
            return Err(lock_changed());
        }
        if self.guarded.borrow().contains(key) {
            return Err(NotSaved("Steady found saved data here that it could not read, and there was no room to keep a copy of it aside, so it will not write over it. Free some space (or export from the Your data page) and reload.".into()));
        }
        self.backend.set(key, value).map_err(|refused| match refused {
            WriteRefused::Unavailable => NotSaved("This browser is not letting Steady save anything right now (storage is turned off or unavailable in this mode).".into()),
            WriteRefused::Full => NotSaved(
                "This device's storage for Steady is full or blocked, so this was not saved.".into(),
            ),
        })
    }

    fn vault_key(&self) -> Option<Rc<dyn Sealer>> {
        self.vault
            .borrow()
            .as_ref()
            .map(|vault| Rc::clone(&vault.key))
    }

    /// Writes `value`, sealing it first when the lock is on and the key is
    /// protected. Call with the turn held.
    async fn write(&self, key: &'static str, value: String) -> Result<(), NotSaved> {
        let Some(secret) = protected(key).and(self.vault_key()) else {
            self.check_current()?;
            return self.write_raw(key, &value);
        };
        let sealed = secret.seal(&value).await.map_err(not_sealed)?;
        // Checked after sealing: the lock may have changed meanwhile.
        self.check_current()?;
        self.write_raw(key, &sealed.to_stored())?;
        self.remember_plain(key, Some(value));
        Ok(())
    }

    fn remember_plain(&self, key: &'static str, value: Option<String>) {
        if let Some(vault) = self.vault.borrow_mut().as_mut() {
            match value {
                Some(value) => vault.plain.insert(key, value),
                None => vault.plain.remove(key),
            };
        }
    }

    /// Keeps an unreadable value under a dated quarantine key, so neither a
    /// later write of the same key nor a second unreadable value can destroy
    /// it. Returns whether the copy is kept.
    fn quarantine(&self, key: &str, raw: &str) -> bool {
        let name = key.trim_start_matches(PREFIX);
        // Under the lock no copy is plain: a plain value of a protected key
        // (one that could not be sealed at unlock) is guarded instead, and
        // stays where it is until the person deals with it.
        if protected(key).is_some()
            && self.vault.borrow().is_some()
            && Sealed::from_stored(raw).is_none()
        {
            return false;
        }
        if self
            .kept_aside()
            .iter()
            .any(|k| k.original == name && k.raw == raw)
        {
            return true;
        }
        let at = (self.now)().max(0.0).floor();
        let mut aside = format!("{QUARANTINE_PREFIX}{name}@{at}");
        let mut n = 1;
        while self.backend.get(&aside).is_some() {
            n += 1;
            aside = format!("{QUARANTINE_PREFIX}{name}@{at}.{n}");
        }
        self.backend.set(&aside, raw).is_ok()
    }

    /// Reads an envelope, quarantining it when it cannot be read.
    fn load<T: serde::de::DeserializeOwned>(
        &self,
        key: &str,
        version: u32,
    ) -> Result<Option<T>, Unreadable> {
        let Some(raw) = self.read_raw(key) else {
            return Ok(None);
        };
        envelope::decode(&raw, version, envelope::no_migrations)
            .map(Some)
            .inspect_err(|_| {
                // What is at rest: under the lock, the sealed form, so nothing
                // unreadable is ever copied aside in plain text.
                let at_rest = self.read_at_rest(key).unwrap_or(raw.clone());
                if !self.quarantine(key, &at_rest) {
                    self.guarded.borrow_mut().insert(key.to_string());
                }
            })
    }

    fn remove_raw(&self, key: &str) {
        if self.guarded.borrow().contains(key) {
            return;
        }
        // A stale tab never removes: the key may hold newer data (sealed
        // under a lock it does not know, or written after an erase).
        if self.check_current().is_err() {
            return;
        }
        self.backend.remove(key);
        if let Some(key) = protected(key) {
            self.remember_plain(key, None);
        }
    }

    /// See [`load_wait_timer`]. A timer whose times lie ahead of this clock
    /// (the clock was put back) is kept aside, not deleted: the clock may
    /// be the thing that is wrong.
    pub fn load_wait_timer(&self, now: f64) -> Result<Option<UrgeTimer>, String> {
        let why = match self.load::<UrgeTimer>(WAIT_KEY, WAIT_VERSION) {
            Ok(None) => return Ok(None),
            Ok(Some(timer)) => match timer.check_current(now) {
                Ok(timer) => return Ok(Some(timer)),
                Err(problem @ TimerProblem::FromTheFuture) => {
                    let at_rest = self.read_at_rest(WAIT_KEY).unwrap_or_default();
                    if !self.quarantine(WAIT_KEY, &at_rest) {
                        self.guarded.borrow_mut().insert(WAIT_KEY.to_string());
                    }
                    problem.to_string()
                }
                Err(problem @ TimerProblem::EndedLongAgo) => problem.to_string(),
            },
            Err(unreadable) => unreadable.to_string(),
        };
        // An unreadable or future value was copied aside (or is guarded, and
        // `remove_raw` leaves it alone).
        self.remove_raw(WAIT_KEY);
        Err(why)
    }

    pub fn load_journal(&self) -> Result<Journal, Unreadable> {
        self.load(JOURNAL_KEY, JOURNAL_VERSION)
            .map(Option::unwrap_or_default)
    }

    /// Saves `mine` merged with what is stored now, and returns the merged
    /// journal. Another tab may have saved since this one last read: merging
    /// by entry id and last change means neither tab's entries are dropped.
    pub async fn save_journal(&self, mine: &Journal) -> Result<Journal, NotSaved> {
        let turn = self.turn();
        let _turn = turn.lock().await;
        let Some(key) = self.vault_key() else {
            // No await between the read and the write: no other tab can
            // write in between.
            self.check_current()?;
            let mut merged = self.load_journal().unwrap_or_default();
            merged.merge(mine);
            self.write(JOURNAL_KEY, envelope::encode(JOURNAL_VERSION, &merged))
                .await?;
            return Ok(merged);
        };
        // Under the lock, opening and sealing wait on WebCrypto, and this
        // tab's memory may lag behind another tab's save. So: open what is
        // stored, merge, seal, and write only if what is stored is still
        // what was opened; otherwise start again.
        for _ in 0..LOCKED_SAVE_TRIES {
            self.check_current()?;
            let seen = self.read_at_rest(JOURNAL_KEY);
            if let Some(raw) = &seen {
                self.open_into_memory(&*key, JOURNAL_KEY, raw).await;
            }
            let mut merged = self.load_journal().unwrap_or_default();
            merged.merge(mine);
            let plain = envelope::encode(JOURNAL_VERSION, &merged);
            let sealed = key.seal(&plain).await.map_err(not_sealed)?.to_stored();
            if self.read_at_rest(JOURNAL_KEY) != seen {
                continue;
            }
            self.check_current()?;
            self.write_raw(JOURNAL_KEY, &sealed)?;
            self.remember_plain(JOURNAL_KEY, Some(plain));
            return Ok(merged);
        }
        Err(NotSaved(
            "Another tab of Steady kept saving the journal at the same moment, so this was not saved. Your text is still here: try again."
                .into(),
        ))
    }

    /// Puts the plain text of `raw` (as stored at `key`) in memory, so the
    /// next read sees it. A value this key cannot open is kept aside, as at
    /// unlock, and reads as nothing.
    async fn open_into_memory(&self, key: &dyn Sealer, name: &'static str, raw: &str) {
        let text = plain_text_of(raw, Some(key)).await;
        if text.is_none() && !self.quarantine(name, raw) {
            self.guarded.borrow_mut().insert(name.to_string());
        }
        self.remember_plain(name, text);
    }

    pub fn load_history(&self) -> Result<History, Unreadable> {
        self.load(QUIZ_RESULTS_KEY, QUIZ_RESULTS_VERSION)
            .map(Option::unwrap_or_default)
    }

    pub async fn save_history(&self, history: &History) -> Result<(), NotSaved> {
        let turn = self.turn();
        let _turn = turn.lock().await;
        self.write(
            QUIZ_RESULTS_KEY,
            envelope::encode(QUIZ_RESULTS_VERSION, history),
        )
        .await
    }

    pub fn load_self_checks(&self) -> Result<Vec<SelfCheck>, Unreadable> {
        self.load(SELF_CHECKS_KEY, SELF_CHECKS_VERSION)
            .map(Option::unwrap_or_default)
    }

    pub fn load_plan(&self) -> Result<StarterPlan, Unreadable> {
        self.load(PLAN_KEY, PLAN_VERSION)
            .map(Option::unwrap_or_default)
    }

    pub fn load_comparisons(&self) -> Result<KeptComparisons, Unreadable> {
        self.load(COMPARISONS_KEY, COMPARISONS_VERSION)
            .map(Option::unwrap_or_default)
    }

    pub async fn save_comparisons(&self, kept: &KeptComparisons) -> Result<(), NotSaved> {
        let turn = self.turn();
        let _turn = turn.lock().await;
        self.write(COMPARISONS_KEY, envelope::encode(COMPARISONS_VERSION, kept))
            .await
    }

    /// Everything the person made, as the backup sees it.
    pub fn load_app_data(&self) -> AppData {
        AppData {
            journal: self.load_journal().unwrap_or_default(),
            history: self.load_history().unwrap_or_default(),
            self_checks: self.load_self_checks().unwrap_or_default(),
            plan: self.load_plan().unwrap_or_default(),
            comparisons: self.load_comparisons().unwrap_or_default(),
        }
    }

    /// Writes all of `data` or none of it: if any write fails, the keys
    /// already written are put back as they were. Bumps the epoch, so no
    /// other tab writes its older copy back over the replacement.
    pub async fn replace_app_data(&self, data: &AppData) -> Result<(), NotSaved> {
        let turn = self.turn();
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
            (
                COMPARISONS_KEY,
                envelope::encode(COMPARISONS_VERSION, &data.comparisons),
            ),
        ];
        let secret = self.vault_key();
        let mut at_rest = Vec::new();
        for (key, value) in &plain {
            at_rest.push((*key, seal_for_rest(secret.as_deref(), value).await?));
        }
        if self.lock_changed_elsewhere.get()
            || self.backend.get(LOCK_KEY) != *self.lock_seen.borrow()
        {
            self.lock_changed_elsewhere.set(true);
            return Err(lock_changed());
        }
        let (epoch, stored_epoch) = self.next_epoch();
        at_rest.push((EPOCH_KEY, stored_epoch));
        self.write_all_or_none(&at_rest)?;
        self.epoch.set(epoch);
        for (key, value) in plain {
            self.remember_plain(key, Some(value));
        }
        Ok(())
    }

    /// Writes every value as given, or, if any write fails, puts every key
    /// back as it was at rest.
    fn write_all_or_none(&self, writes: &[(&str, String)]) -> Result<(), NotSaved> {
        let before: Vec<(&str, Option<String>)> = writes
            .iter()
            .map(|(k, _)| (*k, self.read_at_rest(k)))
            .collect();
        for (key, value) in writes {
            if let Err(not_saved) = self.write_raw(key, value) {
                // Remove first, then put back: the storage is full, and the
                // old values fit only once the new ones are gone.
                for (key, _) in &before {
                    self.backend.remove(key);
                }
                for (key, old) in &before {
                    if let Some(old) = old {
                        let _ = self.backend.set(key, old);
                    }
                }
                return Err(not_saved);
            }
        }
        Ok(())
    }

    /// Every key of ours (`steady.`), in order.
    fn our_keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self
            .backend
            .keys()
            .into_iter()
            .filter(|key| key.starts_with(PREFIX))
            .collect();
        crate::domain::sort::sort_by(&mut keys, |a, b| a.cmp(b));
        keys
    }

    /// Every value that could not be read and was kept aside, oldest first.
    pub fn kept_aside(&self) -> Vec<KeptAside> {
        let mut kept: Vec<KeptAside> = self
            .our_keys()
            .into_iter()
            .filter_map(|id| {
                let rest = id.strip_prefix(QUARANTINE_PREFIX)?;
                // Copies from before dates were kept have no `@`.
                let (original, kept_at) = match rest.split_once('@') {
                    Some((original, at)) => {
                        let at = at.split('.').next().unwrap_or(at);
                        (original.to_string(), at.parse().unwrap_or(0.0))
                    }
                    None => (rest.to_string(), 0.0),
                };
                let raw = self.read_at_rest(&id)?;
                Some(KeptAside {
                    id,
                    original,
                    kept_at,
                    raw,
                })
            })
            .collect();
        crate::domain::sort::sort_by(&mut kept, |a, b| a.kept_at.total_cmp(&b.kept_at));
        kept
    }

    /// Removes one kept-aside copy, once the person has downloaded it.
    pub fn discard_kept_aside(&self, id: &str) {
        if id.starts_with(QUARANTINE_PREFIX) {
            self.backend.remove(id);
        }
    }

    /// Removes every key of Steady's from this browser, then bumps the epoch
    /// so that no other open tab writes its copy back. Other sites' keys on
    /// the same origin are left alone.
    pub fn erase_everything(&self) {
        let (epoch, stored_epoch) = self.next_epoch();
        for key in self.our_keys() {
            self.backend.remove(&key);
        }
        let _ = self.backend.set(EPOCH_KEY, &stored_epoch);
        self.epoch.set(epoch);
        self.guarded.borrow_mut().clear();
        self.vault.borrow_mut().take();
        *self.lock_seen.borrow_mut() = None;
        self.lock_changed_elsewhere.set(false);
    }

    /// What another tab's change of `key` means here (`None`: the whole
    /// area was cleared). Marks this tab stale where it must reload.
    pub fn changed_elsewhere(&self, key: Option<&str>) -> Option<ChangedElsewhere> {
        if self.lock_changed_elsewhere.get() {
            return Some(ChangedElsewhere::Lock);
        }
        if key.is_none() || key == Some(LOCK_KEY) || key == Some(EPOCH_KEY) {
            if self.backend.get(LOCK_KEY) != *self.lock_seen.borrow() {
                self.lock_changed_elsewhere.set(true);
                return Some(ChangedElsewhere::Lock);
            }
            if key.is_none() || key == Some(EPOCH_KEY) {
                self.epoch.set(self.stored_epoch());
                return Some(ChangedElsewhere::All);
            }
            return None;
        }
        Some(match key? {
            JOURNAL_KEY => ChangedElsewhere::Journal,
            QUIZ_RESULTS_KEY => ChangedElsewhere::Results,
            SELF_CHECKS_KEY | PLAN_KEY => ChangedElsewhere::Progress,
            WAIT_KEY => ChangedElsewhere::WaitTimer,
            _ => return None,
        })
    }
}

/// The plain text of a value as stored: a plain value as it is, a sealed one
/// opened with `key`; `None` when it is damaged, or no key (or not this key)
/// opens it.
async fn plain_text_of(raw: &str, key: Option<&dyn Sealer>) -> Option<String> {
    match (Sealed::from_stored(raw), key) {
        (None, _) => Some(raw.to_string()),
        (Some(Ok(sealed)), Some(key)) => key.open(&sealed).await.ok(),
        _ => None,
    }
}

/// `value` as it should be stored: sealed when there is a key.
async fn seal_for_rest(secret: Option<&dyn Sealer>, value: &str) -> Result<String, NotSaved> {
    match secret {
        Some(secret) => Ok(secret.seal(value).await.map_err(not_sealed)?.to_stored()),
        None => Ok(value.to_string()),
    }
}

/// The remembered theme; `System` when nothing (readable) was stored.
/// A damaged theme value is harmless, so it is not worth a notice.
pub fn load_theme() -> ThemeChoice {
    tab()
        .load::<String>(THEME_KEY, THEME_VERSION)
        .ok()
        .flatten()
        .and_then(|s| ThemeChoice::parse(&s))
        .unwrap_or_default()
}

pub fn save_theme(choice: ThemeChoice) -> Result<(), NotSaved> {
    tab().write_raw(
        THEME_KEY,
        &envelope::encode(THEME_VERSION, &choice.as_str()),
    )
}

/// The quiz being taken, if any. An unreadable one is kept aside and reported.
pub fn load_quiz_progress() -> Result<Option<QuizInProgress>, Unreadable> {
    tab().load(QUIZ_PROGRESS_KEY, QUIZ_PROGRESS_VERSION)
}

pub async fn save_quiz_progress(progress: &QuizInProgress) -> Result<(), NotSaved> {
    let tab = tab();
    let turn = tab.turn();
    let _turn = turn.lock().await;
    tab.write(
        QUIZ_PROGRESS_KEY,
        envelope::encode(QUIZ_PROGRESS_VERSION, progress),
    )
    .await
}

/// Forgets the quiz being taken (finished or restarted).
pub fn clear_quiz_progress() {
    tab().remove_raw(QUIZ_PROGRESS_KEY);
}

/// Every completed quiz. Unreadable history is kept aside and reported.
pub fn load_history() -> Result<History, Unreadable> {
    tab().load_history()
}

pub async fn save_history(history: &History) -> Result<(), NotSaved> {
    tab().save_history(history).await
}

/// The journal, tombstones included. Unreadable journal data is kept aside
/// and reported.
pub fn load_journal() -> Result<Journal, Unreadable> {
    tab().load_journal()
}

/// See [`Tab::save_journal`].
pub async fn save_journal(mine: &Journal) -> Result<Journal, NotSaved> {
    tab().save_journal(mine).await
}

pub fn load_draft() -> Option<JournalDraft> {
    tab().load(DRAFT_KEY, DRAFT_VERSION).ok().flatten()
}

pub async fn save_draft(draft: &JournalDraft) -> Result<(), NotSaved> {
    let tab = tab();
    let turn = tab.turn();
    let _turn = turn.lock().await;
    if draft.is_empty() && draft.editing.is_none() {
        tab.remove_raw(DRAFT_KEY);
        return Ok(());
    }
    tab.write(DRAFT_KEY, envelope::encode(DRAFT_VERSION, draft))
        .await
}

pub fn clear_draft() {
    tab().remove_raw(DRAFT_KEY);
}

/// The running (or paused, or just finished) wait timer of "Wait before you
/// act". A stored timer that cannot be read is kept aside like any other
/// value; one that ended long ago is simply forgotten. Either way the key is
/// cleared and the reason comes back for the person to be told.
pub fn load_wait_timer(now: f64) -> Result<Option<UrgeTimer>, String> {
    tab().load_wait_timer(now)
}

pub async fn save_wait_timer(timer: &UrgeTimer) -> Result<(), NotSaved> {
    let tab = tab();
    let turn = tab.turn();
    let _turn = turn.lock().await;
    tab.write(WAIT_KEY, envelope::encode(WAIT_VERSION, timer))
        .await
}

pub fn clear_wait_timer() {
    tab().remove_raw(WAIT_KEY);
}

/// Calls `f` whenever another tab of this origin changes one of our keys, or
/// a write finds this tab stale. The browser fires `storage` only in the
/// *other* tabs, never the writer.
pub fn watch_other_tabs(f: impl Fn(ChangedElsewhere) + 'static) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    let tab = tab();
    let f = Rc::new(f);
    {
        let f = Rc::clone(&f);
        tab.listen(move |what| f(what));
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let handler =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
            let tab = self::tab();
            let Some(what) = tab.changed_elsewhere(ev.key().as_deref()) else {
                return;
            };
            let key = ev.key().as_deref().and_then(protected);
            match (key, tab.vault_key(), what) {
                // Under the lock, open the new sealed value before anyone
                // reads it from memory.
                (Some(key), Some(secret), w) if w != ChangedElsewhere::Lock => {
                    let f = Rc::clone(&f);
                    let raw = ev.new_value();
                    wasm_bindgen_futures::spawn_local(async move {
                        let opened = match raw.as_deref().map(Sealed::from_stored) {
                            None => None,
                            Some(Some(Ok(sealed))) => match secret.open(&sealed).await {
                                Ok(text) => Some(text),
                                Err(_) => return,
                            },
                            Some(_) => return,
                        };
                        self::tab().remember_plain(key, opened);
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
    tab().load_self_checks()
}

pub async fn save_self_checks(checks: &[SelfCheck]) -> Result<(), NotSaved> {
    let tab = tab();
    let turn = tab.turn();
    let _turn = turn.lock().await;
    tab.write(
        SELF_CHECKS_KEY,
        envelope::encode(SELF_CHECKS_VERSION, &checks),
    )
    .await
}

pub fn load_plan() -> Result<StarterPlan, Unreadable> {
    tab().load_plan()
}

pub async fn save_plan(plan: &StarterPlan) -> Result<(), NotSaved> {
    let tab = tab();
    let turn = tab.turn();
    let _turn = turn.lock().await;
    tab.write(PLAN_KEY, envelope::encode(PLAN_VERSION, plan))
        .await
}

/// When the last backup was downloaded, for the gentle reminder.
pub fn last_export() -> Option<f64> {
    tab()
        .load(LAST_EXPORT_KEY, LAST_EXPORT_VERSION)
        .ok()
        .flatten()
}

pub fn record_export(at: f64) -> Result<(), NotSaved> {
    tab().write_raw(LAST_EXPORT_KEY, &envelope::encode(LAST_EXPORT_VERSION, &at))
}

/// Everything the person made, as the backup sees it.
pub fn load_app_data() -> AppData {
    tab().load_app_data()
}

/// See [`Tab::replace_app_data`].
pub async fn replace_app_data(data: &AppData) -> Result<(), NotSaved> {
    tab().replace_app_data(data).await
}

/// Every key of ours, with its size in bytes as the browser counts it
/// (localStorage holds UTF-16, two bytes a character).
pub fn usage() -> Vec<(String, usize)> {
    let tab = tab();
    tab.our_keys()
        .into_iter()
        .map(|key| {
            let chars = tab
                .read_at_rest(&key)
                .map_or(0, |v| v.encode_utf16().count())
                + key.encode_utf16().count();
            (key, chars * 2)
        })
        .collect()
}

/// Values that could not be read and were kept aside, oldest first.
pub fn quarantined() -> Vec<KeptAside> {
    tab().kept_aside()
}

/// Removes one kept-aside copy (by its [`KeptAside::id`]).
pub fn discard_quarantined(id: &str) {
    tab().discard_kept_aside(id);
}

/// See [`Tab::erase_everything`].
pub fn erase_everything() {
    tab().erase_everything();
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
    match tab().read_at_rest(LOCK_KEY) {
        None => LockState::Off,
        Some(raw) => match LockRecord::from_stored(&raw) {
            Ok(record) => LockState::On(record),
            Err(problem) => LockState::Damaged(problem),
        },
    }
}

/// Whether this tab holds the opened lock.
pub fn is_locked_with_key() -> bool {
    tab().vault.borrow().is_some()
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

/// What opening the lock found.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Opened {
    /// Sealed values this key could not open: kept aside, unchanged.
    pub damaged: Vec<&'static str>,
    /// Values found in plain text (written while the lock was being set)
    /// that could not be sealed now (the write failed). They are sealed at
    /// their next write; the person is told.
    pub left_plain: Vec<&'static str>,
}

impl Tab {
    /// Opens every protected value into memory with `key` (already checked
    /// against the lock record), and seals at once any value found in plain
    /// text, so that nothing stays readable at rest under the lock.
    pub async fn open_vault(&self, key: Rc<dyn Sealer>) -> Opened {
        let turn = self.turn();
        let _turn = turn.lock().await;
        let mut plain = BTreeMap::new();
        let mut opened = Opened::default();
        let mut found_plain = Vec::new();
        for key_name in PROTECTED {
            let Some(raw) = self.read_at_rest(key_name) else {
                continue;
            };
            let text = match Sealed::from_stored(&raw) {
                // Written before the lock was finished being set.
                None => {
                    found_plain.push(key_name);
                    Some(raw.clone())
                }
                Some(Ok(sealed)) => key.open(&sealed).await.ok(),
                Some(Err(_)) => None,
            };
            match text {
                Some(text) => {
                    plain.insert(key_name, text);
                }
                None => {
                    if !self.quarantine(key_name, &raw) {
                        self.guarded.borrow_mut().insert(key_name.to_string());
                    }
                    opened.damaged.push(key_name);
                }
            }
        }
        *self.lock_seen.borrow_mut() = self.read_at_rest(LOCK_KEY);
        *self.vault.borrow_mut() = Some(Vault {
            key: Rc::clone(&key),
            plain,
        });
        for key_name in found_plain {
            let value = self.read_raw(key_name).unwrap_or_default();
            let sealed = match key.seal(&value).await {
                Ok(sealed) => sealed.to_stored(),
                Err(_) => {
                    opened.left_plain.push(key_name);
                    continue;
                }
            };
            // Only if no other tab wrote it meanwhile (its write was sealed).
            let unchanged = self.read_at_rest(key_name).as_deref() == Some(value.as_str());
            if unchanged
                && (self.check_current().is_err() || self.write_raw(key_name, &sealed).is_err())
            {
                opened.left_plain.push(key_name);
            }
        }
        opened
    }

    /// Seals every protected value, and every kept-aside copy of one, under
    /// `key` (or opens them all, with `None`), and writes them together with
    /// the lock record (`record`, stored form; `None` removes it), all or
    /// none. Call with the turn held.
    async fn rewrite_protected(
        &self,
        record: Option<String>,
        key: Option<Rc<dyn Sealer>>,
    ) -> Result<(), LockProblem> {
        if self.lock_changed_elsewhere.get()
            || self.read_at_rest(LOCK_KEY) != *self.lock_seen.borrow()
        {
            return Err(LockProblem::Changed);
        }
        let plain: Vec<(&'static str, String)> = PROTECTED
            .iter()
            .filter_map(|k| Some((*k, self.read_raw(k)?)))
            .collect();
        let mut writes: Vec<(String, String)> = Vec::new();
        for (k, value) in &plain {
            let at_rest = seal_for_rest(key.as_deref(), value)
                .await
                .map_err(LockProblem::NotSaved)?;
            writes.push((k.to_string(), at_rest));
        }
        // Copies kept aside hold what the person wrote too: under the lock
        // they are sealed like the values they came from. One that even the
        // current key cannot open stays as it is (it is damaged already).
        let old_key = self.vault_key();
        for copy in self.kept_aside() {
            if protected(&format!("{PREFIX}{}", copy.original)).is_none() {
                continue;
            }
            if let Some(text) = plain_text_of(&copy.raw, old_key.as_deref()).await {
                let at_rest = seal_for_rest(key.as_deref(), &text)
                    .await
                    .map_err(LockProblem::NotSaved)?;
                writes.push((copy.id, at_rest));
            }
        }
        // The record goes first: a page closed half-way still finds the lock
        // on, and `open_vault` seals values that were not yet sealed.
        if let Some(record) = &record {
            writes.insert(0, (LOCK_KEY.to_string(), record.clone()));
        }
        // Checked again after sealing, with no await before the writes: a
        // lock changed meanwhile in another tab must not be written over.
        if self.read_at_rest(LOCK_KEY) != *self.lock_seen.borrow() {
            self.lock_changed_elsewhere.set(true);
            return Err(LockProblem::Changed);
        }
        let writes: Vec<(&str, String)> = writes
            .iter()
            .map(|(k, v)| (k.as_str(), v.clone()))
            .collect();
        self.write_all_or_none(&writes)
            .map_err(LockProblem::NotSaved)?;
        if record.is_none() {
            self.backend.remove(LOCK_KEY);
        }
        *self.lock_seen.borrow_mut() = record;
        *self.vault.borrow_mut() = key.map(|key| Vault {
            key,
            plain: plain.into_iter().collect(),
        });
        Ok(())
    }

    /// Turns the lock on: `record` (stored form) and everything sealed.
    pub async fn lock_with(&self, record: String, key: Rc<dyn Sealer>) -> Result<(), LockProblem> {
        let turn = self.turn();
        let _turn = turn.lock().await;
        if self.read_at_rest(LOCK_KEY).is_some() {
            return Err(LockProblem::Changed);
        }
        self.rewrite_protected(Some(record), Some(key)).await
    }

    /// A new record and key (a new passphrase): everything sealed again.
    pub async fn relock_with(
        &self,
        record: String,
        key: Rc<dyn Sealer>,
    ) -> Result<(), LockProblem> {
        let turn = self.turn();
        let _turn = turn.lock().await;
        self.rewrite_protected(Some(record), Some(key)).await
    }

    /// Turns the lock off: everything stored in plain text again.
    pub async fn unlock_for_good(&self) -> Result<(), LockProblem> {
        let turn = self.turn();
        let _turn = turn.lock().await;
        self.rewrite_protected(None, None).await
    }
}

/// Opens the lock: checks the passphrase, then opens every protected value
/// into memory (see [`Tab::open_vault`]).
pub async fn unlock(passphrase: &Passphrase) -> Result<Opened, LockProblem> {
    let LockState::On(record) = lock_state() else {
        return Err(LockProblem::Changed);
    };
    let secret = crypto::unlock(&record, passphrase).await?;
    Ok(tab().open_vault(Rc::new(secret)).await)
}

/// Turns the lock on with a new passphrase, sealing everything stored.
pub async fn set_lock(passphrase: &Passphrase) -> Result<(), LockProblem> {
    if lock_state() != LockState::Off {
        return Err(LockProblem::Changed);
    }
    let (record, secret) = crypto::new_lock(passphrase).await?;
    tab().lock_with(record.to_stored(), Rc::new(secret)).await
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
    confirm(current).await?;
    let (record, secret) = crypto::new_lock(new).await?;
    tab().relock_with(record.to_stored(), Rc::new(secret)).await
}

/// Turns the lock off: everything is stored in plain text again.
pub async fn remove_lock(current: &Passphrase) -> Result<(), LockProblem> {
    confirm(current).await?;
    tab().unlock_for_good().await
}

/// The shared results kept on this device (see [`Tab::load_comparisons`]).
pub fn load_comparisons() -> Result<KeptComparisons, Unreadable> {
    tab().load_comparisons()
}

pub async fn save_comparisons(kept: &KeptComparisons) -> Result<(), NotSaved> {
    tab().save_comparisons(kept).await
}

#[cfg(test)]
mod tests;
