//! Countdowns on the wall clock, and the wait timer that survives a reload.
//!
//! A running countdown stores when it ends, not how much is left: the time
//! left is always `ends_at - now`, so a timer keeps counting while the tab
//! sleeps, while the person reads elsewhere, and across a reload.

use serde::{Deserialize, Serialize};

use crate::journal::{Intensity, limits};

pub const SECOND_MS: f64 = 1000.0;
pub const MINUTE_MS: f64 = 60.0 * SECOND_MS;

/// The longest any countdown may run, extensions included.
pub const MAX_COUNTDOWN_MS: f64 = 3.0 * 60.0 * MINUTE_MS;

/// Whether the clock is running, and the one number that describes it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "state")]
pub enum Run {
    Running { ends_at: f64 },
    Paused { left_ms: f64 },
}

/// A countdown of `total_ms` (which grows when extended).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Countdown {
    total_ms: f64,
    run: Run,
}

impl Countdown {
    /// Starts counting `length_ms` down from `now`; the length is kept
    /// within one second and [`MAX_COUNTDOWN_MS`].
    pub fn start(length_ms: f64, now: f64) -> Countdown {
        let total_ms = length_ms.clamp(SECOND_MS, MAX_COUNTDOWN_MS);
        Countdown {
            total_ms,
            run: Run::Running {
                ends_at: now + total_ms,
            },
        }
    }

    /// Rebuilds a countdown from its parts, when they make sense together.
    pub fn from_parts(total_ms: f64, run: Run) -> Result<Countdown, String> {
        if !(total_ms.is_finite() && (SECOND_MS..=MAX_COUNTDOWN_MS).contains(&total_ms)) {
            return Err("the length of the timer is out of range".into());
        }
        match run {
            Run::Running { ends_at } if !(ends_at.is_finite() && ends_at >= 0.0) => {
                Err("the end time is not a time".into())
            }
            Run::Paused { left_ms }
                if !(left_ms.is_finite() && (0.0..=total_ms).contains(&left_ms)) =>
            {
                Err("the time left is out of range".into())
            }
            _ => Ok(Countdown { total_ms, run }),
        }
    }

    pub fn total_ms(&self) -> f64 {
        self.total_ms
    }

    pub fn run(&self) -> Run {
        self.run
    }

    /// Milliseconds left, never below zero.
    pub fn remaining(&self, now: f64) -> f64 {
        match self.run {
            Run::Running { ends_at } => (ends_at - now).clamp(0.0, self.total_ms),
            Run::Paused { left_ms } => left_ms,
        }
    }

    pub fn elapsed(&self, now: f64) -> f64 {
        self.total_ms - self.remaining(now)
    }

    /// How much is done, 0.0 to 1.0.
    pub fn fraction_done(&self, now: f64) -> f64 {
        self.elapsed(now) / self.total_ms
    }

    pub fn is_finished(&self, now: f64) -> bool {
        self.remaining(now) <= 0.0
    }

    pub fn is_paused(&self) -> bool {
        matches!(self.run, Run::Paused { .. })
    }

    /// When it ends if it keeps running from `now`.
    pub fn ends_at(&self, now: f64) -> f64 {
        match self.run {
            Run::Running { ends_at } => ends_at,
            Run::Paused { left_ms } => now + left_ms,
        }
    }

    /// Holds the time left. A finished countdown stays finished.
    pub fn pause(&mut self, now: f64) {
        if let Run::Running { .. } = self.run
            && !self.is_finished(now)
        {
            self.run = Run::Paused {
                left_ms: self.remaining(now),
            };
        }
    }

    pub fn resume(&mut self, now: f64) {
        if let Run::Paused { left_ms } = self.run {
            self.run = Run::Running {
                ends_at: now + left_ms,
            };
        }
    }

    /// Ends it now: what was used so far becomes the whole length.
    pub fn stop(&mut self, now: f64) {
        let used = self.elapsed(now).max(SECOND_MS);
        self.total_ms = used;
        self.run = Run::Running { ends_at: now };
    }

    /// Adds time. After the end, the added time counts from `now`. The total
    /// never passes [`MAX_COUNTDOWN_MS`].
    pub fn extend(&mut self, by_ms: f64, now: f64) {
        let by_ms = by_ms.max(0.0).min(MAX_COUNTDOWN_MS - self.total_ms);
        if by_ms <= 0.0 {
            return;
        }
        let finished = self.is_finished(now);
        self.run = match self.run {
            Run::Running { .. } if finished => Run::Running {
                ends_at: now + by_ms,
            },
            Run::Running { ends_at } => Run::Running {
                ends_at: ends_at + by_ms,
            },
            Run::Paused { left_ms } => Run::Paused {
                left_ms: left_ms + by_ms,
            },
        };
        // After the end the whole of the old length has been used.
        self.total_ms += by_ms;
    }

