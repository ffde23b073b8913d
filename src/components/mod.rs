//! Pieces of page shared across sections. Thin: they read signals and call
//! `state` and the domain.

pub mod care;
pub mod charts;
pub mod focus;
pub mod kept_draft;
pub mod lock;
pub mod moment;
pub mod notice;
pub mod practice;
pub mod shell;
pub mod theme;
pub mod time_up;
pub mod title;
pub mod toast;
pub mod wait_indicator;
