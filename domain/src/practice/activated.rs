//! "I'm activated": five steps in a fixed order, each of which can be done
//! or skipped, and going back is always possible. The run is saved whole.

use crate::journal::Intensity;

/// The steps, in the order they are offered. `content/practice/prompts.toml`
/// must list exactly these ids in this order (checked at build time).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActivatedStep {
    Breathe,
    Name,
    Wait,
    Reframe,
    Choose,
}

impl ActivatedStep {
    pub const ALL: [ActivatedStep; 5] = [
        ActivatedStep::Breathe,
        ActivatedStep::Name,
        ActivatedStep::Wait,
        ActivatedStep::Reframe,
        ActivatedStep::Choose,
    ];

    pub fn id(self) -> &'static str {
        match self {
            ActivatedStep::Breathe => "breathe",
            ActivatedStep::Name => "name",
            ActivatedStep::Wait => "wait",
            ActivatedStep::Reframe => "reframe",
            ActivatedStep::Choose => "choose",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// What happened to a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    NotReached,
    Done,
    Skipped,
}

/// Where a run is: the step shown (or none once past the last) and what
/// happened to each step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivatedRun {
    at: Option<ActivatedStep>,
    outcomes: [Outcome; 5],
}

impl Default for ActivatedRun {
    fn default() -> Self {
        ActivatedRun {
            at: Some(ActivatedStep::Breathe),
            outcomes: [Outcome::NotReached; 5],
        }
    }
}

impl ActivatedRun {
    /// The step on screen; `None` when every step is behind.
    pub fn current(&self) -> Option<ActivatedStep> {
        self.at
    }

    pub fn outcome(&self, step: ActivatedStep) -> Outcome {
        self.outcomes[step.index()]
    }

    fn advance(&mut self, outcome: Outcome) {
        if let Some(step) = self.at {
            self.outcomes[step.index()] = outcome;
            self.at = ActivatedStep::ALL.get(step.index() + 1).copied();
        }
    }

    pub fn done(&mut self) {
        self.advance(Outcome::Done);
    }

    pub fn skip(&mut self) {
        self.advance(Outcome::Skipped);
    }

    /// One step back (from the end, to the last step).
    pub fn back(&mut self) {
        self.at = match self.at {
            None => Some(ActivatedStep::Choose),
            Some(step) => ActivatedStep::ALL
                .get(step.index().wrapping_sub(1))
                .copied()
                .or(Some(step)),
        };
    }

    pub fn is_finished(&self) -> bool {
        self.at.is_none()
    }

    /// "Step 2 of 5".
    pub fn position(&self) -> Option<(usize, usize)> {
        self.at.map(|s| (s.index() + 1, ActivatedStep::ALL.len()))
    }

    /// The run as a tool's draft keeps it: "" at the start, otherwise the
    /// step shown (0 to 4, or 5 once past the last), a colon, and each
    /// step's outcome ("d" done, "s" skipped, "-" not reached): "2:ds---".
    pub fn to_kept(&self) -> String {
        if *self == ActivatedRun::default() {
            return String::new();
        }
        let at = self
            .at
            .map_or(ActivatedStep::ALL.len(), ActivatedStep::index);
        let outcomes: String = self
            .outcomes
            .iter()
            .map(|o| match o {
                Outcome::Done => 'd',
                Outcome::Skipped => 's',
                Outcome::NotReached => '-',
            })
            .collect();
        format!("{at}:{outcomes}")
    }

    /// The run [`ActivatedRun::to_kept`] wrote; anything else (damaged, or
    /// from another version) starts again at the first step.
    pub fn from_kept(kept: &str) -> ActivatedRun {
        let read = || -> Option<ActivatedRun> {
            let (at, outcomes) = kept.split_once(':')?;
            let at: usize = at.parse().ok()?;
            if at > ActivatedStep::ALL.len() || outcomes.chars().count() != 5 {
                return None;
            }
            let mut run = ActivatedRun {
                at: ActivatedStep::ALL.get(at).copied(),
                outcomes: [Outcome::NotReached; 5],
            };
            for (slot, c) in run.outcomes.iter_mut().zip(outcomes.chars()) {
                *slot = match c {
                    'd' => Outcome::Done,
                    's' => Outcome::Skipped,
                    '-' => Outcome::NotReached,
                    _ => return None,
                };
            }
            Some(run)
        };
        read().unwrap_or_default()
    }

    /// How many steps were done rather than skipped.
    pub fn done_count(&self) -> usize {
        self.outcomes
            .iter()
            .filter(|o| **o == Outcome::Done)
            .count()
    }
}

