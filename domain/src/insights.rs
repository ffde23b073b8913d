//! Progress: the monthly self-check, the starter plan, and what the journal
//! shows about which tools help.
//!
//! The words of the self-check's signs live in `content/`; here they are only
//! counted, so the rules can be tested without them.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::history::History;
use super::journal::{EntryKind, FieldError, Journal, check_id, check_time, describe};
use super::quiz::Region;
use super::units::{DAY_MS, WEEK_MS};

/// How many signs of security the self-check asks about.
pub const SIGN_COUNT: usize = 15;
/// Each sign is rated 0 ("not yet") to 4 ("very much").
pub const RATING_MAX: u8 = 4;
/// The self-check is offered again this long after the last one.
pub const SELF_CHECK_INTERVAL_MS: f64 = 30.0 * DAY_MS;

/// One monthly self-check: a rating for each sign of security, in the order
/// of the signs in `content/`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SelfCheck {
    /// Random, made at the edge.
    pub id: String,
    /// Milliseconds since the Unix epoch.
    pub taken_at: f64,
    pub ratings: Vec<u8>,
}

#[derive(Deserialize)]
struct SelfCheckUnchecked {
    id: String,
    taken_at: f64,
    ratings: Vec<u8>,
}

impl SelfCheck {
    /// The sum of the ratings, 0 to 60: higher means more of the signs are
    /// there.
    pub fn score(&self) -> u8 {
        self.ratings
            .iter()
            .fold(0u8, |sum, r| sum.saturating_add(*r))
    }

    /// The highest possible score.
    pub fn max_score() -> u8 {
        RATING_MAX * SIGN_COUNT as u8
    }

    /// Checks the id, the time, and that there is one rating 0-4 per sign.
    pub fn validate(&self) -> Result<(), FieldError> {
        check_id(&self.id).map_err(|m| FieldError::new("id", m))?;
        check_time(self.taken_at).map_err(|m| FieldError::new("taken_at", m))?;
        if self.ratings.len() != SIGN_COUNT {
            return Err(FieldError::new(
                "ratings",
                format!(
                    "a self-check has {SIGN_COUNT} ratings, not {}",
                    self.ratings.len()
                ),
            ));
        }
        if let Some((n, r)) = self
            .ratings
            .iter()
            .enumerate()
            .find(|(_, r)| **r > RATING_MAX)
        {
            return Err(FieldError::new(
                format!("ratings[{n}]"),
                format!("a rating is 0 to {RATING_MAX}, not {r}"),
            ));
        }
        Ok(())
    }

    /// Reads a self-check from JSON, saying which field is wrong.
    pub fn from_value(value: &Value) -> Result<SelfCheck, FieldError> {
        if !value.is_object() {
            return Err(FieldError::new(
                "",
                format!("a self-check is an object, not {}", describe(value)),
            ));
        }
        let raw = SelfCheckUnchecked::deserialize(value)
            .map_err(|e| FieldError::new("", e.to_string()))?;
        let check = SelfCheck {
            id: raw.id,
            taken_at: raw.taken_at,
            ratings: raw.ratings,
        };
        check.validate()?;
        Ok(check)
    }
}

impl<'de> Deserialize<'de> for SelfCheck {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<SelfCheck, D::Error> {
        let value = Value::deserialize(d)?;
        SelfCheck::from_value(&value).map_err(serde::de::Error::custom)
    }
}

/// Whether to offer the self-check: never taken, or 30 days or more since the
/// last one.
pub fn self_check_due(last: Option<f64>, now: f64) -> bool {
    last.is_none_or(|last| now - last >= SELF_CHECK_INTERVAL_MS)
}

/// The first steps for someone new. Most tick themselves from what the
/// person did ([`plan_status`]); `done` holds the steps ticked by hand.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "StarterPlanUnchecked")]
pub struct StarterPlan {
    /// The numbers of the steps ticked by hand, each below
    /// [`StarterPlan::STEPS`].
    pub done: BTreeSet<u8>,
    /// When the page for a style was first opened while it was the style of
    /// the latest result, by the style's tag (`Region::tag`). Nothing else
    /// records reading, and only this is kept: not which other pages.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub style_pages_read: BTreeMap<String, f64>,
}

