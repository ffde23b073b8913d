//! Progress: the monthly self-check, the starter plan, and what the journal
//! shows about which tools help.
//!
//! The words of the self-check's signs live in `content/`; here they are only
//! counted, so the rules can be tested without them.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::journal::{EntryKind, FieldError, Journal, check_id, check_time, describe};
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

/// The first steps for someone new, ticked off as they go.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "StarterPlanUnchecked")]
pub struct StarterPlan {
    /// The numbers of the steps done, each below [`StarterPlan::STEPS`].
    pub done: BTreeSet<u8>,
}

#[derive(Deserialize)]
struct StarterPlanUnchecked {
    #[serde(default)]
    done: BTreeSet<u8>,
}

impl TryFrom<StarterPlanUnchecked> for StarterPlan {
    type Error = String;
    fn try_from(raw: StarterPlanUnchecked) -> Result<StarterPlan, String> {
        match raw.done.iter().find(|s| **s >= StarterPlan::STEPS) {
            Some(step) => Err(format!(
                "the plan has steps 0 to {}, not {step}",
                StarterPlan::STEPS - 1
            )),
            None => Ok(StarterPlan { done: raw.done }),
        }
    }
}

impl StarterPlan {
    pub const STEPS: u8 = 5;

    /// Ticks a step, or unticks it. A step outside the plan is ignored.
    pub fn toggle(&mut self, step: u8) {
        if step < Self::STEPS && !self.done.remove(&step) {
            self.done.insert(step);
        }
    }

    pub fn is_done(&self, step: u8) -> bool {
        self.done.contains(&step)
    }

    /// (steps done, steps in all).
    pub fn progress(&self) -> (usize, usize) {
        (self.done.len(), usize::from(Self::STEPS))
    }

    /// Steps done here or there: a step ticked on either side stays ticked.
    pub fn merged(&self, other: &StarterPlan) -> StarterPlan {
        StarterPlan {
            done: self.done.union(&other.done).copied().collect(),
        }
    }
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
    use crate::domain::journal::{Intensity, JournalEntry};

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
        };
        assert_eq!(plan.merged(&other).progress(), (2, 5));
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
