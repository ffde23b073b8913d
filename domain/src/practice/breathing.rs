//! The physiological sigh (cyclic sighing): a breath in through the nose, a
//! second shorter one on top, then a long, slow breath out through the
//! mouth. One cycle takes ten seconds, six breaths a minute.

use super::timer::{Countdown, Minutes};

/// A part of one breath.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BreathPhase {
    In,
    TopUp,
    Out,
}

/// The phases of one cycle and how long each lasts, in milliseconds.
pub const CYCLE: [(BreathPhase, f64); 3] = [
    (BreathPhase::In, 2500.0),
    (BreathPhase::TopUp, 1000.0),
    (BreathPhase::Out, 6500.0),
];

pub const CYCLE_MS: f64 = 10_000.0;

impl BreathPhase {
    /// The cue shown (and spoken) during the phase.
    pub fn cue(self) -> &'static str {
        match self {
            BreathPhase::In => "Breathe in through your nose",
            BreathPhase::TopUp => "A second, shorter breath in",
            BreathPhase::Out => "Breathe out slowly through your mouth",
        }
    }

    /// The one large word of the focused guide.
    pub fn word(self) -> &'static str {
        match self {
            BreathPhase::In => "In",
            BreathPhase::TopUp => "In again",
            BreathPhase::Out => "Out",
        }
    }

    /// A class name for styling the guide.
    pub fn class(self) -> &'static str {
        match self {
            BreathPhase::In => "phase-in",
            BreathPhase::TopUp => "phase-top-up",
            BreathPhase::Out => "phase-out",
        }
    }
}

/// Where a session is at one moment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PhaseAt {
    pub phase: BreathPhase,
    /// 0.0 at the start of the phase, up to 1.0 at its end.
    pub progress: f64,
    /// Counted from 1.
    pub cycle: u32,
    /// How full the lungs are, 0.0 (empty) to 1.0 (after the second breath
    /// in): what the animated guide's size follows.
    pub fullness: f64,
}

/// The phase at `elapsed_ms` since the session started.
pub fn phase_at(elapsed_ms: f64) -> PhaseAt {
    let elapsed_ms = elapsed_ms.max(0.0);
    let cycle = (elapsed_ms / CYCLE_MS).floor() as u32 + 1;
    let mut t = elapsed_ms % CYCLE_MS;
    for (phase, length) in CYCLE {
        if t < length {
            let progress = t / length;
            let fullness = match phase {
                BreathPhase::In => 0.8 * progress,
                BreathPhase::TopUp => 0.8 + 0.2 * progress,
                BreathPhase::Out => 1.0 - progress,
            };
            return PhaseAt {
                phase,
                progress,
                cycle,
                fullness,
            };
        }
        t -= length;
    }
    // Only reached through rounding at the very end of a cycle.
    PhaseAt {
        phase: BreathPhase::Out,
        progress: 1.0,
        cycle,
        fullness: 0.0,
    }
}

/// A session of 1 to 20 minutes; five is what the trial used.
pub type SessionMinutes = Minutes<20>;
pub const DEFAULT_SESSION: u32 = 5;

/// One sitting of cyclic sighing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BreathingSession {
    pub countdown: Countdown,
}

impl BreathingSession {
    pub fn start(minutes: SessionMinutes, now: f64) -> BreathingSession {
        BreathingSession {
            countdown: Countdown::start(minutes.ms(), now),
        }
    }

    /// A session of any length (the one-minute breath of "I'm activated").
    pub fn start_ms(length_ms: f64, now: f64) -> BreathingSession {
        BreathingSession {
            countdown: Countdown::start(length_ms, now),
        }
    }

    /// A session of `length_ms` carried on from a guide that has been
    /// running for `running_ms` (the plain page's, before the app): at the
    /// same point in the breath. If the guide ran longer than the session,
    /// a whole session from the breath the person is on, not an ending.
    pub fn carried_on(length_ms: f64, running_ms: f64, now: f64) -> BreathingSession {
        let running = running_ms.max(0.0);
        let running = if running < length_ms {
            running
        } else {
            running % CYCLE_MS
        };
        BreathingSession::start_ms(length_ms, now - running)
    }

