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

/// The part of a dimension a statement covers. The bank has at least two
/// statements for each (checked at build time), so no facet rests on one
/// wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Facet {
    /// Anxiety: fear of being left.
    Abandonment,
    /// Anxiety: sensitivity to being turned away.
    Rejection,
    /// Anxiety: the need to hear that things are okay.
    Reassurance,
    /// Anxiety: the relationship filling one's thoughts.
    Preoccupation,
    /// Anxiety: wanting more closeness than the other person does.
    MoreCloseness,
    /// Avoidance: discomfort with closeness itself.
    Closeness,
    /// Avoidance: discomfort with depending on others.
    Depending,
    /// Avoidance: discomfort with being depended on.
    DependedOn,
    /// Avoidance: discomfort with opening up.
    OpeningUp,
    /// Avoidance: doing everything oneself, as a rule.
    SelfReliance,
}

impl Facet {
    pub fn dimension(self) -> Dimension {
        match self {
            Facet::Abandonment
            | Facet::Rejection
            | Facet::Reassurance
            | Facet::Preoccupation
            | Facet::MoreCloseness => Dimension::Anxiety,
            Facet::Closeness
            | Facet::Depending
            | Facet::DependedOn
            | Facet::OpeningUp
            | Facet::SelfReliance => Dimension::Avoidance,
        }
    }
}

/// One statement of the bank, compiled from `content/quiz/items.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    pub id: &'static str,
    pub dimension: Dimension,
    pub facet: Facet,
    /// Agreeing means more security, so the answer scores 8 - x.
    pub reversed: bool,
    /// For a reverse-keyed statement, the id of the forward statement on the
    /// same facet that says the opposite (checked at build time).
    pub twin: Option<&'static str>,
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
            // Singular, like the other three, so every statement reads the
            // same way for each focus (checked for all four in content.rs).
            Focus::General => "someone I'm close to",
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
pub struct QuizInProgress {
    pub focus: Focus,
    pub answers: BTreeMap<String, Answer>,
    /// Index of the statement on screen; `items.len()` means "past the last".
    pub position: usize,
}

impl QuizInProgress {
    pub fn new(focus: Focus) -> QuizInProgress {
        QuizInProgress {
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

    /// How many stored answers belong to statements this bank no longer has
    /// (a run begun before the statements were rewritten). Those answers are
    /// never scored against new wording, and the person is told why their
    /// run starts again.
    pub fn answers_from_another_bank(&self, items: &[Item]) -> usize {
        self.answers
            .keys()
            .filter(|id| !items.iter().any(|i| i.id == id.as_str()))
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
    pub fn clamped(mut self, items: &[Item]) -> QuizInProgress {
        self.position = self.position.min(items.len());
        self
    }
}

/// What the quiz's plain page holds when the app arrives: the relationship
/// chosen, the answers ticked and the statement stepped to. A slow phone's
/// reader may answer there before the app has loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct GivenOnThePage {
    pub focus: Focus,
    /// By statement id; ids this bank does not have are ignored.
    pub answers: BTreeMap<String, Answer>,
    /// The statement on screen (`items.len()` is the end), or `None` on the
    /// intro.
    pub position: Option<usize>,
}

/// What taking in the plain page's answers does to the quiz in progress.
#[derive(Debug, Clone, PartialEq)]
pub enum TakenIn {
    /// Nothing was given: the stored run (or none) stays as it is.
    Unchanged,
    /// The run to continue: the stored one with the page's answers on top,
    /// or a new one.
    Continue(QuizInProgress),
    /// The page's answers are about another relationship than the stored
    /// run, which had answers of its own: the page's answers are the run now
    /// (they are what was just given), and `earlier` is offered back.
    Replace {
        run: QuizInProgress,
        earlier: QuizInProgress,
    },
}

impl GivenOnThePage {
    pub fn taken_into(self, items: &[Item], stored: Option<&QuizInProgress>) -> TakenIn {
        let GivenOnThePage {
            focus,
            answers,
            position,
        } = self;
        // Inserted one by one: `retain` (removal) or `collect` (a sort) would
        // bring a BTreeMap's rebalancing or a sort into the app's entry.
        let mut known = BTreeMap::new();
        for (id, answer) in answers {
            if items.iter().any(|i| i.id == id.as_str()) {
                known.insert(id, answer);
            }
        }
        let answers = known;
        if answers.is_empty() && position.is_none() {
            return TakenIn::Unchanged;
        }
        let position = position.map(|p| p.min(items.len()));
        let fresh = |answers: BTreeMap<String, Answer>| {
            let mut run = QuizInProgress {
                focus,
                answers,
                position: 0,
            };
            run.position = position.unwrap_or_else(|| run.first_unanswered(items));
            run
        };
        match stored {
            None => TakenIn::Continue(fresh(answers)),
            Some(stored) if stored.focus == focus || stored.answered(items) == 0 => {
                let mut run = stored.clone();
                run.focus = focus;
                for (id, answer) in answers {
                    run.answers.insert(id, answer);
                }
                if let Some(position) = position {
                    run.position = position;
                }
                TakenIn::Continue(run)
            }
            // Only stepped, about another relationship: the stored run's
            // answers matter more than a default left on the page.
            Some(_) if answers.is_empty() => TakenIn::Unchanged,
            Some(stored) => TakenIn::Replace {
                run: fresh(answers),
                earlier: stored.clone(),
            },
        }
    }
}

impl QuizInProgress {
    fn first_unanswered(&self, items: &[Item]) -> usize {
        items
            .iter()
            .position(|i| !self.answers.contains_key(i.id))
            .unwrap_or(items.len())
    }
}

/// A dimension score from 1.0 to 7.0, held in tenths (10..=70): the one
/// decimal we show is the whole value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct DimensionScore(u8);

/// The middle of the scale, in tenths: the line between low and high. It is
/// the scale's own midpoint ("neither agree nor disagree"), a convention, not
/// a norm measured in any population.
const MIDPOINT: i32 = 40;
/// "In the middle" (and near the boundary): within half a point of the
/// midpoint, where an answer or two given differently would put the score on
/// the other side.
const NEAR: i32 = 5;

/// How a dimension's score reads: each has its own wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Below 3.5.
    Low,
    /// 3.5 to 4.5: in the middle, neither low nor high.
    Middle,
    /// Above 4.5.
    High,
}

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