#[derive(Deserialize)]
struct StarterPlanUnchecked {
    #[serde(default)]
    done: BTreeSet<u8>,
    #[serde(default)]
    style_pages_read: BTreeMap<String, f64>,
}

impl TryFrom<StarterPlanUnchecked> for StarterPlan {
    type Error = String;
    fn try_from(raw: StarterPlanUnchecked) -> Result<StarterPlan, String> {
        if let Some(step) = raw.done.iter().find(|s| **s >= StarterPlan::STEPS) {
            return Err(format!(
                "the plan has steps 0 to {}, not {step}",
                StarterPlan::STEPS - 1
            ));
        }
        for (tag, at) in &raw.style_pages_read {
            if !Region::ALL.iter().any(|r| r.tag() == tag) {
                return Err(format!("`{tag}` is not a style"));
            }
            check_time(*at)?;
        }
        Ok(StarterPlan {
            done: raw.done,
            style_pages_read: raw.style_pages_read,
        })
    }
}

impl StarterPlan {
    pub const STEPS: u8 = 5;
    /// "Take the quiz": done once a result exists.
    pub const QUIZ: u8 = 0;
    /// "Read the page for your style": done once the page for the latest
    /// result's style was opened.
    pub const STYLE_PAGE: u8 = 1;
    /// "Settle yourself": done once a settling tool was used and saved.
    pub const SETTLE: u8 = 2;
    /// "Practise one way of speaking up": only the person can tell; by hand.
    pub const SPEAK_UP: u8 = 3;
    /// "Keep a note of what helps": done once a journal entry was written.
    pub const NOTE: u8 = 4;

    /// Ticks a step, or unticks it. A step outside the plan is ignored.
    pub fn toggle(&mut self, step: u8) {
        if step < Self::STEPS && !self.done.remove(&step) {
            self.done.insert(step);
        }
    }

    /// Ticked by hand (a step may also be done by what the person did: see
    /// [`plan_status`]).
    pub fn is_done(&self, step: u8) -> bool {
        self.done.contains(&step)
    }

    /// (steps ticked by hand, steps in all).
    pub fn progress(&self) -> (usize, usize) {
        (self.done.len(), usize::from(Self::STEPS))
    }

    /// Notes that the page for `region` was opened at `at`, while it was
    /// the style of the latest result. Only the first time is kept: `false`
    /// when nothing changed (and nothing needs saving).
    pub fn record_style_page(&mut self, region: Region, at: f64) -> bool {
        if self.style_pages_read.contains_key(region.tag()) {
            return false;
        }
        self.style_pages_read.insert(region.tag().to_string(), at);
        true
    }

    /// Steps ticked here or there stay ticked; a style page read on either
    /// side stays read, from the earlier time.
    pub fn merged(&self, other: &StarterPlan) -> StarterPlan {
        let mut read = self.style_pages_read.clone();
        for (tag, at) in &other.style_pages_read {
            read.entry(tag.clone())
                .and_modify(|t| *t = t.min(*at))
                .or_insert(*at);
        }
        StarterPlan {
            done: self.done.union(&other.done).copied().collect(),
            style_pages_read: read,
        }
    }
}

/// The journal kinds that count as settling yourself: the tools for a hard
/// moment (`routes::Tool::in_the_moment`).
pub const SETTLING: [EntryKind; 4] = [
    EntryKind::Activated,
    EntryKind::Breathing,
    EntryKind::Urge,
    EntryKind::BodyScan,
];

/// Why a step of the starter plan is done.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum StepDone {
    /// The person ticked it.
    ByHand,
    /// The latest quiz result was saved at `at`.
    TookQuiz { at: f64 },
    /// The page for `region`, the latest result's style, was opened at `at`.
    ReadStylePage { region: Region, at: f64 },
    /// A settling tool of `kind` was last saved at `at`.
    UsedTool { kind: EntryKind, at: f64 },
    /// A journal entry was last written by hand at `at`.
    WroteEntry { at: f64 },
}

impl StepDone {
    /// Done by what the person did, not by a tick: the step cannot be
    /// unticked while that stays true.
    pub fn is_automatic(self) -> bool {
        !matches!(self, StepDone::ByHand)
    }
}

/// Each step of the plan, done or not and why.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanStatus {
    pub steps: [Option<StepDone>; StarterPlan::STEPS as usize],
}