/// How a run ends, read from the ratings before and after. A feeling that
/// is still strong (8 or more of 10), or no lower than it was, is never
/// called a success: the page then points to help instead, with words for a
/// feeling that rose or stays strong, and gentler ones for one that has not
/// moved yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Lower than before, and below [`Ending::STILL_STRONG`].
    Eased { by: u8 },
    /// Rated after without a rating before, and below the strong band.
    Rated,
    /// The same as before, below the strong band.
    Unchanged,
    /// At or above [`Ending::STILL_STRONG`], or higher than before.
    StillHard,
}

impl Ending {
    /// From this rating on, the feeling counts as still strong.
    pub const STILL_STRONG: u8 = 8;

    /// `None` until the after-rating is given.
    pub fn of(before: Option<Intensity>, after: Option<Intensity>) -> Option<Ending> {
        let after = after?.value();
        if after >= Ending::STILL_STRONG {
            return Some(Ending::StillHard);
        }
        Some(match before.map(Intensity::value) {
            Some(b) if after < b => Ending::Eased { by: b - after },
            Some(b) if after == b => Ending::Unchanged,
            Some(_) => Ending::StillHard,
            None => Ending::Rated,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rating(v: u8) -> Option<Intensity> {
        Intensity::new(v)
    }

    #[test]
    fn a_strong_or_unchanged_feeling_never_ends_as_eased() {
        assert_eq!(
            Ending::of(rating(9), None),
            None,
            "no ending before the after-rating"
        );
        assert_eq!(Ending::of(rating(10), rating(8)), Some(Ending::StillHard));
        assert_eq!(Ending::of(rating(10), rating(10)), Some(Ending::StillHard));
        assert_eq!(Ending::of(rating(3), rating(3)), Some(Ending::Unchanged));
        assert_eq!(Ending::of(rating(0), rating(0)), Some(Ending::Unchanged));
        assert_eq!(Ending::of(rating(3), rating(5)), Some(Ending::StillHard));
        assert_eq!(Ending::of(None, rating(8)), Some(Ending::StillHard));
        assert_eq!(
            Ending::of(rating(9), rating(7)),
            Some(Ending::Eased { by: 2 })
        );
        assert_eq!(
            Ending::of(rating(6), rating(0)),
            Some(Ending::Eased { by: 6 })
        );
        assert_eq!(Ending::of(None, rating(7)), Some(Ending::Rated));
    }

    #[test]
    fn every_step_can_be_done_or_skipped_in_order() {
        let mut run = ActivatedRun::default();
        assert_eq!(run.position(), Some((1, 5)));
        run.done();
        run.skip();
        assert_eq!(run.current(), Some(ActivatedStep::Wait));
        run.skip();
        run.done();
        assert_eq!(run.position(), Some((5, 5)));
        run.done();
        assert!(run.is_finished());
        assert_eq!(run.position(), None);
        assert_eq!(run.outcome(ActivatedStep::Name), Outcome::Skipped);
        assert_eq!(run.outcome(ActivatedStep::Reframe), Outcome::Done);
        assert_eq!(run.done_count(), 3);
        run.done();
        assert_eq!(run.done_count(), 3, "nothing after the end");
    }

    #[test]
    fn back_goes_one_step_and_stops_at_the_first() {
        let mut run = ActivatedRun::default();
        run.back();
        assert_eq!(run.current(), Some(ActivatedStep::Breathe));
        for _ in 0..5 {
            run.skip();
        }
        run.back();
        assert_eq!(run.current(), Some(ActivatedStep::Choose));
        run.back();
        assert_eq!(run.current(), Some(ActivatedStep::Reframe));
        run.done();
        assert_eq!(run.outcome(ActivatedStep::Reframe), Outcome::Done);
    }

    #[test]
    fn ids_are_the_ones_the_content_uses() {
        let ids: Vec<&str> = ActivatedStep::ALL.iter().map(|s| s.id()).collect();
        assert_eq!(ids, ["breathe", "name", "wait", "reframe", "choose"]);
    }

    #[test]
    fn a_kept_run_comes_back_where_it_was() {
        assert_eq!(ActivatedRun::default().to_kept(), "");
        let mut run = ActivatedRun::default();
        run.done();
        run.skip();
        assert_eq!(run.to_kept(), "2:ds---");
        assert_eq!(ActivatedRun::from_kept("2:ds---"), run);
        for _ in 0..3 {
            run.done();
        }
        assert!(run.is_finished());
        assert_eq!(ActivatedRun::from_kept(&run.to_kept()), run);
        // Damaged or foreign: the start, never a panic.
        for bad in [
            "",
            "9:-----",
            "2:ds",
            "x:-----",
            "2:dsx--",
            "2:ds\u{e9}--",
            "-1:-----",
        ] {
            assert_eq!(
                ActivatedRun::from_kept(bad),
                ActivatedRun::default(),
                "{bad}"
            );
        }
    }
}