    /// Above the midpoint of 4. A score of exactly 4.0 ("neither agree nor
    /// disagree", on average) is not high: the region it is counted in is
    /// said on screen ([`Scores::on_the_line`]), never decided silently.
    pub fn is_high(self) -> bool {
        i32::from(self.0) > MIDPOINT
    }

    /// Exactly on the line at 4.0: equally close to both sides.
    pub fn is_on_the_line(self) -> bool {
        i32::from(self.0) == MIDPOINT
    }

    /// Which wording the score gets: low, in the middle, or high.
    pub fn level(self) -> Level {
        if self.is_near_midpoint() {
            Level::Middle
        } else if self.is_high() {
            Level::High
        } else {
            Level::Low
        }
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

/// A change smaller than this (in tenths) reads as "about the same": one
/// point on the 1-7 scale. It is a reliable-change threshold (Jacobson and
/// Truax, 1991): a change counts only when it is larger than 1.96 times the
/// spread that measurement error alone gives the difference of two retakes,
/// `1.96 × SD × √(2 × (1 − r))`. Steady's own bank has no measured
/// reliability, so the figures are borrowed from the ECR-R it is modelled on,
/// and hedged:
/// - r: Sibley, Fischer and Liu (2005) found 85% shared variance over three
///   weeks (Sibley and Liu, 2004: 86% over six), a latent r of about .92: an
///   upper bound, since observed retest correlations are lower and our own
///   unmeasured bank is unlikely to be more reliable.
/// - RC ÷ SD is then 0.77 at r = .92, 0.88 at r = .90 and 1.07 at r = .85.
/// - SD: no published ECR-R means or SDs were checked (../shared/FACTS.md);
///   a spread between people of about one point is typical of such 1-7
///   scales, which puts RC near 0.8-1.1 points.
///
/// One point is the middle of that range, rounded to a step people can read:
/// a floor, not a precise figure (with lower reliability the true threshold
/// is larger). Replace it when Steady's own bank has retest data. Less than
/// this is as likely the wobble of answering on another day as a change in
/// the person.
pub const MEANINGFUL_CHANGE: i16 = 10;

impl ScoreChange {
    /// Smaller than [`MEANINGFUL_CHANGE`]: as likely noise as a real change.
    pub fn is_about_the_same(self) -> bool {
        self.0.abs() < MEANINGFUL_CHANGE
    }

    /// The threshold in points, as the app shows it: "1.0".
    pub fn threshold() -> String {
        ScoreChange(MEANINGFUL_CHANGE)
            .signed()
            .trim_start_matches('+')
            .to_string()
    }

    /// "+1.2", or "+0.8 (about the same)" for a change inside the band.
    pub fn described(self) -> String {
        if self.0 != 0 && self.is_about_the_same() {
            format!("{} (about the same)", self.signed())
        } else {
            self.signed()
        }
    }

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

    /// The dimensions whose score is exactly 4.0. [`Scores::region`] counts
    /// such a score as not high; the regions it is equally close to are
    /// [`Scores::equally_close`], and every page that names a style says so.
    pub fn on_the_line(self) -> Vec<Dimension> {
        Dimension::ALL
            .into_iter()
            .filter(|d| self.get(*d).is_on_the_line())
            .collect()
    }

    /// The regions this point is closest to: one, or two or four on a tie,
    /// the counted region first.
    pub fn equally_close(self) -> Vec<Region> {
        let (anx, avo) = (self.anxiety.is_high(), self.avoidance.is_high());
        let mut regions = vec![self.region()];
        let (anx_tie, avo_tie) = (
            self.anxiety.is_on_the_line(),
            self.avoidance.is_on_the_line(),
        );
        if anx_tie {
            regions.push(Region::from_highs(!anx, avo));
        }
        if avo_tie {
            regions.push(Region::from_highs(anx, !avo));
        }
        if anx_tie && avo_tie {
            regions.push(Region::from_highs(!anx, !avo));
        }
        regions
    }
}

/// At least this share of the answered statements with one answer is
/// straight-lining: 9 in 10. The statements pull in opposite directions (a
/// third are reverse-keyed), so someone reading each one rarely gives the
/// same answer to nearly all of them; 9 in 10 still allows a few statements
/// that truly got the same answer to be outnumbered.
const SAME_ANSWER_SHARE: (usize, usize) = (9, 10);
/// Straight-lining is only judged on this many answers or more.
const SAME_ANSWER_MIN: usize = 10;
/// Twin pairs answered on the same side of the scale that flag a
/// contradiction: at least 4, and at least a third of the pairs answered.
/// One to three can be honest (two statements about different moments); a
/// random answer puts a pair on the same side with chance 18/49, so random
/// answering flags about 7 runs in 10 with 12 pairs, and agreeing with
/// everything flags every run.
const CONTRADICTIONS_MIN: usize = 4;
const CONTRADICTIONS_SHARE: (usize, usize) = (1, 3);

/// One answer given to nearly every statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SameAnswer {
    pub answer: Answer,
    pub count: usize,
    pub answered: usize,
}

/// A reverse-keyed statement and its forward twin, answered on the same side
/// of the scale although they say opposite things.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Contradiction {
    pub forward: Item,
    pub forward_answer: Answer,
    pub reversed: Item,
    pub reversed_answer: Answer,
}

