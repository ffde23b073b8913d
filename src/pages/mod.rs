//! One module per section of the app. Each page sets its title and has
//! exactly one `<h1>`.

pub mod data;
pub mod help;
pub mod home;
pub mod journal;
pub mod learn;
pub mod not_found;
pub mod practice;
pub mod progress;
pub mod quiz;
pub mod result;
pub mod share;