    /// Which stretch of time `now` falls in, counted down: with a step of a
    /// minute, 4 while between 4 and 3 minutes are left. Announcements are
    /// made when this changes, so a screen reader hears a minute or a half,
    /// never every second.
    pub fn milestone(&self, now: f64) -> u32 {
        let step = announce_step(self.total_ms);
        (self.remaining(now) / step).ceil() as u32
    }

    /// What a screen reader is told: only changes at a milestone, a pause or
    /// the end.
    pub fn announcement(&self, now: f64) -> String {
        if self.is_finished(now) {
            return "Time is up.".into();
        }
        let step = announce_step(self.total_ms);
        let about = f64::from(self.milestone(now)) * step;
        if self.is_paused() {
            format!("Paused, {} left.", words(self.remaining(now)))
        } else {
            format!("About {} left.", words(about))
        }
    }
}

/// Short timers speak every quarter minute, longer ones every minute.
fn announce_step(total_ms: f64) -> f64 {
    if total_ms <= 2.0 * MINUTE_MS {
        15.0 * SECOND_MS
    } else {
        MINUTE_MS
    }
}

/// "09:05" for 9 minutes 5 seconds (seconds rounded up, so a timer shows
/// 00:00 only when it is done).
pub fn digits(ms: f64) -> String {
    let secs = (ms.max(0.0) / SECOND_MS).ceil() as u64;
    format!("{:02}:{:02}", secs / 60, secs % 60)
}

/// "4 minutes 30 seconds", "1 minute", "15 seconds".
pub fn words(ms: f64) -> String {
    let secs = (ms.max(0.0) / SECOND_MS).ceil() as u64;
    let (m, s) = (secs / 60, secs % 60);
    let unit = |n: u64, one: &str| format!("{n} {one}{}", if n == 1 { "" } else { "s" });
    match (m, s) {
        (0, s) => unit(s, "second"),
        (m, 0) => unit(m, "minute"),
        (m, s) => format!("{} {}", unit(m, "minute"), unit(s, "second")),
    }
}

/// A whole number of minutes a person picked for a timer: 1 to `MAX`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Minutes<const MAX: u32>(u32);

impl<const MAX: u32> Minutes<MAX> {
    pub fn new(n: u32) -> Option<Self> {
        (1..=MAX).contains(&n).then_some(Minutes(n))
    }

    /// What was typed in a number field: whole minutes, 1 to `MAX`.
    pub fn parse(typed: &str) -> Option<Self> {
        typed.trim().parse().ok().and_then(Self::new)
    }

    pub fn get(self) -> u32 {
        self.0
    }

    pub fn ms(self) -> f64 {
        f64::from(self.0) * MINUTE_MS
    }
}

/// The wait before acting: 1 to 120 minutes.
pub type WaitMinutes = Minutes<120>;
pub const DEFAULT_WAIT: u32 = 10;

/// What the person wants to do and is waiting on: trimmed, not empty, and
/// short enough to be a field of a journal entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Urge(String);

pub const URGE_MAX: usize = 1000;

impl Urge {
    pub fn new(text: &str) -> Option<Urge> {
        let text = text.trim();
        (!text.is_empty() && text.chars().count() <= URGE_MAX.min(limits::FIELD_VALUE))
            .then(|| Urge(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A stored timer that ended this long ago is not asked about any more.
pub const STALE_AFTER_MS: f64 = 12.0 * 60.0 * MINUTE_MS;

/// "Wait before you act": the urge, written down, and the countdown.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UrgeTimer {
    pub urge: Urge,
    pub started_at: f64,
    pub countdown: Countdown,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub intensity_before: Option<Intensity>,
}

/// Why a stored wait timer was cleared instead of shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimerProblem {
    /// It ended so long ago that asking about it now would make no sense.
    EndedLongAgo,
    /// Its times do not fit this device's clock (set far into the future).
    FromTheFuture,
}

impl std::fmt::Display for TimerProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            TimerProblem::EndedLongAgo => "it ended long ago",
            TimerProblem::FromTheFuture => "its times do not fit this device's clock",
        })
    }
}