impl PlanStatus {
    pub fn get(&self, step: u8) -> Option<StepDone> {
        self.steps.get(usize::from(step)).copied().flatten()
    }

    /// (steps done, steps in all).
    pub fn progress(&self) -> (usize, usize) {
        (
            self.steps.iter().filter(|s| s.is_some()).count(),
            self.steps.len(),
        )
    }

    /// Whether a tick by hand can change the step: not while what the person
    /// did keeps it done. Its tick by hand, if any, is kept underneath, and
    /// shows again if that goes (a deleted result, say).
    pub fn can_toggle(&self, step: u8) -> bool {
        step < StarterPlan::STEPS && !self.get(step).is_some_and(StepDone::is_automatic)
    }
}

/// The starter plan's steps, from the quiz results, the journal and the
/// ticks by hand. What the person did wins over a tick, since it says why.
pub fn plan_status(history: &History, journal: &Journal, plan: &StarterPlan) -> PlanStatus {
    let latest = history.latest();
    let newest = |want: &dyn Fn(EntryKind) -> bool| {
        journal
            .entries()
            .into_iter()
            .filter(|e| want(e.kind))
            .map(|e| (e.kind, e.created))
            .reduce(|a, b| if b.1 > a.1 { b } else { a })
    };
    let automatic = [
        latest.map(|r| StepDone::TookQuiz { at: r.taken_at }),
        latest.and_then(|r| {
            let region = r.region();
            plan.style_pages_read
                .get(region.tag())
                .map(|at| StepDone::ReadStylePage { region, at: *at })
        }),
        newest(&|k| SETTLING.contains(&k)).map(|(kind, at)| StepDone::UsedTool { kind, at }),
        None,
        newest(&|k| k == EntryKind::Free).map(|(_, at)| StepDone::WroteEntry { at }),
    ];
    let mut steps = [None; StarterPlan::STEPS as usize];
    for (i, auto) in automatic.into_iter().enumerate() {
        let by_hand = u8::try_from(i).is_ok_and(|n| plan.is_done(n));
        steps[i] = auto.or(by_hand.then_some(StepDone::ByHand));
    }
    PlanStatus { steps }
}

/// How one tool has been used, and how the feeling moved when it was rated
/// before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct ToolStat {
    pub kind: EntryKind,
    /// Live entries of this kind.
    pub uses: usize,
    /// Of those, the ones with an intensity before and after.
    pub rated_uses: usize,
    /// The mean of after minus before over the rated uses: negative means the
    /// feeling eased. `None` without a rated use.
    pub average_change: Option<f32>,
}

/// Every tool used at least once, most used first (ties in the order of
/// [`EntryKind::ALL`]). Free entries, quiz results and self-checks are not tools.
pub fn what_helps(journal: &Journal) -> Vec<ToolStat> {
    let mut per_kind: BTreeMap<EntryKind, (usize, usize, i32)> = BTreeMap::new();
    for e in journal.entries() {
        if !e.kind.is_tool() {
            continue;
        }
        let stat = per_kind.entry(e.kind).or_default();
        stat.0 += 1;
        if let Some(change) = e.intensity_change() {
            stat.1 += 1;
            stat.2 += i32::from(change);
        }
    }
    let mut stats: Vec<ToolStat> = per_kind
        .into_iter()
        .map(|(kind, (uses, rated_uses, sum))| ToolStat {
            kind,
            uses,
            rated_uses,
            average_change: (rated_uses > 0).then(|| sum as f32 / rated_uses as f32),
        })
        .collect();
    // Stable: kinds are already in `ALL` order (the enum's order).
    super::sort::sort_by(&mut stats, |a, b| b.uses.cmp(&a.uses));
    stats
}

