//! Completed quizzes over time: the trajectory a retake adds to.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::quiz::{Answer, Dimension, Focus, Region, ScoreChange, Scores};

/// One completed quiz, as saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuizResult {
    /// Random, made at the edge; used in the result's address.
    pub id: String,
    pub focus: Focus,
    /// Milliseconds since the Unix epoch.
    pub taken_at: f64,
    pub scores: Scores,
    /// The answers behind the scores, kept so a result can be explained and,
    /// if the bank ever changes, re-scored.
    pub answers: BTreeMap<String, Answer>,
    /// How many statements were answered, of how many.
    pub answered: u16,
    pub of: u16,
    /// The version of the item bank the answers were given to
    /// (`content/quiz/items.toml`). Results saved before the version was
    /// stored answered the first bank. The stored scores are kept as they
    /// were: answers are never re-scored against another bank's wording.
    #[serde(default = "first_bank")]
    pub bank: u32,
}

/// The bank every result saved without a version was taken with.
pub const FIRST_BANK: u32 = 1;

fn first_bank() -> u32 {
    FIRST_BANK
}

impl QuizResult {
    pub fn region(&self) -> Region {
        self.scores.region()
    }

    /// Whether the result came from a set of statements other than `current`,
    /// so its statement ids (and its twins) are not this bank's.
    pub fn from_another_bank(&self, current: u32) -> bool {
        self.bank != current
    }
}

/// How the scores moved between two results of the same focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Movement {
    pub anxiety: ScoreChange,
    pub avoidance: ScoreChange,
}

impl Movement {
    pub fn between(earlier: &QuizResult, later: &QuizResult) -> Movement {
        Movement {
            anxiety: later.scores.anxiety.change_since(earlier.scores.anxiety),
            avoidance: later
                .scores
                .avoidance
                .change_since(earlier.scores.avoidance),
        }
    }

    pub fn get(self, dimension: Dimension) -> ScoreChange {
        match dimension {
            Dimension::Anxiety => self.anxiety,
            Dimension::Avoidance => self.avoidance,
        }
    }
}

/// Every saved result, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct History(Vec<QuizResult>);

impl<'de> Deserialize<'de> for History {
    /// Sorted on the way in, so a hand-edited or merged list is still a
    /// trajectory.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<History, D::Error> {
        Vec::<QuizResult>::deserialize(d).map(History::new)
    }
}

impl History {
    pub fn new(mut results: Vec<QuizResult>) -> History {
        super::sort::sort_by(&mut results, |a, b| a.taken_at.total_cmp(&b.taken_at));
        History(results)
    }

