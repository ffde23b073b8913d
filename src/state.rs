//! App-wide data that several pages read: the quiz history and the journal.
//! Loaded once from `store`, kept in signals, saved through `store` on every
//! change, and refreshed when another tab saves.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::notice::{Notices, use_notices};
use crate::domain::history::{History, QuizResult};
use crate::domain::insights::{SelfCheck, StarterPlan};
use crate::domain::journal::Journal;
use crate::store::{self, ChangedElsewhere, NotSaved};
use crate::wait::{WaitTimer, use_wait_timer};

#[derive(Clone, Copy)]
pub struct Results {
    history: RwSignal<History>,
    // Captured here because event handlers run outside the component tree.
    notices: Notices,
}

/// Loads the history. Unreadable history is never written over without a
/// copy: `store` keeps it aside, and the person is told.
pub fn provide_results() {
    let notices = use_notices();
    let history = match store::load_history() {
        Ok(history) => history,
        Err(problem) => {
            notices.show(format!(
                "Your saved quiz results could not be read ({problem}), so none are shown. The saved copy has been kept aside, unchanged, and new results are saved separately."
            ));
            History::default()
        }
    };
    provide_context(Results {
        history: RwSignal::new(history),
        notices,
    });
}

pub fn use_results() -> Results {
    expect_context::<Results>()
}

/// The results, unless Steady is still locked.
pub fn try_use_results() -> Option<Results> {
    use_context::<Results>()
}

impl Results {
    pub fn history(self) -> RwSignal<History> {
        self.history
    }

    /// Saves in the background: a result is shown at once, and the person
    /// is told if it could not be kept.
    fn save(self) {
        let history = self.history.get_untracked();
        spawn_local(async move {
            if let Err(not_saved) = store::save_history(&history).await {
                self.notices.show(format!(
                    "{not_saved} Your results are shown for now but will be gone after a reload."
                ));
            }
        });
    }

    pub fn add(self, result: QuizResult) {
        self.history.update(|h| h.add(result));
        self.save();
    }

    pub fn remove(self, id: &str) -> Option<QuizResult> {
        let removed = self.history.try_update(|h| h.remove(id)).flatten();
        if removed.is_some() {
            self.save();
        }
        removed.map(|(_, r)| r)
    }

    pub fn restore(self, result: QuizResult) {
        self.history.update(|h| h.restore(result));
        self.save();
    }
}

/// The journal, kept current with other tabs.
#[derive(Clone, Copy)]
pub struct JournalData {
    journal: RwSignal<Journal>,
    notices: Notices,
}

pub fn provide_journal() {
    let notices = use_notices();
    let journal = match store::load_journal() {
        Ok(journal) => journal,
        Err(problem) => {
            notices.show(format!(
                "Your saved journal could not be read ({problem}). It has been kept aside, unchanged, and can be downloaded from the Your data page. New entries are saved separately."
            ));
            Journal::new()
        }
    };
    provide_context(JournalData {
        journal: RwSignal::new(journal),
        notices,
    });
}

pub fn use_journal() -> JournalData {
    expect_context::<JournalData>()
}

impl JournalData {
    pub fn journal(self) -> RwSignal<Journal> {
        self.journal
    }

    /// Applies `change` and saves. On failure nothing changes on screen
    /// except the message: the caller keeps the person's text where it is
    /// until this resolves.
    pub async fn change(self, change: impl FnOnce(&mut Journal)) -> Result<(), NotSaved> {
        let mut next = self.journal.get_untracked();
        change(&mut next);
        let merged = store::save_journal(&next).await?;
        self.journal.set(merged);
        Ok(())
    }

    /// Like [`JournalData::change`], telling the person when it failed.
    pub async fn change_or_tell(self, change: impl FnOnce(&mut Journal)) -> bool {
        match self.change(change).await {
            Ok(()) => true,
            Err(not_saved) => {
                self.notices
                    .show(format!("{not_saved} Nothing was changed."));
                false
            }
        }
    }

    /// Picks up what another tab saved.
    pub fn reload(self) {
        if let Ok(stored) = store::load_journal() {
            self.journal.update(|j| {
                j.merge(&stored);
            });
        }
    }
}

