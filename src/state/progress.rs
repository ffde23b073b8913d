//! The self-checks and the starter plan of the Progress page.

use leptos::prelude::*;

use crate::domain::insights::{SelfCheck, StarterPlan};
use crate::state::notices::use_notices;
use crate::store::{self, NotSaved};

/// Self-checks and the starter plan.
#[derive(Clone, Copy)]
pub struct ProgressData {
    self_checks: RwSignal<Vec<SelfCheck>>,
    plan: RwSignal<StarterPlan>,
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
    });
}

pub fn use_progress() -> ProgressData {
    expect_context::<ProgressData>()
}

/// The plan and self-checks, unless Steady is still locked.
pub fn try_use_progress() -> Option<ProgressData> {
    use_context::<ProgressData>()
}

impl ProgressData {
    pub fn self_checks(self) -> ReadSignal<Vec<SelfCheck>> {
        self.self_checks.read_only()
    }

    pub fn plan(self) -> ReadSignal<StarterPlan> {
        self.plan.read_only()
    }

    pub async fn add_self_check(self, check: SelfCheck) -> Result<(), NotSaved> {
        let mut next = self.self_checks.get_untracked();
        next.push(check);
        crate::domain::sort::sort_by(&mut next, |a, b| a.taken_at.total_cmp(&b.taken_at));
        store::save_self_checks(&next).await?;
        self.self_checks.set(next);
        Ok(())
    }

    /// Ticks or unticks a step of the starter plan, once it is saved.
    pub async fn toggle_step(self, step: u8) -> Result<(), NotSaved> {
        let mut next = self.plan.get_untracked();
        next.toggle(step);
        match store::save_plan(&next).await {
            Ok(()) => {
                self.plan.set(next);
                Ok(())
            }
            Err(not_saved) => {
                // The browser ticked the box already: draw it as saved.
                self.plan.update(|_| {});
                Err(not_saved)
            }
        }
    }

    /// Notes that the page for the latest result's style was opened, for
    /// the plan's "Read the page for your style". Saved once; a page that
    /// could not note it only leaves that step unticked.
    pub async fn record_style_page(
        self,
        region: crate::domain::quiz::Region,
        at: f64,
    ) -> Result<(), NotSaved> {
        let mut next = self.plan.get_untracked();
        if !next.record_style_page(region, at) {
            return Ok(());
        }
        store::save_plan(&next).await?;
        self.plan.set(next);
        Ok(())
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