/// Signs that the answers may not reflect the person: straight-lining and
/// contradictory twins. It never changes a score; the result shows it beside
/// the scores.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AnswerCheck {
    pub same_answer: Option<SameAnswer>,
    /// Every twin pair answered on the same side, in bank order.
    pub contradictions: Vec<Contradiction>,
    /// Twin pairs with both statements answered.
    pub pairs_answered: usize,
}

impl AnswerCheck {
    /// Checks `answers` against the twins of `items`. Straight-lining is
    /// judged on every stored answer, so it works for a result of an earlier
    /// bank too; twins only for statements of `items`.
    pub fn of(items: &[Item], answers: &BTreeMap<String, Answer>) -> AnswerCheck {
        let answered = answers.len();
        let same_answer = Answer::all()
            .map(|a| (a, answers.values().filter(|v| **v == a).count()))
            .max_by_key(|(_, n)| *n)
            .filter(|(_, n)| {
                answered >= SAME_ANSWER_MIN
                    && n * SAME_ANSWER_SHARE.1 >= answered * SAME_ANSWER_SHARE.0
            })
            .map(|(answer, count)| SameAnswer {
                answer,
                count,
                answered,
            });
        let mut check = AnswerCheck {
            same_answer,
            ..AnswerCheck::default()
        };
        for reversed in items.iter().filter(|i| i.reversed) {
            let Some(forward) = reversed
                .twin
                .and_then(|id| items.iter().find(|i| i.id == id))
            else {
                continue;
            };
            let (Some(r), Some(f)) = (answers.get(reversed.id), answers.get(forward.id)) else {
                continue;
            };
            check.pairs_answered += 1;
            if r.side() != Side::Neither && r.side() == f.side() {
                check.contradictions.push(Contradiction {
                    forward: *forward,
                    forward_answer: *f,
                    reversed: *reversed,
                    reversed_answer: *r,
                });
            }
        }
        check
    }

