//! What a timer does when its time is up, beyond the screen: a soft chime,
//! a vibration, a system notification. Each is off until the person turns
//! it on, and the choice is kept on this device.
//!
//! The stored value is read leniently: it is a setting, not something the
//! person wrote, so a value this version does not understand (a field
//! missing, a stray type, another shape altogether) reads as "off" for what
//! it cannot read, never as an error.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The three ways a timer's end can reach the person, each off by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(from = "Value")]
pub struct TimerAlerts {
    pub chime: bool,
    pub vibrate: bool,
    pub notify: bool,
}

impl From<Value> for TimerAlerts {
    /// Only a literal `true` turns a way on; anything else leaves it off.
    fn from(stored: Value) -> TimerAlerts {
        let on = |name: &str| stored.get(name).and_then(Value::as_bool) == Some(true);
        TimerAlerts {
            chime: on("chime"),
            vibrate: on("vibrate"),
            notify: on("notify"),
        }
    }
}

impl TimerAlerts {
    /// Whether the end of a timer does anything beyond the screen.
    pub fn any(self) -> bool {
        self.chime || self.vibrate || self.notify
    }
}

/// Which timer ended, for the words of its notification. The words never
/// carry what the person wrote (an urge, a name): a phone's lock screen
/// shows a notification to whoever is near.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeUp {
    Wait,
    Break,
    Soothe,
    Breathing,
    BodyScan,
}

impl TimeUp {
    /// The notification's title and its one line.
    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            TimeUp::Wait => (
                "Your wait is over",
                "Come back to Steady when you are ready.",
            ),
            TimeUp::Break => ("Your break is over", "Take a breath before you go back."),
            TimeUp::Soothe => ("Your 30 seconds are up", "Take one more slow breath."),
            TimeUp::Breathing => ("Your breathing is done", "Breathe normally for a moment."),
            TimeUp::BodyScan => (
                "Your body scan is done",
                "Take a moment before you move on.",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(stored: &str) -> TimerAlerts {
        serde_json::from_str(stored).expect("any JSON reads as a choice")
    }

    #[test]
    fn everything_is_off_until_turned_on() {
        assert_eq!(TimerAlerts::default(), read("{}"));
        assert!(!TimerAlerts::default().any());
    }

    #[test]
    fn a_saved_choice_reads_back_the_same() {
        let choice = TimerAlerts {
            chime: true,
            vibrate: false,
            notify: true,
        };
        let stored = serde_json::to_string(&choice).unwrap();
        assert_eq!(stored, r#"{"chime":true,"vibrate":false,"notify":true}"#);
        assert_eq!(read(&stored), choice);
        assert!(choice.any());
    }

    #[test]
    fn what_cannot_be_read_stays_off_and_never_fails() {
        let off = TimerAlerts::default();
        for stored in [
            "null",
            "true",
            "7",
            r#""chime""#,
            "[true, true, true]",
            r#"{"chime": "yes", "vibrate": 1, "notify": null}"#,
            r#"{"Chime": true}"#,
        ] {
            assert_eq!(read(stored), off, "{stored}");
        }
        // An older or newer value: what is known is kept, the rest is off.
        assert_eq!(
            read(r#"{"vibrate": true, "flash": true}"#),
            TimerAlerts {
                vibrate: true,
                ..off
            }
        );
    }

    #[test]
    fn no_notification_carries_private_words() {
        for what in [
            TimeUp::Wait,
            TimeUp::Break,
            TimeUp::Soothe,
            TimeUp::Breathing,
            TimeUp::BodyScan,
        ] {
            let (title, body) = what.words();
            assert!(!title.is_empty() && !body.is_empty());
            // Fixed words only: nothing here could be filled in from a tool.
            assert!(!title.contains('{') && !body.contains('{'));
        }
    }
}
