//! The attachment quiz: statements, answers, the run in progress, and scoring.
//!
//! Scores follow the research convention (see ../shared/FACTS.md): answers are
//! 1-7, a reverse-keyed statement scores 8 - x, and each dimension is the mean
//! of its answered statements. A score is kept in tenths, the precision we show,
//! so the number on screen and the region it falls in can never disagree.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

/// The two research dimensions of adult attachment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Dimension {
    /// Worry about rejection and abandonment; the need for reassurance.
    Anxiety,
    /// Discomfort with closeness and with depending on others.
    Avoidance,
}

impl Dimension {
    pub const ALL: [Dimension; 2] = [Dimension::Anxiety, Dimension::Avoidance];

    pub fn name(self) -> &'static str {
        match self {
            Dimension::Anxiety => "Anxiety",
            Dimension::Avoidance => "Avoidance",
        }
    }
}

/// One statement of the bank, compiled from `content/quiz/items.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    pub id: &'static str,
    pub dimension: Dimension,
    /// Agreeing means more security, so the answer scores 8 - x.
    pub reversed: bool,
    /// Holds one `{person}`, filled in from the chosen [`Focus`].
    pub text: &'static str,
}

impl Item {
    /// The statement as the person reads it for this focus.
    pub fn statement(&self, focus: Focus) -> String {
        self.text.replace("{person}", focus.person())
    }

    /// What this answer contributes to the item's dimension, 1-7.
    pub fn keyed(&self, answer: Answer) -> u8 {
        if self.reversed {
            8 - answer.value()
        } else {
            answer.value()
        }
    }
}

/// A point on the 7-point agreement scale: 1 (strongly disagree) to 7
/// (strongly agree). No other value can exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Answer(u8);

impl Answer {
    pub const MIN: u8 = 1;
    pub const MAX: u8 = 7;

    pub fn new(value: u8) -> Option<Answer> {
        (Self::MIN..=Self::MAX)
            .contains(&value)
            .then_some(Answer(value))
    }

    pub fn value(self) -> u8 {
        self.0
    }

    /// The mirror answer around the middle of the scale (1 ↔ 7, 4 ↔ 4).
    pub fn mirrored(self) -> Answer {
        Answer(8 - self.0)
    }

    /// Every point of the scale, 1 to 7.
    pub fn all() -> impl Iterator<Item = Answer> {
        (Self::MIN..=Self::MAX).map(Answer)
    }
}

impl TryFrom<u8> for Answer {
    type Error = String;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Answer::new(value).ok_or_else(|| format!("an answer is 1 to 7, not {value}"))
    }
}

impl From<Answer> for u8 {
    fn from(a: Answer) -> u8 {
        a.0
    }
}

/// Which relationship the statements are answered about. Attachment can differ
/// from one relationship to another, so each focus keeps its own history.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Focus {
    #[default]
    General,
    Partner,
    Parent,
    Friend,
}

impl Focus {
    pub const ALL: [Focus; 4] = [Focus::General, Focus::Partner, Focus::Parent, Focus::Friend];

    /// How the choice reads in a list.
    pub fn label(self) -> &'static str {
        match self {
            Focus::General => "Relationships in general",
            Focus::Partner => "A partner",
            Focus::Parent => "A parent",
            Focus::Friend => "A close friend",
        }
    }

    /// The words that stand in for `{person}` in a statement.
    pub fn person(self) -> &'static str {
        match self {
            Focus::General => "people I'm close to",
            Focus::Partner => "my partner",
            Focus::Parent => "my parent",
            Focus::Friend => "my close friend",
        }
    }

    /// Short form for headings and history ("in general", "with a partner").
    pub fn short(self) -> &'static str {
        match self {
            Focus::General => "in general",
            Focus::Partner => "with a partner",
            Focus::Parent => "with a parent",
            Focus::Friend => "with a close friend",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Focus::General => "general",
            Focus::Partner => "partner",
            Focus::Parent => "parent",
            Focus::Friend => "friend",
        }
    }

    pub fn parse(key: &str) -> Option<Focus> {
        Focus::ALL.into_iter().find(|f| f.key() == key)
    }
}

