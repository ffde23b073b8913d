//! The self-checks and the starter plan of the Progress page.

use leptos::prelude::*;

use crate::domain::insights::{SelfCheck, StarterPlan};
use crate::state::notices::use_notices;
use crate::state::rules::Record;
use crate::store::{self, NotSaved};

/// Self-checks and the starter plan.
#[derive(Clone, Copy)]
pub struct ProgressData {
    self_checks: Record<Vec<SelfCheck>>,
    plan: Record<StarterPlan>,
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
        self_checks: Record::new(self_checks),
        plan: Record::new(plan),
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
        self.self_checks.shown()
    }

    pub fn plan(self) -> ReadSignal<StarterPlan> {
        self.plan.shown()
    }

    pub async fn add_self_check(self, check: SelfCheck) -> Result<(), NotSaved> {
        let add = |checks: &mut Vec<SelfCheck>| {
            checks.push(check);
            crate::domain::sort::sort_by(checks, |a, b| a.taken_at.total_cmp(&b.taken_at));
        };
        self.self_checks
            .save(add, async |next| {
                store::save_self_checks(&next).await?;
                Ok(next)
            })
            .await
    }

    /// Ticks or unticks a step of the starter plan, once it is saved.
    pub async fn toggle_step(self, step: u8) -> Result<(), NotSaved> {
        let saved = self.save_plan(|plan| plan.toggle(step)).await;
        if saved.is_err() {
            // The browser ticked the box already: draw it as saved.
            self.plan.redraw();
        }
        saved
    }

    /// Notes that the page for the latest result's style was opened, for
    /// the plan's "Read the page for your style". Saved once; a page that
    /// could not note it only leaves that step unticked.
    pub async fn record_style_page(
        self,
        region: crate::domain::quiz::Region,
        at: f64,
    ) -> Result<(), NotSaved> {
        if self
            .plan
            .with_untracked(|p| p.clone().record_style_page(region, at))
        {
            self.save_plan(|plan| {
                plan.record_style_page(region, at);
            })
            .await?;
        }
        Ok(())
    }

    async fn save_plan(self, change: impl FnOnce(&mut StarterPlan)) -> Result<(), NotSaved> {
        self.plan
            .save(change, async |next| {
                store::save_plan(&next).await?;
                Ok(next)
            })
            .await
    }

    pub fn reload(self) {
        if let Ok(checks) = store::load_self_checks() {
            self.self_checks.show_stored(checks);
        }
        if let Ok(plan) = store::load_plan() {
            self.plan.show_stored(plan);
        }
    }
}
