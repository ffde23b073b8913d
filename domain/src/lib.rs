//! Plain Rust: the rules of Steady with no browser in sight.
//!
//! Nothing in here may import the UI framework or the browser bindings: these
//! modules are tested with a plain `cargo test` and hold every decision worth
//! testing. Times and random ids come in from the edge as arguments.

pub mod backup;
pub mod draft;
pub mod envelope;
pub mod help;
pub mod history;
pub mod insights;
pub mod journal;
pub mod library;
pub mod lock;
pub mod practice;
pub mod quiz;
pub mod report;
pub mod routes;
pub mod share;
pub mod sort;
pub mod theme;
pub mod units;
pub mod words;