/// A quiz being taken: saved after every answer so a reload resumes it.
/// Answers are kept by statement id, so an edit to the bank cannot shift them
/// onto the wrong statements.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuizProgress {
    pub focus: Focus,
    pub answers: BTreeMap<String, Answer>,
    /// Index of the statement on screen; `items.len()` means "past the last".
    pub position: usize,
}

impl QuizProgress {
    pub fn new(focus: Focus) -> QuizProgress {
        QuizProgress {
            focus,
            answers: BTreeMap::new(),
            position: 0,
        }
    }

    /// Records an answer to the statement on screen and moves on to the
    /// next statement still without an answer (or past the end). Someone who
    /// went back to change one answer lands where they left off.
    pub fn answer_current(&mut self, items: &[Item], answer: Answer) {
        if let Some(item) = items.get(self.position) {
            self.answers.insert(item.id.to_string(), answer);
            self.position = items
                .iter()
                .enumerate()
                .skip(self.position + 1)
                .find(|(_, i)| !self.answers.contains_key(i.id))
                .map_or(items.len(), |(n, _)| n);
        }
    }

    /// Records an answer without moving (choosing with the arrow keys).
    pub fn choose_current(&mut self, items: &[Item], answer: Answer) {
        if let Some(item) = items.get(self.position) {
            self.answers.insert(item.id.to_string(), answer);
        }
    }

    pub fn current_answer(&self, items: &[Item]) -> Option<Answer> {
        items
            .get(self.position)
            .and_then(|i| self.answers.get(i.id))
            .copied()
    }

    /// Moves on without answering; skipped statements are listed before scoring.
    pub fn next(&mut self, items: &[Item]) {
        self.position = (self.position + 1).min(items.len());
    }

    pub fn back(&mut self) {
        self.position = self.position.saturating_sub(1);
    }

    pub fn go_to(&mut self, items: &[Item], position: usize) {
        self.position = position.min(items.len());
    }

    pub fn is_past_the_end(&self, items: &[Item]) -> bool {
        self.position >= items.len()
    }

    /// How many statements of this bank have an answer.
    pub fn answered(&self, items: &[Item]) -> usize {
        items
            .iter()
            .filter(|i| self.answers.contains_key(i.id))
            .count()
    }

    /// Positions of the statements left without an answer, in order.
    pub fn skipped(&self, items: &[Item]) -> Vec<usize> {
        items
            .iter()
            .enumerate()
            .filter(|(_, i)| !self.answers.contains_key(i.id))
            .map(|(n, _)| n)
            .collect()
    }

    /// A stored run whose position is beyond this bank (the bank shrank) is
    /// brought back into range rather than rejected.
    pub fn clamped(mut self, items: &[Item]) -> QuizProgress {
        self.position = self.position.min(items.len());
        self
    }
}

/// A dimension score from 1.0 to 7.0, held in tenths (10..=70): the one
/// decimal we show is the whole value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct DimensionScore(u8);

/// The middle of the scale, in tenths: the line between low and high.
const MIDPOINT: i32 = 40;
/// "Near the boundary": within this many tenths of the midpoint.
const NEAR: i32 = 5;

impl DimensionScore {
    pub fn from_tenths(tenths: u8) -> Option<DimensionScore> {
        (10..=70)
            .contains(&tenths)
            .then_some(DimensionScore(tenths))
    }

    /// The mean of `count` keyed answers that add up to `sum`, rounded to a
    /// tenth, halves to even. Rounding halves to even keeps scores mirror
    /// images: answering 8 - x everywhere gives exactly 8 - score.
    fn mean(sum: u32, count: u32) -> Option<DimensionScore> {
        if count == 0 {
            return None;
        }
        let (whole, rest) = ((sum * 10) / count, (sum * 10) % count);
        let tenths = match (rest * 2).cmp(&count) {
            std::cmp::Ordering::Less => whole,
            std::cmp::Ordering::Greater => whole + 1,
            std::cmp::Ordering::Equal => whole + whole % 2,
        };
        u8::try_from(tenths)
            .ok()
            .and_then(DimensionScore::from_tenths)
    }

