//! Which keys Steady stores, the version of each envelope, and which keys
//! the lock keeps sealed.

/// Every key of ours starts with this.
pub const PREFIX: &str = "steady.";

pub(super) const THEME_KEY: &str = "steady.theme";
pub(super) const THEME_VERSION: u32 = 1;
pub(super) const QUIZ_PROGRESS_KEY: &str = "steady.quiz.progress";
pub(super) const QUIZ_PROGRESS_VERSION: u32 = 1;
pub(super) const QUIZ_RESULTS_KEY: &str = "steady.quiz.results";
pub(super) const QUIZ_RESULTS_VERSION: u32 = 1;
pub(super) const JOURNAL_KEY: &str = "steady.journal";
pub(super) const JOURNAL_VERSION: u32 = 1;
pub(super) const DRAFT_KEY: &str = "steady.journal.draft";
pub(super) const DRAFT_VERSION: u32 = 1;
pub(super) const SELF_CHECKS_KEY: &str = "steady.self-checks";
pub(super) const SELF_CHECKS_VERSION: u32 = 1;
pub(super) const PLAN_KEY: &str = "steady.plan";
pub(super) const PLAN_VERSION: u32 = 1;
/// How long the open app may sit unused before it locks itself.
pub(super) const AUTO_LOCK_KEY: &str = "steady.auto-lock";
pub(super) const AUTO_LOCK_VERSION: u32 = 1;
/// What a timer's end does beyond the screen (chime, vibration,
/// notification). Not sealed: the calm tools run behind the lock.
pub(super) const TIMER_ALERTS_KEY: &str = "steady.timer-alerts";
pub(super) const TIMER_ALERTS_VERSION: u32 = 1;
pub(super) const LAST_EXPORT_KEY: &str = "steady.last-export";
pub(super) const LAST_EXPORT_VERSION: u32 = 1;
pub(super) const WAIT_KEY: &str = "steady.practice.wait";
pub(super) const WAIT_VERSION: u32 = 1;
/// Shared results the reader chose to keep ("Keep this on my device").
pub(super) const COMPARISONS_KEY: &str = "steady.comparisons";
pub(super) const COMPARISONS_VERSION: u32 = 1;
pub(super) const QUARANTINE_PREFIX: &str = "steady.quarantine.";
/// The lock's salt and check value; present exactly when the lock is on.
pub(super) const LOCK_KEY: &str = "steady.lock";
/// Bumped by erase and replace. Absent reads as 0.
pub(super) const EPOCH_KEY: &str = "steady.epoch";
pub(super) const EPOCH_VERSION: u32 = 1;
/// How often a locked save starts again because another tab wrote first.
pub(super) const LOCKED_SAVE_TRIES: usize = 5;

/// A practice tool's unsaved text and step, one key per tool, so two tabs
/// in two tools never write over each other's draft. The names end in
/// `routes::Tool::slug()`; `state::tool_drafts` checks that every tool has one.
pub(super) const TOOL_DRAFT_PREFIX: &str = "steady.practice.draft.";
pub(super) const TOOL_DRAFT_VERSION: u32 = 1;
pub(super) const TOOL_DRAFT_KEYS: [&str; 12] = [
    "steady.practice.draft.activated",
    "steady.practice.draft.breathing",
    "steady.practice.draft.wait",
    "steady.practice.draft.reframe",
    "steady.practice.draft.trigger-log",
    "steady.practice.draft.body-scan",
    "steady.practice.draft.deactivation",
    "steady.practice.draft.i-statement",
    "steady.practice.draft.opposite-action",
    "steady.practice.draft.repair",
    "steady.practice.draft.couple-agreement",
    // The message written during a wait instead of sent (`DraftSlot::WaitMessage`).
    "steady.practice.draft.wait-message",
];

/// The key of the draft of the tool `slug`, if it is a tool's.
pub(super) fn tool_draft_key(slug: &str) -> Option<&'static str> {
    TOOL_DRAFT_KEYS
        .iter()
        .copied()
        .find(|k| k.strip_prefix(TOOL_DRAFT_PREFIX) == Some(slug))
}

/// What the lock keeps sealed: everything the person wrote or answered.
/// The theme, the auto-lock, the timer alerts and the date of the last
/// export say nothing about them.
pub(super) const PROTECTED: [&str; 20] = joined([
    JOURNAL_KEY,
    DRAFT_KEY,
    WAIT_KEY,
    QUIZ_RESULTS_KEY,
    QUIZ_PROGRESS_KEY,
    SELF_CHECKS_KEY,
    PLAN_KEY,
    COMPARISONS_KEY,
]);

/// `first` followed by every tool draft key: written out once, so a new
/// tool's draft cannot be left unsealed by a forgotten line here.
const fn joined(first: [&'static str; 8]) -> [&'static str; 20] {
    let mut out = [""; 20];
    let mut i = 0;
    while i < first.len() {
        out[i] = first[i];
        i += 1;
    }
    let mut j = 0;
    while j < TOOL_DRAFT_KEYS.len() {
        out[i + j] = TOOL_DRAFT_KEYS[j];
        j += 1;
    }
    out
}

pub(super) fn protected(key: &str) -> Option<&'static str> {
    PROTECTED.iter().copied().find(|k| *k == key)
}