    pub fn phase(&self, now: f64) -> PhaseAt {
        phase_at(self.countdown.elapsed(now))
    }

    /// Whole breaths completed so far.
    pub fn breaths_done(&self, now: f64) -> u32 {
        (self.countdown.elapsed(now) / CYCLE_MS).floor() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::practice::timer::MINUTE_MS;

    #[test]
    fn a_session_carried_on_keeps_the_breath_and_never_starts_at_its_end() {
        // 12.6 s into the plain guide: the second cycle, 2.6 s in (a second breath in).
        let s = BreathingSession::carried_on(MINUTE_MS, 12_600.0, 100_000.0);
        assert_eq!(s.phase(100_000.0).phase, BreathPhase::TopUp);
        assert_eq!(s.countdown.remaining(100_000.0), MINUTE_MS - 12_600.0);
        // Longer than the session: the same point of the breath, a whole session ahead.
        let s = BreathingSession::carried_on(MINUTE_MS, 95_000.0, 200_000.0);
        assert_eq!(s.phase(200_000.0).phase, BreathPhase::Out);
        assert_eq!(s.countdown.remaining(200_000.0), MINUTE_MS - 5_000.0);
        assert!(!s.countdown.is_finished(200_000.0));
    }

    #[test]
    fn each_phase_has_its_own_short_word() {
        let words: Vec<&str> = CYCLE.iter().map(|(p, _)| p.word()).collect();
        assert_eq!(words, ["In", "In again", "Out"]);
    }

    #[test]
    fn the_cycle_lasts_ten_seconds() {
        assert_eq!(CYCLE.iter().map(|(_, ms)| ms).sum::<f64>(), CYCLE_MS);
        // The breath out is longer than both breaths in together.
        assert!(CYCLE[2].1 > CYCLE[0].1 + CYCLE[1].1);
    }

    #[test]
    fn phases_follow_in_order_and_repeat() {
        let at = |ms: f64| {
            let p = phase_at(ms);
            (p.phase, p.cycle)
        };
        assert_eq!(at(0.0), (BreathPhase::In, 1));
        assert_eq!(at(2499.0), (BreathPhase::In, 1));
        assert_eq!(at(2500.0), (BreathPhase::TopUp, 1));
        assert_eq!(at(3499.0), (BreathPhase::TopUp, 1));
        assert_eq!(at(3500.0), (BreathPhase::Out, 1));
        assert_eq!(at(9999.0), (BreathPhase::Out, 1));
        assert_eq!(at(10_000.0), (BreathPhase::In, 2));
        assert_eq!(at(5.0 * MINUTE_MS - 1.0), (BreathPhase::Out, 30));
        assert_eq!(at(-50.0), (BreathPhase::In, 1));
    }

    #[test]
    fn fullness_rises_on_both_breaths_in_and_falls_on_the_breath_out() {
        let f = |ms: f64| phase_at(ms).fullness;
        assert_eq!(f(0.0), 0.0);
        assert!((f(1250.0) - 0.4).abs() < 1e-9);
        assert!((f(3000.0) - 0.9).abs() < 1e-9);
        assert!((f(3500.0) - 1.0).abs() < 1e-9);
        assert!(f(6750.0) > f(9000.0));
        let mut last = 0.0;
        for ms in (0..3500).step_by(100) {
            let now = f(f64::from(ms));
            assert!(now >= last, "rises at {ms}");
            last = now;
        }
        assert!(phase_at(1250.0).progress == 0.5);
    }

    #[test]
    fn a_paused_session_holds_its_phase() {
        let t0 = 1_000_000.0;
        let mut s = BreathingSession::start(SessionMinutes::new(5).unwrap(), t0);
        s.countdown.pause(t0 + 3000.0);
        assert_eq!(s.phase(t0 + 99_000.0).phase, BreathPhase::TopUp);
        assert_eq!(s.breaths_done(t0 + 99_000.0), 0);
        s.countdown.resume(t0 + 100_000.0);
        assert_eq!(s.phase(t0 + 100_500.0).phase, BreathPhase::Out);
        assert_eq!(s.breaths_done(t0 + 107_000.0), 1);
        assert_eq!(SessionMinutes::new(21), None);
    }
}