    pub fn tenths(self) -> u8 {
        self.0
    }

    pub fn value(self) -> f64 {
        f64::from(self.0) / 10.0
    }

    /// At or above the midpoint of 4.
    pub fn is_high(self) -> bool {
        i32::from(self.0) >= MIDPOINT
    }

    /// Within 0.5 of the midpoint, where the label is least certain.
    pub fn is_near_midpoint(self) -> bool {
        (i32::from(self.0) - MIDPOINT).abs() <= NEAR
    }

    /// The change from `earlier` to `self`, in tenths.
    pub fn change_since(self, earlier: DimensionScore) -> ScoreChange {
        ScoreChange(i16::from(self.0) - i16::from(earlier.0))
    }
}

impl fmt::Display for DimensionScore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.0 / 10, self.0 % 10)
    }
}

impl TryFrom<u8> for DimensionScore {
    type Error = String;
    fn try_from(tenths: u8) -> Result<Self, Self::Error> {
        DimensionScore::from_tenths(tenths)
            .ok_or_else(|| format!("a score is 10 to 70 tenths, not {tenths}"))
    }
}

impl From<DimensionScore> for u8 {
    fn from(s: DimensionScore) -> u8 {
        s.0
    }
}

/// A difference between two scores, in tenths; negative means lower.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScoreChange(pub i16);

impl ScoreChange {
    /// "+0.4", "-1.2", "no change".
    pub fn signed(self) -> String {
        match self.0 {
            0 => "no change".into(),
            n => format!(
                "{}{}.{}",
                if n > 0 { "+" } else { "\u{2212}" },
                n.abs() / 10,
                n.abs() % 10
            ),
        }
    }
}

/// The two scores of one completed quiz.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scores {
    pub anxiety: DimensionScore,
    pub avoidance: DimensionScore,
}

impl Scores {
    pub fn get(self, dimension: Dimension) -> DimensionScore {
        match dimension {
            Dimension::Anxiety => self.anxiety,
            Dimension::Avoidance => self.avoidance,
        }
    }

    pub fn region(self) -> Region {
        Region::from_highs(self.anxiety.is_high(), self.avoidance.is_high())
    }

    /// The regions just across a nearby boundary, nearest first.
    pub fn nearby_regions(self) -> Vec<Region> {
        let (anx, avo) = (self.anxiety.is_high(), self.avoidance.is_high());
        let mut near = Vec::new();
        if self.anxiety.is_near_midpoint() {
            near.push(Region::from_highs(!anx, avo));
        }
        if self.avoidance.is_near_midpoint() {
            near.push(Region::from_highs(anx, !avo));
        }
        if near.len() == 2 {
            near.push(Region::from_highs(!anx, !avo));
        }
        near
    }

    pub fn is_near_boundary(self) -> bool {
        self.anxiety.is_near_midpoint() || self.avoidance.is_near_midpoint()
    }
}

/// Why a run cannot be scored yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooFewAnswers {
    pub dimension: Dimension,
    pub answered: usize,
    pub needed: usize,
}

/// At least half of each dimension's statements must be answered: a mean of
/// two or three answers says more about those statements than about a person.
pub fn answers_needed(items: &[Item], dimension: Dimension) -> usize {
    items
        .iter()
        .filter(|i| i.dimension == dimension)
        .count()
        .div_ceil(2)
        .max(1)
}

/// Scores the answered statements of `items`.
pub fn score(items: &[Item], answers: &BTreeMap<String, Answer>) -> Result<Scores, TooFewAnswers> {
    let dimension_score = |dimension: Dimension| {
        let keyed: Vec<u32> = items
            .iter()
            .filter(|i| i.dimension == dimension)
            .filter_map(|i| answers.get(i.id).map(|a| u32::from(i.keyed(*a))))
            .collect();
        let needed = answers_needed(items, dimension);
        if keyed.len() < needed {
            return Err(TooFewAnswers {
                dimension,
                answered: keyed.len(),
                needed,
            });
        }
        let count = u32::try_from(keyed.len()).unwrap_or(u32::MAX);
        DimensionScore::mean(keyed.iter().sum(), count).ok_or(TooFewAnswers {
            dimension,
            answered: 0,
            needed,
        })
    };
    Ok(Scores {
        anxiety: dimension_score(Dimension::Anxiety)?,
        avoidance: dimension_score(Dimension::Avoidance)?,
    })
}