impl UrgeTimer {
    pub fn start(
        urge: Urge,
        minutes: WaitMinutes,
        intensity_before: Option<Intensity>,
        now: f64,
    ) -> UrgeTimer {
        UrgeTimer {
            urge,
            started_at: now,
            countdown: Countdown::start(minutes.ms(), now),
            intensity_before,
        }
    }

    /// Keeps a stored timer only while it still means something at `now`.
    pub fn check_current(self, now: f64) -> Result<UrgeTimer, TimerProblem> {
        // A minute of slack for a clock corrected between two visits.
        let slack = MINUTE_MS;
        if self.started_at > now + slack
            || self.countdown.ends_at(now) > now + self.countdown.total_ms() + slack
        {
            return Err(TimerProblem::FromTheFuture);
        }
        if self.countdown.is_finished(now) && now - self.countdown.ends_at(now) > STALE_AFTER_MS {
            return Err(TimerProblem::EndedLongAgo);
        }
        Ok(self)
    }

    /// Whole minutes waited so far, at least one once started.
    pub fn minutes_waited(&self, now: f64) -> u32 {
        ((self.countdown.elapsed(now) / MINUTE_MS).round() as u32).max(1)
    }
}

/// The stored shape, read field by field and then checked as a whole.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredUrgeTimer {
    urge: String,
    started_at: f64,
    countdown: StoredCountdown,
    #[serde(default)]
    intensity_before: Option<Intensity>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredCountdown {
    total_ms: f64,
    run: Run,
}

impl TryFrom<StoredUrgeTimer> for UrgeTimer {
    type Error = String;
    fn try_from(raw: StoredUrgeTimer) -> Result<UrgeTimer, String> {
        let urge = Urge::new(&raw.urge).ok_or("the urge is empty or too long")?;
        if !(raw.started_at.is_finite() && raw.started_at >= 0.0) {
            return Err("the start time is not a time".into());
        }
        let countdown = Countdown::from_parts(raw.countdown.total_ms, raw.countdown.run)?;
        if let Run::Running { ends_at } = countdown.run
            && ends_at < raw.started_at
        {
            return Err("it ends before it started".into());
        }
        Ok(UrgeTimer {
            urge,
            started_at: raw.started_at,
            countdown,
            intensity_before: raw.intensity_before,
        })
    }
}

impl<'de> Deserialize<'de> for UrgeTimer {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<UrgeTimer, D::Error> {
        UrgeTimer::try_from(StoredUrgeTimer::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

/// The answer at the end of a wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StillWant {
    Yes,
    Less,
    No,
}

impl StillWant {
    pub const ALL: [StillWant; 3] = [StillWant::Yes, StillWant::Less, StillWant::No];