impl Results {
    /// Picks up what another tab saved.
    pub fn reload(self) {
        if let Ok(stored) = store::load_history() {
            self.history.set(stored);
        }
    }
}

/// Self-checks and the starter plan.
#[derive(Clone, Copy)]
pub struct ProgressData {
    self_checks: RwSignal<Vec<SelfCheck>>,
    plan: RwSignal<StarterPlan>,
    notices: Notices,
}

pub fn provide_progress() {
    let notices = use_notices();
    let self_checks = store::load_self_checks().unwrap_or_else(|problem| {
        notices.show(format!("Your saved self-checks could not be read ({problem}). They have been kept aside, unchanged."));
        Vec::new()
    });
    let plan = store::load_plan().unwrap_or_else(|problem| {
        notices.show(format!(
            "Your starter plan could not be read ({problem}). It has been kept aside, unchanged."
        ));
        StarterPlan::default()
    });
    provide_context(ProgressData {
        self_checks: RwSignal::new(self_checks),
        plan: RwSignal::new(plan),
        notices,
    });
}

pub fn use_progress() -> ProgressData {
    expect_context::<ProgressData>()
}

impl ProgressData {
    pub fn self_checks(self) -> RwSignal<Vec<SelfCheck>> {
        self.self_checks
    }

    pub fn plan(self) -> RwSignal<StarterPlan> {
        self.plan
    }

    pub async fn add_self_check(self, check: SelfCheck) -> Result<(), NotSaved> {
        let mut next = self.self_checks.get_untracked();
        next.push(check);
        crate::domain::sort::sort_by(&mut next, |a, b| a.taken_at.total_cmp(&b.taken_at));
        store::save_self_checks(&next).await?;
        self.self_checks.set(next);
        Ok(())
    }

    pub fn toggle_step(self, step: u8) {
        let mut next = self.plan.get_untracked();
        next.toggle(step);
        spawn_local(async move {
            match store::save_plan(&next).await {
                Ok(()) => self.plan.set(next),
                Err(not_saved) => {
                    // The box was ticked by the browser; put it back.
                    self.plan.update(|_| {});
                    self.notices
                        .show(format!("{not_saved} The checklist was not changed."));
                }
            }
        });
    }

    pub fn reload(self) {
        if let Ok(checks) = store::load_self_checks() {
            self.self_checks.set(checks);
        }
        if let Ok(plan) = store::load_plan() {
            self.plan.set(plan);
        }
    }
}

/// Every piece of app data, captured while the component tree is reachable
/// so that an event handler can refresh them all.
#[derive(Clone, Copy)]
pub struct AllData {
    journal: JournalData,
    results: Results,
    progress: ProgressData,
    wait: WaitTimer,
}

impl AllData {
    pub fn capture() -> AllData {
        AllData {
            journal: use_journal(),
            results: use_results(),
            progress: use_progress(),
            wait: use_wait_timer(),
        }
    }

    /// Replaces everything on screen with what is stored: after an import,
    /// an erase, or another tab erasing.
    pub fn reload(self) {
        self.journal
            .journal
            .set(store::load_journal().unwrap_or_default());
        self.results
            .history
            .set(store::load_history().unwrap_or_default());
        self.progress.reload();
        self.wait.reload();
    }
}

/// Keeps this tab's data current when another tab saves.
pub fn sync_with_other_tabs() {
    let all = AllData::capture();
    store::watch_other_tabs(move |what| {
        match what {
        ChangedElsewhere::Journal => all.journal.reload(),
        ChangedElsewhere::Results => all.results.reload(),
        ChangedElsewhere::Progress => all.progress.reload(),
        ChangedElsewhere::WaitTimer => all.wait.reload(),
        ChangedElsewhere::All => all.reload(),
        ChangedElsewhere::Lock => all.journal.notices.show_with_action(
            "The lock was changed in another tab. This tab will not save anything until it is reloaded; what you see here is kept until then.".to_string(),
            "Reload now",
            || {
                let _ = window().location().reload();
            },
        ),
    }
    });
}
