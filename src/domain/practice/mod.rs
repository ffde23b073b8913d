//! The practice tools' rules: timers on the wall clock, the breathing pace,
//! the body scan's walk, repair scripts with blanks, the "I'm activated"
//! sequence, and the journal entry each finished use becomes.

pub mod activated;
pub mod body_scan;
pub mod breathing;
pub mod i_statement;
pub mod record;
pub mod repair;
pub mod timer;
