//! The guided body scan: one region at a time, each for its own number of
//! seconds. It moves on by itself at a gentle pace once started; the person
//! can pause, go on early, or stop.

use super::timer::{Countdown, SECOND_MS};

/// A walk through `steps` regions, at step `at` (or past the last).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BodyScanWalk {
    at: usize,
    steps: usize,
    countdown: Countdown,
}

impl BodyScanWalk {
    /// Starts at the first region; `seconds` are the lengths of the regions.
    /// `None` for an empty guide.
    pub fn start(seconds: &[u32], now: f64) -> Option<BodyScanWalk> {
        let first = *seconds.first()?;
        Some(BodyScanWalk {
            at: 0,
            steps: seconds.len(),
            countdown: Countdown::start(f64::from(first) * SECOND_MS, now),
        })
    }

    /// The region on screen, or `None` once the walk is over.
    pub fn step(&self) -> Option<usize> {
        (self.at < self.steps).then_some(self.at)
    }

    pub fn countdown(&self) -> &Countdown {
        &self.countdown
    }

    /// Milliseconds left in the whole walk: this region's time left and
    /// every later region's length.
    pub fn time_left(&self, seconds: &[u32], now: f64) -> f64 {
        if self.is_over() {
            return 0.0;
        }
        let later: u32 = seconds.iter().skip(self.at + 1).sum();
        self.countdown.remaining(now) + f64::from(later) * SECOND_MS
    }

    pub fn is_over(&self) -> bool {
        self.at >= self.steps
    }

    pub fn pause(&mut self, now: f64) {
        self.countdown.pause(now);
    }

    pub fn resume(&mut self, now: f64) {
        self.countdown.resume(now);
    }

    /// Moves to the next region now (paused or not: a paused walk stays
    /// paused on the new region).
    pub fn next(&mut self, seconds: &[u32], now: f64) {
        if self.is_over() {
            return;
        }
        let paused = self.countdown.is_paused();
        self.at += 1;
        if let Some(s) = seconds.get(self.at) {
            self.countdown = Countdown::start(f64::from(*s) * SECOND_MS, now);
            if paused {
                self.countdown.pause(now);
            }
        }
    }

    /// Moves on when the current region's time is up. Returns whether the
    /// region changed, so the page can announce the new one.
    pub fn tick(&mut self, seconds: &[u32], now: f64) -> bool {
        if !self.is_over() && self.countdown.is_finished(now) {
            self.next(seconds, now);
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STEPS: [u32; 3] = [20, 30, 10];

    #[test]
    fn the_walk_moves_on_when_a_region_is_done() {
        let mut w = BodyScanWalk::start(&STEPS, 0.0).unwrap();
        assert_eq!(w.step(), Some(0));
        assert!(!w.tick(&STEPS, 19_999.0));
        assert!(w.tick(&STEPS, 20_000.0));
        assert_eq!(w.step(), Some(1));
        assert_eq!(w.countdown().remaining(20_000.0), 30_000.0);
        assert!(w.tick(&STEPS, 50_000.0));
        assert!(w.tick(&STEPS, 60_000.0));
        assert!(w.is_over());
        assert_eq!(w.step(), None);
        assert!(!w.tick(&STEPS, 99_000.0));
        assert_eq!(BodyScanWalk::start(&[], 0.0), None);
    }

    #[test]
    fn the_time_left_is_the_whole_walks() {
        let mut w = BodyScanWalk::start(&STEPS, 0.0).unwrap();
        assert_eq!(w.time_left(&STEPS, 0.0), 60_000.0);
        assert_eq!(w.time_left(&STEPS, 5_000.0), 55_000.0);
        w.next(&STEPS, 5_000.0);
        assert_eq!(w.time_left(&STEPS, 5_000.0), 40_000.0);
        w.next(&STEPS, 6_000.0);
        w.next(&STEPS, 6_000.0);
        assert_eq!(w.time_left(&STEPS, 6_000.0), 0.0);
    }

    #[test]
    fn a_paused_walk_waits_and_next_keeps_it_paused() {
        let mut w = BodyScanWalk::start(&STEPS, 0.0).unwrap();
        w.pause(5_000.0);
        assert!(!w.tick(&STEPS, 500_000.0));
        w.next(&STEPS, 500_000.0);
        assert_eq!(w.step(), Some(1));
        assert!(w.countdown().is_paused());
        assert_eq!(w.countdown().remaining(900_000.0), 30_000.0);
        w.resume(900_000.0);
        assert!(w.tick(&STEPS, 930_000.0));
        assert_eq!(w.step(), Some(2));
    }
}
