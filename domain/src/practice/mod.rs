//! The practice tools' rules: timers on the wall clock, the breathing pace,
//! the body scan's walk, repair scripts with blanks, the "I'm activated"
//! sequence, the journal entry each finished use becomes, what a tap on a
//! word chip does to its text box, and what a timer's end does beyond the
//! screen (chime, vibration, notification).

pub mod activated;
pub mod alerts;
pub mod body_scan;
pub mod breathing;
pub mod i_statement;
pub mod record;
pub mod repair;
pub mod timer;
pub mod words;