/// How many times a practice (anything but free writing and quiz results) was
/// saved in each of the last `weeks` seven-day windows ending at `now`,
/// oldest first. A window holds times after its start up to and including its
/// end; entries after `now` are not counted.
pub fn practice_per_week(journal: &Journal, now: f64, weeks: usize) -> Vec<usize> {
    let mut counts = vec![0; weeks];
    for e in journal.entries() {
        if matches!(e.kind, EntryKind::Free | EntryKind::Quiz) || e.created > now {
            continue;
        }
        // 0 for the newest window.
        let back = ((now - e.created) / WEEK_MS).floor();
        if back < weeks as f64 {
            counts[weeks - 1 - back as usize] += 1;
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::QuizResult;
    use crate::journal::{Intensity, JournalEntry};
    use crate::quiz::{DimensionScore, Focus, Scores};

    fn check(ratings: Vec<u8>) -> SelfCheck {
        SelfCheck {
            id: "s1".into(),
            taken_at: 10.0,
            ratings,
        }
    }

    #[test]
    fn a_self_check_has_fifteen_ratings_of_zero_to_four() {
        let full = check(vec![4; SIGN_COUNT]);
        assert_eq!(full.score(), 60);
        assert_eq!(SelfCheck::max_score(), 60);
        assert_eq!(check(vec![0; SIGN_COUNT]).score(), 0);
        let json = serde_json::to_string(&full).unwrap();
        assert_eq!(serde_json::from_str::<SelfCheck>(&json).unwrap(), full);
        let err = |c: SelfCheck| SelfCheck::from_value(&serde_json::to_value(&c).unwrap());
        assert_eq!(err(check(vec![2; 14])).unwrap_err().path, "ratings");
        let mut five = vec![1; SIGN_COUNT];
        five[6] = 5;
        assert_eq!(err(check(five)).unwrap_err().path, "ratings[6]");
        assert!(serde_json::from_str::<SelfCheck>(r#"{"id":"s","taken_at":1}"#).is_err());
        assert!(serde_json::from_str::<SelfCheck>("3").is_err());
    }

    #[test]
    fn the_self_check_is_due_monthly() {
        assert!(self_check_due(None, 0.0));
        assert!(!self_check_due(Some(0.0), 29.0 * DAY_MS));
        assert!(self_check_due(Some(0.0), 30.0 * DAY_MS));
        assert!(self_check_due(Some(DAY_MS), 40.0 * DAY_MS));
    }

    #[test]
    fn the_plan_ticks_and_unticks_its_five_steps() {
        let mut plan = StarterPlan::default();
        plan.toggle(0);
        plan.toggle(3);
        plan.toggle(9);
        assert_eq!(plan.progress(), (2, 5));
        assert!(plan.is_done(3) && !plan.is_done(9));
        plan.toggle(3);
        assert!(!plan.is_done(3));
        let json = serde_json::to_string(&plan).unwrap();
        assert_eq!(json, r#"{"done":[0]}"#);
        assert_eq!(serde_json::from_str::<StarterPlan>(&json).unwrap(), plan);
        assert!(serde_json::from_str::<StarterPlan>(r#"{"done":[5]}"#).is_err());
        let other = StarterPlan {
            done: [4].into_iter().collect(),
            ..StarterPlan::default()
        };
        assert_eq!(plan.merged(&other).progress(), (2, 5));
    }

    fn quiz(id: &str, at: f64, anxiety: u8, avoidance: u8) -> QuizResult {
        QuizResult {
            id: id.into(),
            focus: Focus::General,
            taken_at: at,
            scores: Scores {
                anxiety: DimensionScore::from_tenths(anxiety).unwrap(),
                avoidance: DimensionScore::from_tenths(avoidance).unwrap(),
            },
            answers: BTreeMap::new(),
            answered: 36,
            of: 36,
            bank: 2,
        }
    }

    #[test]
    fn nothing_done_means_no_step_is_done() {
        let status = plan_status(
            &History::default(),
            &Journal::new(),
            &StarterPlan::default(),
        );
        assert_eq!(status.progress(), (0, 5));
        assert!((0..5).all(|s| status.get(s).is_none() && status.can_toggle(s)));
        assert!(!status.can_toggle(5));
    }

    #[test]
    fn a_quiz_result_ticks_the_quiz_step_with_the_latest_date() {
        let history = History::new(vec![quiz("a", 10.0, 20, 20), quiz("b", 30.0, 60, 20)]);
        let status = plan_status(&history, &Journal::new(), &StarterPlan::default());
        assert_eq!(
            status.get(StarterPlan::QUIZ),
            Some(StepDone::TookQuiz { at: 30.0 })
        );
        assert_eq!(status.progress(), (1, 5));
        // A quiz's note in the journal is not an entry written by hand.
        let journal = Journal::from_entries(vec![used("q", 30.0, EntryKind::Quiz, None)]);
        assert_eq!(
            plan_status(&history, &journal, &StarterPlan::default()).progress(),
            (1, 5)
        );
    }

    #[test]
    fn the_style_page_counts_for_the_latest_results_style_only() {
        let mut plan = StarterPlan::default();
        assert!(plan.record_style_page(Region::Anxious, 40.0));
        assert!(
            !plan.record_style_page(Region::Anxious, 50.0),
            "the first time is kept"
        );
        assert_eq!(plan.style_pages_read["anxious"], 40.0);
        let anxious = History::new(vec![quiz("a", 30.0, 60, 20)]);
        assert_eq!(
            plan_status(&anxious, &Journal::new(), &plan).get(StarterPlan::STYLE_PAGE),
            Some(StepDone::ReadStylePage {
                region: Region::Anxious,
                at: 40.0
            })
        );
        // A retake that lands elsewhere asks for that style's page.
        let moved = History::new(vec![quiz("a", 30.0, 60, 20), quiz("b", 60.0, 20, 60)]);
        assert_eq!(
            plan_status(&moved, &Journal::new(), &plan).get(StarterPlan::STYLE_PAGE),
            None
        );
        // Without a result there is no style to have read.
        assert_eq!(
            plan_status(&History::default(), &Journal::new(), &plan).get(StarterPlan::STYLE_PAGE),
            None
        );
        let json = serde_json::to_string(&plan).unwrap();
        assert_eq!(json, r#"{"done":[],"style_pages_read":{"anxious":40.0}}"#);
        assert_eq!(serde_json::from_str::<StarterPlan>(&json).unwrap(), plan);
        assert!(serde_json::from_str::<StarterPlan>(r#"{"style_pages_read":{"cats":1}}"#).is_err());
        assert!(
            serde_json::from_str::<StarterPlan>(r#"{"style_pages_read":{"secure":-1}}"#).is_err()
        );
        let mut other = StarterPlan::default();
        other.record_style_page(Region::Anxious, 20.0);
        other.record_style_page(Region::Secure, 70.0);
        let merged = plan.merged(&other);
        assert_eq!(merged.style_pages_read["anxious"], 20.0);
        assert_eq!(merged.style_pages_read["secure"], 70.0);
    }

    #[test]
    fn a_settling_tool_ticks_the_settle_step_and_other_tools_do_not() {
        let plan = StarterPlan::default();
        let history = History::default();
        let speaking = Journal::from_entries(vec![
            used("i", 5.0, EntryKind::IStatement, None),
            used("r", 6.0, EntryKind::Repair, None),
        ]);
        assert_eq!(
            plan_status(&history, &speaking, &plan).get(StarterPlan::SETTLE),
            None
        );
        let mut journal = Journal::from_entries(vec![
            used("b", 5.0, EntryKind::Breathing, None),
            used("a", 9.0, EntryKind::Activated, None),
            used("i", 12.0, EntryKind::IStatement, None),
        ]);
        assert_eq!(
            plan_status(&history, &journal, &plan).get(StarterPlan::SETTLE),
            Some(StepDone::UsedTool {
                kind: EntryKind::Activated,
                at: 9.0
            })
        );
        // A deleted use no longer counts.
        journal.delete("a", 20.0);
        journal.delete("b", 20.0);
        assert_eq!(
            plan_status(&history, &journal, &plan).get(StarterPlan::SETTLE),
            None
        );
    }

    #[test]
    fn a_free_entry_ticks_the_note_step() {
        let journal = Journal::from_entries(vec![
            used("f", 5.0, EntryKind::Free, None),
            used("g", 8.0, EntryKind::Free, None),
        ]);
        let status = plan_status(&History::default(), &journal, &StarterPlan::default());
        assert_eq!(
            status.get(StarterPlan::NOTE),
            Some(StepDone::WroteEntry { at: 8.0 })
        );
        assert!(!status.can_toggle(StarterPlan::NOTE));
    }

    #[test]
    fn a_tick_by_hand_still_works_and_an_automatic_step_cannot_be_unticked() {
        let mut plan = StarterPlan::default();
        plan.toggle(StarterPlan::SPEAK_UP);
        plan.toggle(StarterPlan::QUIZ);
        let none = History::default();
        let status = plan_status(&none, &Journal::new(), &plan);
        assert_eq!(status.get(StarterPlan::SPEAK_UP), Some(StepDone::ByHand));
        assert_eq!(status.get(StarterPlan::QUIZ), Some(StepDone::ByHand));
        assert!(status.can_toggle(StarterPlan::SPEAK_UP));
        assert_eq!(status.progress(), (2, 5));
        // Once a result exists the quiz step says why, and is not the tick's
        // to undo; both counted once.
        let took = History::new(vec![quiz("a", 30.0, 20, 20)]);
        let status = plan_status(&took, &Journal::new(), &plan);
        assert_eq!(
            status.get(StarterPlan::QUIZ),
            Some(StepDone::TookQuiz { at: 30.0 })
        );
        assert!(status.get(StarterPlan::QUIZ).unwrap().is_automatic());
        assert!(!status.can_toggle(StarterPlan::QUIZ));
        assert_eq!(status.progress(), (2, 5));
        // If the result is deleted, the tick by hand is still there.
        assert_eq!(
            plan_status(&none, &Journal::new(), &plan).get(StarterPlan::QUIZ),
            Some(StepDone::ByHand)
        );
        // Unticking by hand works as before.
        plan.toggle(StarterPlan::SPEAK_UP);
        assert_eq!(
            plan_status(&took, &Journal::new(), &plan).get(StarterPlan::SPEAK_UP),
            None
        );
    }

    fn used(id: &str, created: f64, kind: EntryKind, change: Option<(u8, u8)>) -> JournalEntry {
        let mut e = JournalEntry::new(id, kind, created);
        if let Some((before, after)) = change {
            e.intensity_before = Intensity::new(before);
            e.intensity_after = Intensity::new(after);
        }
        e
    }

    #[test]
    fn what_helps_averages_the_change_over_rated_uses() {
        let mut j = Journal::from_entries(vec![
            used("a", 1.0, EntryKind::Breathing, Some((8, 4))),
            used("b", 2.0, EntryKind::Breathing, Some((6, 4))),
            used("c", 3.0, EntryKind::Breathing, None),
            used("d", 4.0, EntryKind::Urge, Some((3, 5))),
            used("e", 5.0, EntryKind::Free, Some((9, 1))),
            used("f", 6.0, EntryKind::SelfCheck, None),
            used("g", 7.0, EntryKind::Quiz, None),
            used("h", 8.0, EntryKind::Repair, None),
            used("i", 9.0, EntryKind::Repair, None),
        ]);
        j.delete("i", 10.0);
        let stats = what_helps(&j);
        assert_eq!(
            stats,
            vec![
                ToolStat {
                    kind: EntryKind::Breathing,
                    uses: 3,
                    rated_uses: 2,
                    average_change: Some(-3.0),
                },
                ToolStat {
                    kind: EntryKind::Urge,
                    uses: 1,
                    rated_uses: 1,
                    average_change: Some(2.0),
                },
                ToolStat {
                    kind: EntryKind::Repair,
                    uses: 1,
                    rated_uses: 0,
                    average_change: None,
                },
            ]
        );
        assert!(what_helps(&Journal::new()).is_empty());
    }

    #[test]
    fn practice_is_counted_per_week_oldest_first() {
        let now = 100.0 * WEEK_MS;
        let j = Journal::from_entries(vec![
            used("now", now, EntryKind::Urge, None),
            used("just-in", now - WEEK_MS + 1.0, EntryKind::Repair, None),
            used("edge", now - WEEK_MS, EntryKind::Repair, None),
            used("two-ago", now - 2.5 * WEEK_MS, EntryKind::SelfCheck, None),
            used("too-old", now - 3.0 * WEEK_MS - 1.0, EntryKind::Urge, None),
            used("future", now + 1.0, EntryKind::Urge, None),
            used("free", now - 1.0, EntryKind::Free, None),
            used("quiz", now - 1.0, EntryKind::Quiz, None),
        ]);
        assert_eq!(practice_per_week(&j, now, 3), vec![1, 1, 2]);
        assert_eq!(practice_per_week(&j, now, 1), vec![2]);
        assert_eq!(practice_per_week(&j, now, 0), Vec::<usize>::new());
        assert_eq!(practice_per_week(&j, now, 4), vec![1, 1, 1, 2]);
    }
}
