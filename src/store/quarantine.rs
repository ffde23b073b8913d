//! Values that could not be read are copied aside under dated
//! `steady.quarantine.` keys before anything may replace them; every copy is
//! kept until the person discards it.

use super::*;

/// A value set aside because it could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptAside {
    /// The storage key of the copy, to discard it by.
    pub id: String,
    /// The key it was read from, without `steady.`.
    pub original: String,
    /// When it was set aside (ms since the epoch).
    pub kept_at: f64,
    /// Exactly what was stored (sealed, when it was sealed).
    pub raw: String,
}

impl Tab {
    /// Keeps an unreadable value under a dated quarantine key, so neither a
    /// later write of the same key nor a second unreadable value can destroy
    /// it. Returns whether the copy is kept.
    pub(super) fn quarantine(&self, key: &str, raw: &str) -> bool {
        let name = key.trim_start_matches(PREFIX);
        // Under the lock no copy is plain: a plain value of a protected key
        // (one that could not be sealed at unlock) is guarded instead, and
        // stays where it is until the person deals with it.
        if protected(key).is_some()
            && self.vault.borrow().is_some()
            && Sealed::from_stored(raw).is_none()
        {
            return false;
        }
        if self
            .kept_aside()
            .iter()
            .any(|k| k.original == name && k.raw == raw)
        {
            return true;
        }
        let at = (self.now)().max(0.0).floor();
        let mut aside = format!("{QUARANTINE_PREFIX}{name}@{at}");
        let mut n = 1;
        while self.backend.get(&aside).is_some() {
            n += 1;
            aside = format!("{QUARANTINE_PREFIX}{name}@{at}.{n}");
        }
        self.backend.set(&aside, raw).is_ok()
    }

    /// Every value that could not be read and was kept aside, oldest first.
    pub fn kept_aside(&self) -> Vec<KeptAside> {
        let mut kept: Vec<KeptAside> = self
            .our_keys()
            .into_iter()
            .filter_map(|id| {
                let rest = id.strip_prefix(QUARANTINE_PREFIX)?;
                // Copies from before dates were kept have no `@`.
                let (original, kept_at) = match rest.split_once('@') {
                    Some((original, at)) => {
                        let at = at.split('.').next().unwrap_or(at);
                        (original.to_string(), at.parse().unwrap_or(0.0))
                    }
                    None => (rest.to_string(), 0.0),
                };
                let raw = self.read_at_rest(&id)?;
                Some(KeptAside {
                    id,
                    original,
                    kept_at,
                    raw,
                })
            })
            .collect();
        crate::domain::sort::sort_by(&mut kept, |a, b| a.kept_at.total_cmp(&b.kept_at));
        kept
    }

    /// Removes one kept-aside copy, once the person has downloaded it.
    pub fn discard_kept_aside(&self, id: &str) {
        if id.starts_with(QUARANTINE_PREFIX) {
            self.backend.remove(id);
        }
    }
}

/// Values that could not be read and were kept aside, oldest first.
pub fn quarantined() -> Vec<KeptAside> {
    tab().kept_aside()
}

/// Removes one kept-aside copy (by its [`KeptAside::id`]).
pub fn discard_quarantined(id: &str) {
    tab().discard_kept_aside(id);
}