    /// Several twins contradict each other (see [`CONTRADICTIONS_MIN`]).
    pub fn contradicts(&self) -> bool {
        let n = self.contradictions.len();
        n >= CONTRADICTIONS_MIN
            && n * CONTRADICTIONS_SHARE.1 >= self.pairs_answered * CONTRADICTIONS_SHARE.0
    }

    /// Whether the result should say its answers may not reflect the person.
    pub fn may_not_reflect(&self) -> bool {
        self.same_answer.is_some() || self.contradicts()
    }
}

/// A statement with the answer the person gave it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rated {
    pub item: Item,
    pub answer: Answer,
}

/// The statements a person answered most and least securely: the report's
/// strengths and growth edges start from these, so they describe this person
/// rather than anyone with the same label.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OwnAnswers {
    pub most_secure: Vec<Rated>,
    pub least_secure: Vec<Rated>,
}

impl OwnAnswers {
    /// Up to `n` of each, one per facet so they are not one worry said
    /// `n` ways. Only answers clearly on one side count: a keyed score of 3
    /// or less is secure, 5 or more insecure; a "neither" is neither. Ties
    /// keep the order of the bank.
    pub fn of(items: &[Item], answers: &BTreeMap<String, Answer>, n: usize) -> OwnAnswers {
        let rated: Vec<(usize, Rated, u8)> = items
            .iter()
            .enumerate()
            .filter_map(|(at, item)| {
                answers.get(item.id).map(|a| {
                    (
                        at,
                        Rated {
                            item: *item,
                            answer: *a,
                        },
                        item.keyed(*a),
                    )
                })
            })
            .collect();
        let mut secure: Vec<&(usize, Rated, u8)> = rated.iter().filter(|r| r.2 <= 3).collect();
        super::sort::sort_by(&mut secure, |a, b| a.2.cmp(&b.2));
        let mut insecure: Vec<&(usize, Rated, u8)> = rated.iter().filter(|r| r.2 >= 5).collect();
        super::sort::sort_by(&mut insecure, |a, b| b.2.cmp(&a.2));
        OwnAnswers {
            most_secure: strongest(secure, n),
            least_secure: strongest(insecure, n),
        }
    }
}

/// From answers sorted strongest first (ties in bank order): the first `n`
/// of different facets, shown in bank order.
fn strongest(sorted: Vec<&(usize, Rated, u8)>, n: usize) -> Vec<Rated> {
    let mut chosen: Vec<&(usize, Rated, u8)> = Vec::new();
    for r in sorted {
        if chosen.len() < n && chosen.iter().all(|c| c.1.item.facet != r.1.item.facet) {
            chosen.push(r);
        }
    }
    super::sort::sort_by(&mut chosen, |a, b| a.0.cmp(&b.0));
    chosen.into_iter().map(|r| r.1).collect()
}

/// Which side of the scale an answer is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Disagree,
    Neither,
    Agree,
}