    pub fn all(&self) -> &[QuizResult] {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn add(&mut self, result: QuizResult) {
        let at = self.0.partition_point(|r| r.taken_at <= result.taken_at);
        self.0.insert(at, result);
    }

    pub fn get(&self, id: &str) -> Option<&QuizResult> {
        self.0.iter().find(|r| r.id == id)
    }

    pub fn latest(&self) -> Option<&QuizResult> {
        self.0.last()
    }

    /// The results of one focus, oldest first: one trajectory.
    pub fn of_focus(&self, focus: Focus) -> Vec<&QuizResult> {
        self.0.iter().filter(|r| r.focus == focus).collect()
    }

    /// The foci that have at least one result, in a fixed order.
    pub fn foci(&self) -> Vec<Focus> {
        Focus::ALL
            .into_iter()
            .filter(|f| self.0.iter().any(|r| r.focus == *f))
            .collect()
    }

    /// The results of the same focus up to and including `id`: the trail
    /// that led to it.
    pub fn trail_to(&self, id: &str) -> Vec<&QuizResult> {
        let Some(target) = self.get(id) else {
            return Vec::new();
        };
        self.of_focus(target.focus)
            .into_iter()
            .filter(|r| r.taken_at <= target.taken_at)
            .collect()
    }

    /// Change since the first result and since the one before, for `id`.
    pub fn changes_for(&self, id: &str) -> (Option<Movement>, Option<Movement>) {
        let trail = self.trail_to(id);
        match trail.as_slice() {
            [first, .., previous, last] => (
                Some(Movement::between(first, last)),
                Some(Movement::between(previous, last)),
            ),
            [first, last] => {
                let m = Movement::between(first, last);
                (Some(m), Some(m))
            }
            _ => (None, None),
        }
    }

    /// Takes a result out, returning it with its place so it can be put back.
    pub fn remove(&mut self, id: &str) -> Option<(usize, QuizResult)> {
        let at = self.0.iter().position(|r| r.id == id)?;
        Some((at, self.0.remove(at)))
    }

    /// Undoes [`History::remove`]. Uses the time order, so it is right even if
    /// another result arrived in between.
    pub fn restore(&mut self, result: QuizResult) {
        if self.get(&result.id).is_none() {
            self.add(result);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::DimensionScore;

    fn result(id: &str, focus: Focus, at: f64, anx: u8, avo: u8) -> QuizResult {
        QuizResult {
            id: id.into(),
            focus,
            taken_at: at,
            scores: Scores {
                anxiety: DimensionScore::from_tenths(anx).unwrap(),
                avoidance: DimensionScore::from_tenths(avo).unwrap(),
            },
            answers: BTreeMap::new(),
            answered: 36,
            of: 36,
            bank: 2,
        }
    }

    fn sample() -> History {
        History::new(vec![
            result("c", Focus::General, 3.0, 40, 30),
            result("a", Focus::General, 1.0, 55, 30),
            result("p", Focus::Partner, 2.0, 20, 60),
            result("b", Focus::General, 2.0, 48, 32),
        ])
    }

    #[test]
    fn results_are_kept_in_time_order_and_split_by_focus() {
        let h = sample();
        let ids: Vec<&str> = h.all().iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["a", "p", "b", "c"]);
        let general: Vec<&str> = h
            .of_focus(Focus::General)
            .iter()
            .map(|r| r.id.as_str())
            .collect();
        assert_eq!(general, ["a", "b", "c"]);
        assert_eq!(h.foci(), vec![Focus::General, Focus::Partner]);
        assert_eq!(h.latest().map(|r| r.id.as_str()), Some("c"));
    }

    #[test]
    fn the_trail_stops_at_the_result_and_keeps_to_its_focus() {
        let h = sample();
        let trail: Vec<&str> = h.trail_to("b").iter().map(|r| r.id.as_str()).collect();
        assert_eq!(trail, ["a", "b"]);
        assert_eq!(h.trail_to("p").len(), 1);
        assert!(h.trail_to("zzz").is_empty());
    }

    #[test]
    fn changes_since_first_and_since_last() {
        let h = sample();
        let (first, last) = h.changes_for("c");
        assert_eq!(first.unwrap().anxiety, ScoreChange(-15));
        assert_eq!(last.unwrap().anxiety, ScoreChange(-8));
        assert_eq!(last.unwrap().avoidance, ScoreChange(-2));
        assert_eq!(h.changes_for("p"), (None, None));
    }

    #[test]
    fn a_removed_result_can_be_put_back_in_its_place() {
        let mut h = sample();
        let before = h.clone();
        let (_, removed) = h.remove("b").unwrap();
        assert_eq!(h.all().len(), 3);
        h.add(result("d", Focus::General, 9.0, 30, 30));
        h.restore(removed.clone());
        assert_eq!(h.all()[2], removed);
        h.restore(removed);
        assert_eq!(
            h.all().len(),
            before.all().len() + 1,
            "restoring twice adds once"
        );
    }

    #[test]
    fn a_result_saved_before_bank_versions_is_from_the_first_bank() {
        // Exactly what the first release stored: no `bank` field.
        let old = r#"[{"id":"r1","focus":"partner","taken_at":1,"scores":{"anxiety":52,"avoidance":28},"answers":{"anx-01":6},"answered":36,"of":36}]"#;
        let h: History = serde_json::from_str(old).unwrap();
        let r = &h.all()[0];
        assert_eq!(r.bank, FIRST_BANK);
        assert!(r.from_another_bank(2));
        assert_eq!(r.scores.anxiety.tenths(), 52, "the stored score is kept");
        // A result of the current bank keeps its version through a round trip.
        let json = serde_json::to_string(&sample()).unwrap();
        assert!(json.contains("\"bank\":2"));
        assert!(!serde_json::from_str::<History>(&json).unwrap().all()[0].from_another_bank(2));
    }

    #[test]
    fn history_round_trips_as_a_plain_list() {
        let h = sample();
        let json = serde_json::to_string(&h).unwrap();
        assert!(json.starts_with("[{"));
        assert_eq!(serde_json::from_str::<History>(&json).unwrap(), h);
        assert!(
            serde_json::from_str::<History>(&json.replace("\"anxiety\":55", "\"anxiety\":75"))
                .is_err()
        );
    }
}
