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
//! they take turns ([`Tab::turn`]) so that two saves never interleave; a
//! draft's keep that a newer keep overtook writes nothing, so an older draft
//! never lands over a newer one.
//!
//! By concern: [`backend`] (localStorage, or memory in tests), `keys`,
//! `at_rest` (one value: envelope, seal, all-or-none writes), `quarantine`,
//! `tabs` (storage event, epoch, turns), `data` (each kind of value, replace
//! and erase), `lock` (open, set, change, remove) and [`vault`] (sealing).
//! This file holds [`Tab`] and the functions `state` calls.

mod at_rest;
pub mod backend;
mod data;
mod keys;
mod lock;
mod quarantine;
mod tabs;
pub mod vault;

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use crate::browser::crypto::{self, CryptoError};
use crate::domain::backup::AppData;
use crate::domain::draft::{Drafts, JournalDraft, ToolDraft};
use crate::domain::envelope::{self, Unreadable};
use crate::domain::history::History;
use crate::domain::insights::{SelfCheck, StarterPlan};
use crate::domain::journal::Journal;
use crate::domain::lock::{AutoLock, LockRecord, Passphrase, Sealed};
use crate::domain::practice::alerts::TimerAlerts;
use crate::domain::practice::timer::{TimerProblem, UrgeTimer};
use crate::domain::quiz::QuizInProgress;
use crate::domain::share::KeptComparisons;
use crate::domain::theme::ThemeChoice;
use at_rest::*;
use backend::{BrowserStorage, StorageBackend, WriteRefused};
use keys::*;
pub use lock::{
    LockProblem, LockState, Opened, change_passphrase, is_locked_with_key, lock_state, remove_lock,
    set_lock, unlock,
};
pub use quarantine::{KeptAside, discard_quarantined, quarantined};
use tabs::*;
pub use tabs::{ChangedElsewhere, watch_other_tabs};
use vault::{Sealer, Vault};

/// A write that did not happen. The message is for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotSaved(pub String);

impl std::fmt::Display for NotSaved {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
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
    /// The last keep ticket given out per draft key ([`Tab::keep_ticket`]);
    /// a handful of keys, so a list.
    keeps_issued: RefCell<Vec<(&'static str, u64)>>,
    /// Told when this tab must reload (found on a write, or by an event).
    listener: RefCell<Option<Listener>>,
}

thread_local! {
    /// This page's tab: over localStorage unless [`open_tab`] gave another.
    static TAB: RefCell<Option<Rc<Tab>>> = const { RefCell::new(None) };
}

/// Opens this page's tab over `backend`, in place of localStorage: `state`'s
/// native tests run its workflows on [`backend::MemoryStorage`] this way.
/// Each test thread has its own tab.
pub fn open_tab(backend: Rc<dyn StorageBackend>) {
    let tab = Tab::new(backend, crate::browser::clock::now);
    TAB.with_borrow_mut(|t| *t = Some(Rc::new(tab)));
}

/// This page's tab, opened over localStorage on first use.
fn tab() -> Rc<Tab> {
    if let Some(tab) = TAB.with_borrow(Option::clone) {
        return tab;
    }
    open_tab(Rc::new(BrowserStorage));
    TAB.with_borrow(Option::clone).expect("just opened")
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
            keeps_issued: RefCell::default(),
            listener: RefCell::new(None),
        };
        tab.epoch.set(tab.stored_epoch());
        tab
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

/// The chosen auto-lock; `Never` when nothing (readable) was stored. Not
/// sealed: it must be read before the unlock, and says nothing of the person.
pub fn load_auto_lock() -> AutoLock {
    tab()
        .load::<u32>(AUTO_LOCK_KEY, AUTO_LOCK_VERSION)
        .ok()
        .flatten()
        .and_then(AutoLock::from_minutes)
        .unwrap_or_default()
}

pub fn save_auto_lock(choice: AutoLock) -> Result<(), NotSaved> {
    tab().write_raw(
        AUTO_LOCK_KEY,
        &envelope::encode(AUTO_LOCK_VERSION, &choice.minutes()),
    )
}

/// What a timer's end does beyond the screen; all off when nothing
/// (readable) was stored. Not sealed, like the auto-lock: the calm tools
/// that read it run behind the lock, and it says nothing of the person.
pub fn load_timer_alerts() -> TimerAlerts {
    tab().load_timer_alerts()
}

pub fn save_timer_alerts(choice: TimerAlerts) -> Result<(), NotSaved> {
    tab().save_timer_alerts(choice)
}

/// The quiz being taken, if any. An unreadable one is kept aside and reported.
pub fn load_quiz_progress() -> Result<Option<QuizInProgress>, Unreadable> {
    tab().load(QUIZ_PROGRESS_KEY, QUIZ_PROGRESS_VERSION)
}

pub async fn save_quiz_progress(progress: &QuizInProgress) -> Result<(), NotSaved> {
    tab()
        .save_or_remove(QUIZ_PROGRESS_KEY, QUIZ_PROGRESS_VERSION, progress, false)
        .await
}

/// Forgets the quiz being taken (finished or restarted).
pub fn clear_quiz_progress() {
    tab().forget_draft(QUIZ_PROGRESS_KEY);
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
    let empty = draft.is_empty() && draft.editing.is_none();
    tab()
        .save_or_remove(DRAFT_KEY, DRAFT_VERSION, draft, empty)
        .await
}

pub fn clear_draft() {
    tab().forget_draft(DRAFT_KEY);
}

/// Whether `slug` names a tool whose draft Steady can keep.
pub fn keeps_tool_draft(slug: &str) -> bool {
    tool_draft_key(slug).is_some()
}

/// See [`Tab::load_tool_draft`].
pub fn load_tool_draft(slug: &str) -> Option<ToolDraft> {
    tab().load_tool_draft(slug)
}

/// See [`Tab::save_tool_draft`].
pub async fn save_tool_draft(slug: &str, draft: &ToolDraft) -> Result<(), NotSaved> {
    tab().save_tool_draft(slug, draft).await
}

/// The running (or paused, or just finished) wait timer of "Wait before you
/// act". A stored timer that cannot be read is kept aside like any other
/// value; one that ended long ago is simply forgotten. Either way the key is
/// cleared and the reason comes back for the person to be told.
pub fn load_wait_timer(now: f64) -> Result<Option<UrgeTimer>, String> {
    tab().load_wait_timer(now)
}

pub async fn save_wait_timer(timer: &UrgeTimer) -> Result<(), NotSaved> {
    tab()
        .save_or_remove(WAIT_KEY, WAIT_VERSION, timer, false)
        .await
}

pub fn clear_wait_timer() {
    tab().forget_draft(WAIT_KEY);
}

pub fn load_self_checks() -> Result<Vec<SelfCheck>, Unreadable> {
    tab().load_self_checks()
}

pub async fn save_self_checks(checks: &[SelfCheck]) -> Result<(), NotSaved> {
    tab()
        .save_envelope(SELF_CHECKS_KEY, SELF_CHECKS_VERSION, &checks)
        .await
}

pub fn load_plan() -> Result<StarterPlan, Unreadable> {
    tab().load_plan()
}

pub async fn save_plan(plan: &StarterPlan) -> Result<(), NotSaved> {
    tab().save_envelope(PLAN_KEY, PLAN_VERSION, plan).await
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

/// See [`Tab::erase_everything`].
pub fn erase_everything() {
    tab().erase_everything();
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