/// The four attachment styles, as regions of the anxiety/avoidance plane cut
/// at the midpoint. The label is approximate: attachment is dimensional.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Region {
    Secure,
    Anxious,
    Avoidant,
    Fearful,
}

impl Region {
    pub const ALL: [Region; 4] = [
        Region::Secure,
        Region::Anxious,
        Region::Avoidant,
        Region::Fearful,
    ];

    fn from_highs(anxiety_high: bool, avoidance_high: bool) -> Region {
        match (anxiety_high, avoidance_high) {
            (false, false) => Region::Secure,
            (true, false) => Region::Anxious,
            (false, true) => Region::Avoidant,
            (true, true) => Region::Fearful,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Region::Secure => "Secure",
            Region::Anxious => "Anxious",
            Region::Avoidant => "Avoidant",
            Region::Fearful => "Fearful-avoidant",
        }
    }

    /// The style tag articles use for this region (`content/` front matter).
    pub fn tag(self) -> &'static str {
        match self {
            Region::Secure => "secure",
            Region::Anxious => "anxious",
            Region::Avoidant => "avoidant",
            Region::Fearful => "fearful",
        }
    }

    /// Position in [`Region::ALL`] (and in the compiled result wording).
    pub fn index(self) -> usize {
        self as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A small bank shaped like the real one: alternating dimensions, every
    /// third statement reverse-keyed.
    const BANK: &[Item] = &[
        Item {
            id: "a1",
            dimension: Dimension::Anxiety,
            reversed: false,
            text: "A1 {person}",
        },
        Item {
            id: "v1",
            dimension: Dimension::Avoidance,
            reversed: false,
            text: "V1 {person}",
        },
        Item {
            id: "a2",
            dimension: Dimension::Anxiety,
            reversed: false,
            text: "A2 {person}",
        },
        Item {
            id: "v2",
            dimension: Dimension::Avoidance,
            reversed: false,
            text: "V2 {person}",
        },
        Item {
            id: "a3",
            dimension: Dimension::Anxiety,
            reversed: true,
            text: "A3 {person}",
        },
        Item {
            id: "v3",
            dimension: Dimension::Avoidance,
            reversed: true,
            text: "V3 {person}",
        },
    ];

    fn answers(values: &[u8]) -> BTreeMap<String, Answer> {
        BANK.iter()
            .zip(values)
            .filter_map(|(i, v)| Answer::new(*v).map(|a| (i.id.to_string(), a)))
            .collect()
    }

    fn tenths(s: DimensionScore) -> u8 {
        s.tenths()
    }

    #[test]
    fn answers_outside_one_to_seven_cannot_exist() {
        assert_eq!(Answer::new(0), None);
        assert_eq!(Answer::new(8), None);
        assert_eq!(Answer::new(7).map(Answer::value), Some(7));
        assert!(serde_json::from_str::<Answer>("9").is_err());
        assert_eq!(serde_json::from_str::<Answer>("3").unwrap().value(), 3);
    }

    #[test]
    fn reverse_keyed_statements_score_eight_minus_the_answer() {
        // Anxiety: 7, 7 and a reversed 1 (scores 7): mean 7.0.
        // Avoidance: 1, 1 and a reversed 7 (scores 1): mean 1.0.
        let s = score(BANK, &answers(&[7, 1, 7, 1, 1, 7])).unwrap();
        assert_eq!(
            (s.anxiety.to_string(), s.avoidance.to_string()),
            ("7.0".into(), "1.0".into())
        );
        assert_eq!(s.region(), Region::Anxious);
    }

    #[test]
    fn a_score_is_the_mean_rounded_to_one_decimal() {
        // Anxiety 5, 6, reversed 4 (scores 4): 15 / 3 = 5.0.
        // Avoidance 2, 3, reversed 5 (scores 3): 8 / 3 = 2.67 -> 2.7.
        let s = score(BANK, &answers(&[5, 2, 6, 3, 4, 5])).unwrap();
        assert_eq!(tenths(s.anxiety), 50);
        assert_eq!(tenths(s.avoidance), 27);
        assert_eq!(s.avoidance.to_string(), "2.7");
    }

    #[test]
    fn skipped_statements_are_left_out_of_the_mean() {
        let mut a = answers(&[6, 2, 4, 2, 0, 0]);
        a.remove("a3");
        // Anxiety 6 and 4 of the two answered: 5.0. Avoidance 2, 2: 2.0.
        let s = score(BANK, &a).unwrap();
        assert_eq!((tenths(s.anxiety), tenths(s.avoidance)), (50, 20));
    }

    #[test]
    fn scoring_needs_half_of_each_dimension() {
        let a = answers(&[6, 2, 0, 0, 0, 0]);
        // One anxiety answer of three: needs two.
        assert_eq!(
            score(BANK, &a),
            Err(TooFewAnswers {
                dimension: Dimension::Anxiety,
                answered: 1,
                needed: 2
            })
        );
    }

    #[test]
    fn halves_round_to_even_tenths() {
        // 4.25 and 4.35 are not possible with 3 items, so test the rounding directly.
        assert_eq!(DimensionScore::mean(17, 4).map(tenths), Some(42)); // 4.25 -> 4.2
        assert_eq!(DimensionScore::mean(87, 20).map(tenths), Some(44)); // 4.35 -> 4.4
        assert_eq!(DimensionScore::mean(0, 0), None);
    }

    #[test]
    fn regions_are_cut_at_the_midpoint_of_four() {
        let at = |anx: u8, avo: u8| Scores {
            anxiety: DimensionScore::from_tenths(anx).unwrap(),
            avoidance: DimensionScore::from_tenths(avo).unwrap(),
        };
        assert_eq!(at(39, 39).region(), Region::Secure);
        assert_eq!(at(40, 39).region(), Region::Anxious);
        assert_eq!(at(39, 40).region(), Region::Avoidant);
        assert_eq!(at(40, 40).region(), Region::Fearful);
    }

    #[test]
    fn near_the_boundary_means_within_half_a_point() {
        let s = |t: u8| DimensionScore::from_tenths(t).unwrap();
        assert!(s(35).is_near_midpoint());
        assert!(s(45).is_near_midpoint());
        assert!(!s(34).is_near_midpoint());
        assert!(!s(46).is_near_midpoint());
        let scores = Scores {
            anxiety: s(43),
            avoidance: s(20),
        };
        assert!(scores.is_near_boundary());
        assert_eq!(scores.region(), Region::Anxious);
        assert_eq!(scores.nearby_regions(), vec![Region::Secure]);
        let both = Scores {
            anxiety: s(38),
            avoidance: s(42),
        };
        assert_eq!(
            both.nearby_regions(),
            vec![Region::Fearful, Region::Secure, Region::Anxious]
        );
    }

    #[test]
    fn changes_read_with_a_sign() {
        let s = |t: u8| DimensionScore::from_tenths(t).unwrap();
        assert_eq!(s(42).change_since(s(50)).signed(), "\u{2212}0.8");
        assert_eq!(s(50).change_since(s(42)).signed(), "+0.8");
        assert_eq!(s(50).change_since(s(50)).signed(), "no change");
    }

    #[test]
    fn progress_moves_saves_and_lists_skips() {
        let mut p = QuizProgress::new(Focus::Partner);
        p.answer_current(BANK, Answer::new(5).unwrap());
        p.next(BANK); // skip v1
        p.answer_current(BANK, Answer::new(3).unwrap());
        assert_eq!(p.position, 3);
        p.back();
        assert_eq!(p.current_answer(BANK), Answer::new(3));
        p.go_to(BANK, 99);
        assert!(p.is_past_the_end(BANK));
        assert_eq!(p.skipped(BANK), vec![1, 3, 4, 5]);
        assert_eq!(p.answered(BANK), 2);
        // Answering past the end changes nothing.
        p.answer_current(BANK, Answer::new(1).unwrap());
        assert_eq!(p.answered(BANK), 2);
    }

    #[test]
    fn changing_an_earlier_answer_returns_to_the_first_unanswered_statement() {
        let mut p = QuizProgress::new(Focus::General);
        for _ in 0..4 {
            p.answer_current(BANK, Answer::new(4).unwrap());
        }
        p.go_to(BANK, 1);
        p.answer_current(BANK, Answer::new(2).unwrap());
        assert_eq!(p.position, 4, "back to where they left off");
        // The skipped second statement of a finished run: answering it ends the run.
        let mut done = QuizProgress::new(Focus::General);
        done.answer_current(BANK, Answer::new(4).unwrap());
        done.next(BANK);
        for _ in 2..BANK.len() {
            done.answer_current(BANK, Answer::new(4).unwrap());
        }
        done.go_to(BANK, 1);
        done.answer_current(BANK, Answer::new(4).unwrap());
        assert!(done.is_past_the_end(BANK));
    }

    #[test]
    fn progress_survives_a_round_trip_and_rejects_bad_answers() {
        let mut p = QuizProgress::new(Focus::Friend);
        p.answer_current(BANK, Answer::new(6).unwrap());
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(serde_json::from_str::<QuizProgress>(&json).unwrap(), p);
        let bad = json.replace(":6", ":9");
        assert!(serde_json::from_str::<QuizProgress>(&bad).is_err());
    }

    #[test]
    fn statements_name_the_chosen_relationship() {
        assert_eq!(BANK[0].statement(Focus::Parent), "A1 my parent");
        assert_eq!(Focus::parse("friend"), Some(Focus::Friend));
        assert_eq!(Focus::parse("boss"), None);
    }

    fn any_answers() -> impl Strategy<Value = Vec<Option<u8>>> {
        proptest::collection::vec(proptest::option::weighted(0.8, 1u8..=7), BANK.len())
    }

    fn to_map(values: &[Option<u8>]) -> BTreeMap<String, Answer> {
        BANK.iter()
            .zip(values)
            .filter_map(|(i, v)| v.and_then(Answer::new).map(|a| (i.id.to_string(), a)))
            .collect()
    }

    proptest! {
        #[test]
        fn scores_stay_between_one_and_seven(values in any_answers()) {
            if let Ok(s) = score(BANK, &to_map(&values)) {
                for d in Dimension::ALL {
                    prop_assert!((1.0..=7.0).contains(&s.get(d).value()));
                }
            }
        }

        #[test]
        fn mirrored_answers_mirror_each_score_around_four(values in any_answers()) {
            let answers = to_map(&values);
            let mirrored: BTreeMap<String, Answer> =
                answers.iter().map(|(k, a)| (k.clone(), a.mirrored())).collect();
            match (score(BANK, &answers), score(BANK, &mirrored)) {
                (Ok(s), Ok(m)) => {
                    for d in Dimension::ALL {
                        prop_assert_eq!(u16::from(s.get(d).tenths()) + u16::from(m.get(d).tenths()), 80);
                    }
                }
                (Err(a), Err(b)) => prop_assert_eq!(a, b),
                (a, b) => prop_assert!(false, "{:?} vs {:?}", a, b),
            }
        }

        #[test]
        fn agreeing_more_never_lowers_a_plain_statement_or_raises_a_reversed_one(
            values in any_answers(),
            which in 0..BANK.len(),
        ) {
            let item = BANK[which];
            let mut low = values.clone();
            let mut high = values;
            low[which] = Some(1);
            high[which] = Some(7);
            if let (Ok(l), Ok(h)) = (score(BANK, &to_map(&low)), score(BANK, &to_map(&high))) {
                let (l, h) = (l.get(item.dimension), h.get(item.dimension));
                if item.reversed { prop_assert!(h <= l) } else { prop_assert!(h >= l) }
                prop_assert!(h != l, "one answer of three moves the mean");
            }
        }
    }
}