impl Answer {
    fn side(self) -> Side {
        match self.0 {
            1..=3 => Side::Disagree,
            4 => Side::Neither,
            _ => Side::Agree,
        }
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
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A small bank shaped like the real one: alternating dimensions, every
    /// third statement reverse-keyed.
    pub(crate) const BANK: &[Item] = &[
        Item {
            id: "a1",
            dimension: Dimension::Anxiety,
            facet: Facet::Abandonment,
            reversed: false,
            twin: None,
            text: "A1 {person}",
        },
        Item {
            id: "v1",
            dimension: Dimension::Avoidance,
            facet: Facet::Closeness,
            reversed: false,
            twin: None,
            text: "V1 {person}",
        },
        Item {
            id: "a2",
            dimension: Dimension::Anxiety,
            facet: Facet::Rejection,
            reversed: false,
            twin: None,
            text: "A2 {person}",
        },
        Item {
            id: "v2",
            dimension: Dimension::Avoidance,
            facet: Facet::Depending,
            reversed: false,
            twin: None,
            text: "V2 {person}",
        },
        Item {
            id: "a3",
            dimension: Dimension::Anxiety,
            facet: Facet::Abandonment,
            reversed: true,
            twin: Some("a1"),
            text: "A3 {person}",
        },
        Item {
            id: "v3",
            dimension: Dimension::Avoidance,
            facet: Facet::Closeness,
            reversed: true,
            twin: Some("v1"),
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
        assert_eq!(at(41, 39).region(), Region::Anxious);
        assert_eq!(at(39, 41).region(), Region::Avoidant);
        assert_eq!(at(41, 41).region(), Region::Fearful);
    }

    fn at(anx: u8, avo: u8) -> Scores {
        Scores {
            anxiety: DimensionScore::from_tenths(anx).unwrap(),
            avoidance: DimensionScore::from_tenths(avo).unwrap(),
        }
    }

    #[test]
    fn a_tie_on_the_line_is_counted_low_and_named_with_the_other_side() {
        // Exactly 4.0 is not "high": an average of "neither agree nor
        // disagree" is not an alarm.
        assert_eq!(at(40, 20).region(), Region::Secure);
        assert_eq!(at(40, 20).on_the_line(), vec![Dimension::Anxiety]);
        assert_eq!(
            at(40, 20).equally_close(),
            vec![Region::Secure, Region::Anxious]
        );
        assert_eq!(
            at(60, 40).equally_close(),
            vec![Region::Anxious, Region::Fearful]
        );
        // The centre: all four equally close, none decided silently.
        assert_eq!(
            at(40, 40).equally_close(),
            vec![
                Region::Secure,
                Region::Anxious,
                Region::Avoidant,
                Region::Fearful
            ]
        );
        assert_eq!(at(41, 39).equally_close(), vec![Region::Anxious]);
        assert!(at(41, 39).on_the_line().is_empty());
    }

    #[test]
    fn the_middle_band_is_three_and_a_half_to_four_and_a_half() {
        let s = |t: u8| DimensionScore::from_tenths(t).unwrap().level();
        assert_eq!(s(34), Level::Low);
        assert_eq!(s(35), Level::Middle);
        assert_eq!(s(40), Level::Middle);
        assert_eq!(s(45), Level::Middle);
        assert_eq!(s(46), Level::High);
        assert_eq!(s(10), Level::Low);
        assert_eq!(s(70), Level::High);
    }

    #[test]
    fn a_change_under_one_point_is_about_the_same() {
        let s = |t: u8| DimensionScore::from_tenths(t).unwrap();
        assert!(s(49).change_since(s(40)).is_about_the_same());
        assert!(s(31).change_since(s(40)).is_about_the_same());
        assert!(!s(50).change_since(s(40)).is_about_the_same());
        assert!(!s(30).change_since(s(40)).is_about_the_same());
        assert_eq!(
            s(48).change_since(s(40)).described(),
            "+0.8 (about the same)"
        );
        assert_eq!(s(30).change_since(s(40)).described(), "\u{2212}1.0");
        assert_eq!(ScoreChange::threshold(), "1.0");
        assert_eq!(s(40).change_since(s(40)).described(), "no change");
    }

    /// A bank of six twin pairs on one facet, for the answer check.
    const PAIRS: &[Item] = &{
        const fn item(id: &'static str, twin: Option<&'static str>) -> Item {
            Item {
                id,
                dimension: Dimension::Anxiety,
                facet: Facet::Abandonment,
                reversed: twin.is_some(),
                twin,
                text: "{person}",
            }
        }
        [
            item("f1", None),
            item("r1", Some("f1")),
            item("f2", None),
            item("r2", Some("f2")),
            item("f3", None),
            item("r3", Some("f3")),
            item("f4", None),
            item("r4", Some("f4")),
            item("f5", None),
            item("r5", Some("f5")),
            item("f6", None),
            item("r6", Some("f6")),
        ]
    };

    fn pair_answers(values: &[u8]) -> BTreeMap<String, Answer> {
        PAIRS
            .iter()
            .zip(values)
            .map(|(i, v)| (i.id.to_string(), Answer::new(*v).unwrap()))
            .collect()
    }

    #[test]
    fn the_same_answer_on_nine_in_ten_statements_is_straight_lining() {
        let all_four = pair_answers(&[4; 12]);
        let check = AnswerCheck::of(PAIRS, &all_four);
        assert_eq!(
            check.same_answer,
            Some(SameAnswer {
                answer: Answer::new(4).unwrap(),
                count: 12,
                answered: 12
            })
        );
        assert!(check.may_not_reflect());
        // All 4s put no pair on one side: the middle is no contradiction.
        assert!(check.contradictions.is_empty());
        // 11 of 12 is 92%: still flagged. 10 of 12 is 83%: not.
        let mut a = [4; 12];
        a[0] = 2;
        assert!(
            AnswerCheck::of(PAIRS, &pair_answers(&a))
                .same_answer
                .is_some()
        );
        a[1] = 6;
        assert!(
            AnswerCheck::of(PAIRS, &pair_answers(&a))
                .same_answer
                .is_none()
        );
        // Too few answers to judge.
        let few: BTreeMap<String, Answer> = pair_answers(&[6; 12]).into_iter().take(9).collect();
        assert!(AnswerCheck::of(PAIRS, &few).same_answer.is_none());
    }

    #[test]
    fn several_twins_on_the_same_side_are_a_contradiction() {
        // Consistent: each forward agreed, its reversed twin disagreed.
        let consistent = pair_answers(&[6, 2, 5, 3, 7, 1, 6, 2, 5, 2, 6, 3]);
        let check = AnswerCheck::of(PAIRS, &consistent);
        assert_eq!((check.pairs_answered, check.contradictions.len()), (6, 0));
        assert!(!check.may_not_reflect());
        // Agreeing with both halves of two pairs: a third of six, but fewer than 4.
        let two = pair_answers(&[6, 6, 5, 5, 7, 1, 6, 2, 5, 2, 6, 3]);
        let check = AnswerCheck::of(PAIRS, &two);
        assert_eq!(check.contradictions.len(), 2);
        assert!(!check.contradicts());
        // Four pairs on the same side (both agreed or both disagreed).
        let four = pair_answers(&[6, 6, 5, 5, 2, 1, 3, 3, 5, 2, 6, 3]);
        let check = AnswerCheck::of(PAIRS, &four);
        assert_eq!(check.contradictions.len(), 4);
        assert!(check.contradicts() && check.may_not_reflect());
        assert_eq!(check.contradictions[0].forward.id, "f1");
        assert_eq!(check.contradictions[0].reversed.id, "r1");
        assert_eq!(check.contradictions[2].forward_answer.value(), 2);
        // A neutral answer on one side of a pair is never a contradiction.
        let neutral = pair_answers(&[4, 6, 4, 5, 2, 4, 4, 3, 5, 2, 6, 3]);
        assert!(AnswerCheck::of(PAIRS, &neutral).contradictions.is_empty());
    }

    #[test]
    fn a_pair_with_a_skipped_statement_is_not_counted() {
        let mut a = pair_answers(&[6, 6, 5, 5, 2, 1, 3, 3, 5, 2, 6, 3]);
        a.remove("r1");
        a.remove("f2");
        let check = AnswerCheck::of(PAIRS, &a);
        assert_eq!((check.pairs_answered, check.contradictions.len()), (4, 2));
        assert!(!check.contradicts());
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
        let mut p = QuizInProgress::new(Focus::Partner);
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
    fn answers_to_statements_no_longer_in_the_bank_are_counted_not_scored() {
        let mut p = QuizInProgress::new(Focus::General);
        p.answer_current(BANK, Answer::new(5).unwrap());
        assert_eq!(p.answers_from_another_bank(BANK), 0);
        p.answers.insert("anx-01".into(), Answer::new(6).unwrap());
        p.answers.insert("avo-07".into(), Answer::new(2).unwrap());
        assert_eq!(p.answers_from_another_bank(BANK), 2);
        assert_eq!(p.answered(BANK), 1, "only this bank's answers count");
    }

    #[test]
    fn changing_an_earlier_answer_returns_to_the_first_unanswered_statement() {
        let mut p = QuizInProgress::new(Focus::General);
        for _ in 0..4 {
            p.answer_current(BANK, Answer::new(4).unwrap());
        }
        p.go_to(BANK, 1);
        p.answer_current(BANK, Answer::new(2).unwrap());
        assert_eq!(p.position, 4, "back to where they left off");
        // The skipped second statement of a finished run: answering it ends the run.
        let mut done = QuizInProgress::new(Focus::General);
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
        let mut p = QuizInProgress::new(Focus::Friend);
        p.answer_current(BANK, Answer::new(6).unwrap());
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(serde_json::from_str::<QuizInProgress>(&json).unwrap(), p);
        let bad = json.replace(":6", ":9");
        assert!(serde_json::from_str::<QuizInProgress>(&bad).is_err());
    }

    fn given(focus: Focus, answers: &[(&str, u8)], position: Option<usize>) -> GivenOnThePage {
        GivenOnThePage {
            focus,
            answers: answers
                .iter()
                .map(|(id, a)| (id.to_string(), Answer::new(*a).unwrap()))
                .collect(),
            position,
        }
    }

    #[test]
    fn the_plain_pages_answers_start_a_run_where_the_reader_is() {
        let taken =
            given(Focus::Partner, &[("a1", 6), ("gone", 2)], Some(1)).taken_into(BANK, None);
        let TakenIn::Continue(run) = taken else {
            panic!("{taken:?}")
        };
        assert_eq!(run.focus, Focus::Partner);
        assert_eq!(run.position, 1);
        // An id the bank does not have is not carried in.
        assert_eq!(run.answers.len(), 1);
        assert_eq!(run.current_answer(BANK), None);
        // Answers ticked on the intro (a restored form) continue at the first gap.
        let taken = given(Focus::General, &[("a1", 3)], None).taken_into(BANK, None);
        assert!(matches!(
            taken,
            TakenIn::Continue(QuizInProgress { position: 1, .. })
        ));
        // Nothing given changes nothing.
        let stored = QuizInProgress::new(Focus::Parent);
        assert_eq!(
            given(Focus::General, &[], None).taken_into(BANK, Some(&stored)),
            TakenIn::Unchanged
        );
    }

    #[test]
    fn the_plain_pages_answers_join_a_stored_run_about_the_same_person() {
        let mut stored = QuizInProgress::new(Focus::Partner);
        stored.answer_current(BANK, Answer::new(2).unwrap());
        stored.answer_current(BANK, Answer::new(3).unwrap());
        let taken = given(Focus::Partner, &[("a1", 7), ("a2", 1)], Some(BANK.len()))
            .taken_into(BANK, Some(&stored));
        let TakenIn::Continue(run) = taken else {
            panic!("{taken:?}")
        };
        assert_eq!(run.answers["a1"].value(), 7, "what was just given wins");
        assert_eq!(run.answers["v1"].value(), 3);
        assert_eq!(run.answers["a2"].value(), 1);
        assert!(run.is_past_the_end(BANK));
    }

    #[test]
    fn answers_about_another_person_replace_the_stored_run_and_offer_it_back() {
        let mut stored = QuizInProgress::new(Focus::Partner);
        stored.answer_current(BANK, Answer::new(2).unwrap());
        // Only stepping, with the page's default choice: the stored run stays.
        assert_eq!(
            given(Focus::General, &[], Some(3)).taken_into(BANK, Some(&stored)),
            TakenIn::Unchanged
        );
        let taken = given(Focus::Parent, &[("v1", 5)], Some(2)).taken_into(BANK, Some(&stored));
        let TakenIn::Replace { run, earlier } = taken else {
            panic!("{taken:?}")
        };
        assert_eq!(
            (run.focus, run.answered(BANK), run.position),
            (Focus::Parent, 1, 2)
        );
        assert_eq!(earlier, stored);
        // A stored run without answers is simply continued with the new choice.
        let empty = QuizInProgress::new(Focus::Partner);
        let taken = given(Focus::Friend, &[("v1", 5)], Some(2)).taken_into(BANK, Some(&empty));
        assert!(matches!(
            taken,
            TakenIn::Continue(QuizInProgress {
                focus: Focus::Friend,
                ..
            })
        ));
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

    #[test]
    fn own_answers_pick_the_most_and_least_secure_one_per_facet() {
        // Keyed: a1 6, v1 2, a2 7, v2 1, a3 (reversed 1) 7, v3 (reversed 5) 3.
        let own = OwnAnswers::of(BANK, &answers(&[6, 2, 7, 1, 1, 5]), 2);
        let ids = |v: &[Rated]| v.iter().map(|r| r.item.id).collect::<Vec<_>>();
        // Most secure: v2 (1) and v1 (2); v3 (3) shares v1's facet. Bank order.
        assert_eq!(ids(&own.most_secure), ["v1", "v2"]);
        // Least secure: a2 (7) and a3 (7, facet of a1) beat a1 (6), one per facet.
        assert_eq!(ids(&own.least_secure), ["a2", "a3"]);
        assert_eq!(own.least_secure[1].answer.value(), 1);
        // A "neither" is neither: all 4s give nothing to show.
        assert_eq!(
            OwnAnswers::of(BANK, &answers(&[4; 6]), 3),
            OwnAnswers::default()
        );
        // Answers of another bank match nothing.
        let mut other = BTreeMap::new();
        other.insert("anx-01".to_string(), Answer::new(7).unwrap());
        assert_eq!(OwnAnswers::of(BANK, &other, 3), OwnAnswers::default());
    }

    fn any_pair_answers() -> impl Strategy<Value = Vec<Option<u8>>> {
        proptest::collection::vec(proptest::option::weighted(0.9, 1u8..=7), PAIRS.len())
    }

    fn pairs_map(values: &[Option<u8>]) -> BTreeMap<String, Answer> {
        PAIRS
            .iter()
            .zip(values)
            .filter_map(|(i, v)| v.and_then(Answer::new).map(|a| (i.id.to_string(), a)))
            .collect()
    }

    proptest! {
        #[test]
        fn mirroring_every_answer_flags_exactly_the_same(values in any_pair_answers()) {
            let answers = pairs_map(&values);
            let mirrored: BTreeMap<String, Answer> =
                answers.iter().map(|(k, a)| (k.clone(), a.mirrored())).collect();
            let (a, m) = (AnswerCheck::of(PAIRS, &answers), AnswerCheck::of(PAIRS, &mirrored));
            prop_assert_eq!(a.contradictions.len(), m.contradictions.len());
            prop_assert_eq!(a.pairs_answered, m.pairs_answered);
            prop_assert_eq!(a.same_answer.map(|s| s.count), m.same_answer.map(|s| s.count));
        }

        #[test]
        fn one_answer_everywhere_is_always_flagged(value in 1u8..=7) {
            let check = AnswerCheck::of(PAIRS, &pair_answers(&[value; 12]));
            prop_assert!(check.may_not_reflect());
            // Agreeing (or disagreeing) with everything contradicts every pair too.
            prop_assert_eq!(check.contradicts(), value != 4);
        }

        #[test]
        fn answers_that_follow_the_keys_are_never_flagged(forward in proptest::collection::vec(5u8..=7, 6), reversed in proptest::collection::vec(1u8..=3, 6)) {
            // A person who agrees with each forward statement and disagrees with its
            // twin answers consistently, with two different answers at least.
            let values: Vec<u8> = forward.iter().zip(&reversed).flat_map(|(f, r)| [*f, *r]).collect();
            let check = AnswerCheck::of(PAIRS, &pair_answers(&values));
            prop_assert!(check.contradictions.is_empty());
            prop_assert!(!check.may_not_reflect());
        }

        #[test]
        fn mirrored_answers_swap_strengths_and_growth_edges(values in any_answers(), n in 1usize..4) {
            let answers = to_map(&values);
            let mirrored: BTreeMap<String, Answer> =
                answers.iter().map(|(k, a)| (k.clone(), a.mirrored())).collect();
            let (own, mirror) = (OwnAnswers::of(BANK, &answers, n), OwnAnswers::of(BANK, &mirrored, n));
            let ids = |v: &[Rated]| v.iter().map(|r| r.item.id).collect::<Vec<_>>();
            prop_assert_eq!(ids(&own.most_secure), ids(&mirror.least_secure));
            prop_assert_eq!(ids(&own.least_secure), ids(&mirror.most_secure));
            for r in &own.most_secure {
                prop_assert!(r.item.keyed(r.answer) <= 3);
                // Nothing left out on a facet not shown was answered more securely.
                for i in BANK.iter().filter(|i| own.most_secure.iter().all(|c| c.item.facet != i.facet)) {
                    if let Some(a) = answers.get(i.id) {
                        prop_assert!(own.most_secure.len() == n || i.keyed(*a) > 3);
                    }
                }
            }
            prop_assert!(own.most_secure.len() <= n && own.least_secure.len() <= n);
        }

        #[test]
        fn a_tie_is_never_high_and_always_names_both_sides(anx in 10u8..=70, avo in 10u8..=70) {
            let s = at(anx, avo);
            let regions = s.equally_close();
            prop_assert_eq!(regions[0], s.region());
            let ties = s.on_the_line().len();
            prop_assert_eq!(regions.len(), 1 << ties);
            for d in Dimension::ALL {
                if s.get(d).is_on_the_line() {
                    prop_assert!(!s.get(d).is_high());
                    prop_assert_eq!(s.get(d).level(), Level::Middle);
                }
            }
        }

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