    pub fn label(self) -> &'static str {
        match self {
            StillWant::Yes => "Yes, I still want to",
            StillWant::Less => "A little, less than before",
            StillWant::No => "No, the urge has passed",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::envelope;

    const T0: f64 = 1_800_000_000_000.0;

    #[test]
    fn a_countdown_counts_on_the_wall_clock() {
        let c = Countdown::start(10.0 * MINUTE_MS, T0);
        assert_eq!(c.remaining(T0), 10.0 * MINUTE_MS);
        assert_eq!(c.remaining(T0 + 4.0 * MINUTE_MS), 6.0 * MINUTE_MS);
        assert_eq!(c.elapsed(T0 + 4.0 * MINUTE_MS), 4.0 * MINUTE_MS);
        assert_eq!(c.fraction_done(T0 + 5.0 * MINUTE_MS), 0.5);
        assert!(!c.is_finished(T0 + 10.0 * MINUTE_MS - 1.0));
        assert!(c.is_finished(T0 + 10.0 * MINUTE_MS));
        assert_eq!(c.remaining(T0 + 99.0 * MINUTE_MS), 0.0, "never below zero");
        assert_eq!(c.remaining(T0 - MINUTE_MS), c.total_ms(), "clock set back");
    }

    #[test]
    fn pause_holds_the_time_left_and_resume_moves_the_end() {
        let mut c = Countdown::start(10.0 * MINUTE_MS, T0);
        c.pause(T0 + 3.0 * MINUTE_MS);
        assert!(c.is_paused());
        assert_eq!(c.remaining(T0 + 60.0 * MINUTE_MS), 7.0 * MINUTE_MS);
        c.pause(T0 + 61.0 * MINUTE_MS);
        assert_eq!(
            c.remaining(T0),
            7.0 * MINUTE_MS,
            "pausing twice changes nothing"
        );
        c.resume(T0 + 60.0 * MINUTE_MS);
        assert_eq!(c.ends_at(0.0), T0 + 67.0 * MINUTE_MS);
        assert_eq!(c.remaining(T0 + 62.0 * MINUTE_MS), 5.0 * MINUTE_MS);
        // A finished countdown cannot be paused back to life.
        let mut done = Countdown::start(MINUTE_MS, T0);
        done.pause(T0 + 2.0 * MINUTE_MS);
        assert!(!done.is_paused() && done.is_finished(T0 + 2.0 * MINUTE_MS));
    }

    #[test]
    fn extending_adds_time_running_paused_or_after_the_end() {
        let mut c = Countdown::start(10.0 * MINUTE_MS, T0);
        c.extend(5.0 * MINUTE_MS, T0 + MINUTE_MS);
        assert_eq!(c.remaining(T0 + MINUTE_MS), 14.0 * MINUTE_MS);
        assert_eq!(c.total_ms(), 15.0 * MINUTE_MS);
        c.pause(T0 + 2.0 * MINUTE_MS);
        c.extend(MINUTE_MS, T0 + 50.0 * MINUTE_MS);
        assert_eq!(c.remaining(0.0), 14.0 * MINUTE_MS);
        let mut ended = Countdown::start(MINUTE_MS, T0);
        ended.extend(5.0 * MINUTE_MS, T0 + 30.0 * MINUTE_MS);
        assert_eq!(ended.remaining(T0 + 30.0 * MINUTE_MS), 5.0 * MINUTE_MS);
        assert!(!ended.is_finished(T0 + 34.0 * MINUTE_MS));
        let mut long = Countdown::start(MAX_COUNTDOWN_MS, T0);
        long.extend(MINUTE_MS, T0);
        assert_eq!(long.total_ms(), MAX_COUNTDOWN_MS, "capped");
        assert_eq!(long.remaining(T0), MAX_COUNTDOWN_MS);
        c.extend(-MINUTE_MS, T0);
        assert_eq!(c.total_ms(), 16.0 * MINUTE_MS, "no negative extension");
    }

    #[test]
    fn stopping_early_keeps_the_time_used() {
        let mut c = Countdown::start(10.0 * MINUTE_MS, T0);
        c.stop(T0 + 4.0 * MINUTE_MS);
        assert!(c.is_finished(T0 + 4.0 * MINUTE_MS));
        assert_eq!(c.elapsed(T0 + 9.0 * MINUTE_MS), 4.0 * MINUTE_MS);
        let mut paused = Countdown::start(10.0 * MINUTE_MS, T0);
        paused.pause(T0 + 2.0 * MINUTE_MS);
        paused.stop(T0 + 50.0 * MINUTE_MS);
        assert_eq!(paused.elapsed(T0 + 50.0 * MINUTE_MS), 2.0 * MINUTE_MS);
        let mut instant = Countdown::start(MINUTE_MS, T0);
        instant.stop(T0);
        assert!(Countdown::from_parts(instant.total_ms(), instant.run()).is_ok());
    }

    #[test]
    fn announcements_change_by_the_minute_or_quarter_not_the_second() {
        let c = Countdown::start(5.0 * MINUTE_MS, T0);
        assert_eq!(c.announcement(T0), "About 5 minutes left.");
        let said: std::collections::BTreeSet<String> = (0..300)
            .map(|s| c.announcement(T0 + f64::from(s) * SECOND_MS))
            .collect();
        assert_eq!(said.len(), 5, "{said:?}");
        assert_eq!(c.announcement(T0 + 5.0 * MINUTE_MS), "Time is up.");
        let short = Countdown::start(30.0 * SECOND_MS, T0);
        assert_eq!(
            short.announcement(T0 + 20.0 * SECOND_MS),
            "About 15 seconds left."
        );
        assert_eq!(short.milestone(T0 + 14.0 * SECOND_MS), 2);
        let mut paused = c;
        paused.pause(T0 + 90.5 * SECOND_MS);
        assert_eq!(
            paused.announcement(T0 + 99.0 * MINUTE_MS),
            "Paused, 3 minutes 30 seconds left."
        );
    }

    #[test]
    fn times_read_as_digits_and_words() {
        assert_eq!(digits(9.0 * MINUTE_MS + 4_001.0), "09:05");
        assert_eq!(digits(0.0), "00:00");
        assert_eq!(digits(-5.0), "00:00");
        assert_eq!(digits(1.0), "00:01");
        assert_eq!(words(MINUTE_MS), "1 minute");
        assert_eq!(words(2.0 * MINUTE_MS + SECOND_MS), "2 minutes 1 second");
        assert_eq!(words(15.0 * SECOND_MS), "15 seconds");
    }

    #[test]
    fn minutes_are_whole_and_in_range() {
        assert_eq!(WaitMinutes::parse(" 10 ").map(Minutes::get), Some(10));
        assert_eq!(WaitMinutes::parse("0"), None);
        assert_eq!(WaitMinutes::parse("121"), None);
        assert_eq!(WaitMinutes::parse("2.5"), None);
        assert_eq!(WaitMinutes::parse("-3"), None);
        assert_eq!(WaitMinutes::new(120).unwrap().ms(), 120.0 * MINUTE_MS);
    }

    fn timer() -> UrgeTimer {
        UrgeTimer::start(
            Urge::new("  Text him again ").unwrap(),
            WaitMinutes::new(10).unwrap(),
            Intensity::new(7),
            T0,
        )
    }

    #[test]
    fn an_urge_is_trimmed_text_of_sensible_length() {
        assert_eq!(timer().urge.as_str(), "Text him again");
        assert_eq!(Urge::new("   "), None);
        assert!(Urge::new(&"u".repeat(URGE_MAX)).is_some());
        assert_eq!(Urge::new(&"u".repeat(URGE_MAX + 1)), None);
    }

    #[test]
    fn a_stored_timer_round_trips_through_its_envelope() {
        let mut t = timer();
        t.countdown.pause(T0 + MINUTE_MS);
        let stored = envelope::encode(1, &t);
        let back: UrgeTimer = envelope::decode(&stored, 1, envelope::no_migrations).unwrap();
        assert_eq!(back, t);
        let running = timer();
        let back: UrgeTimer =
            envelope::decode(&envelope::encode(1, &running), 1, envelope::no_migrations).unwrap();
        assert_eq!(back.countdown.remaining(T0 + MINUTE_MS), 9.0 * MINUTE_MS);
    }

    #[test]
    fn a_damaged_stored_timer_is_rejected_whole() {
        let good = serde_json::to_value(timer()).unwrap();
        let bad = |f: &dyn Fn(&mut serde_json::Value)| {
            let mut v = good.clone();
            f(&mut v);
            serde_json::from_value::<UrgeTimer>(v).is_err()
        };
        assert!(!bad(&|_| {}));
        assert!(bad(&|v| v["urge"] = "  ".into()));
        assert!(bad(&|v| v["started_at"] = (-1.0).into()));
        assert!(bad(&|v| v["countdown"]["total_ms"] = 0.into()));
        assert!(bad(&|v| v["countdown"]["total_ms"] = (1e12).into()));
        assert!(bad(&|v| v["countdown"]["run"]["state"] = "sleeping".into()));
        assert!(bad(
            &|v| v["countdown"]["run"]["ends_at"] = (T0 - 1.0).into()
        ));
        assert!(bad(
            &|v| v["countdown"]["run"] = serde_json::json!({"state": "paused", "left_ms": 1e9})
        ));
        assert!(bad(&|v| v["intensity_before"] = 11.into()));
        assert!(bad(&|v| v["extra"] = 1.into()));
        assert!(bad(&|v| *v = serde_json::json!("nonsense")));
    }

    #[test]
    fn a_timer_that_ended_long_ago_or_lies_in_the_future_is_not_kept() {
        let t = timer();
        let end = T0 + 10.0 * MINUTE_MS;
        assert!(t.clone().check_current(T0 + MINUTE_MS).is_ok());
        assert!(
            t.clone().check_current(end + 60.0 * MINUTE_MS).is_ok(),
            "still asks"
        );
        assert_eq!(
            t.clone().check_current(end + STALE_AFTER_MS + 1.0),
            Err(TimerProblem::EndedLongAgo)
        );
        assert_eq!(
            t.clone().check_current(T0 - 10.0 * MINUTE_MS),
            Err(TimerProblem::FromTheFuture)
        );
        // Paused timers never end by themselves, however old.
        let mut paused = t;
        paused.countdown.pause(T0 + MINUTE_MS);
        assert!(paused.check_current(T0 + 10.0 * STALE_AFTER_MS).is_ok());
    }

    #[test]
    fn minutes_waited_are_whole_and_at_least_one() {
        let t = timer();
        assert_eq!(t.minutes_waited(T0 + 5.0 * SECOND_MS), 1);
        assert_eq!(t.minutes_waited(T0 + 4.4 * MINUTE_MS), 4);
        assert_eq!(t.minutes_waited(T0 + 99.0 * MINUTE_MS), 10);
    }
}
