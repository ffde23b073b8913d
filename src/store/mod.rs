//! The one module that touches localStorage.
//!
//! Every key starts with `steady.` because all GitHub Pages project sites of
//! an account share one origin and one storage area. Every value is a
//! versioned envelope (`domain::envelope`). Every write is checked: a full
//! quota, private mode or disabled storage comes back as [`NotSaved`] for the
//! caller to tell the user. A value that cannot be read is copied aside under
//! a `steady.quarantine.` key before anything may replace it.

use gloo_storage::{LocalStorage, Storage};

use crate::domain::envelope::{self, Unreadable};
use crate::domain::theme::ThemeChoice;

/// Every key of ours starts with this.
pub const PREFIX: &str = "steady.";

const THEME_KEY: &str = "steady.theme";
const THEME_VERSION: u32 = 1;

/// A write that did not happen. The message is for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotSaved(pub String);

impl std::fmt::Display for NotSaved {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn storage() -> Option<web_sys::Storage> {
    // gloo's `raw()` panics when storage is unavailable (some private modes,
    // or storage turned off), so look first: no storage reads as "nothing
    // stored" and every write as "not saved".
    web_sys::window()?.local_storage().ok().flatten()?;
    Some(LocalStorage::raw())
}

fn read_raw(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

fn write_raw(key: &str, value: &str) -> Result<(), NotSaved> {
    let Some(storage) = storage() else {
        return Err(NotSaved("This browser is not letting Steady save anything right now (storage is turned off or unavailable in this mode).".into()));
    };
    storage.set_item(key, value).map_err(|_| {
        NotSaved(
            "This device's storage for Steady is full or blocked, so this was not saved.".into(),
        )
    })
}

/// Keeps an unreadable value under a quarantine key so a later write of the
/// same key can never destroy it. Returns whether the copy was kept.
fn quarantine(key: &str, raw: &str) -> bool {
    let aside = format!("{PREFIX}quarantine.{}", key.trim_start_matches(PREFIX));
    if read_raw(&aside).as_deref() == Some(raw) {
        return true;
    }
    write_raw(&aside, raw).is_ok()
}

/// Reads an envelope, quarantining it when it cannot be read.
fn load<T: serde::de::DeserializeOwned>(key: &str, version: u32) -> Result<Option<T>, Unreadable> {
    let Some(raw) = read_raw(key) else {
        return Ok(None);
    };
    envelope::decode(&raw, version, envelope::no_migrations)
        .map(Some)
        .inspect_err(|_| {
            quarantine(key, &raw);
        })
}

/// The remembered theme; `System` when nothing (readable) was stored.
/// A damaged theme value is harmless, so it is not worth a notice.
pub fn load_theme() -> ThemeChoice {
    load::<String>(THEME_KEY, THEME_VERSION)
        .ok()
        .flatten()
        .and_then(|s| ThemeChoice::parse(&s))
        .unwrap_or_default()
}

pub fn save_theme(choice: ThemeChoice) -> Result<(), NotSaved> {
    write_raw(
        THEME_KEY,
        &envelope::encode(THEME_VERSION, &choice.as_str()),
    )
}
