//! Reading and writing one value at rest: the envelope, sealing under the
//! lock, the plain text kept in memory, and all-or-none multi-key writes.

use super::*;

pub(super) fn not_sealed(e: CryptoError) -> NotSaved {
    NotSaved(format!("{e} So this was not saved."))
}

impl Tab {
    /// The value as stored on disk (sealed, when the lock is on).
    pub(super) fn read_at_rest(&self, key: &str) -> Option<String> {
        self.backend.get(key)
    }

    /// The value as the app reads it: for a protected key under an open
    /// lock, the plain text kept in memory.
    pub(super) fn read_raw(&self, key: &str) -> Option<String> {
        if protected(key).is_some()
            && let Some(vault) = self.vault.borrow().as_ref()
        {
            return vault.plain.get(key).cloned();
        }
        self.read_at_rest(key)
    }

    pub(super) fn write_raw(&self, key: &str, value: &str) -> Result<(), NotSaved> {
        if protected(key).is_some() && self.lock_changed_elsewhere.get() {
            return Err(lock_changed());
        }
        // The last guard of the lock's promise: a protected value is never
        // written in plain text while the lock is on and this tab has not
        // opened it (a locked page that tried would be a bug).
        if protected(key).is_some()
            && self.vault.borrow().is_none()
            && Sealed::from_stored(value).is_none()
            && self.backend.get(LOCK_KEY).is_some()
        {
            return Err(NotSaved(
                "Steady is locked, so this was not saved. Unlock it, then try again.".into(),
            ));
        }
        if self.guarded.borrow().contains(key) {
            return Err(NotSaved("Steady found saved data here that it could not read, and there was no room to keep a copy of it aside, so it will not write over it. Free some space (or export from the Your data page) and reload.".into()));
        }
        self.backend.set(key, value).map_err(|refused| match refused {
            WriteRefused::Unavailable => NotSaved("This browser is not letting Steady save anything right now (storage is turned off or unavailable in this mode).".into()),
            WriteRefused::Full => NotSaved(
                "This device's storage for Steady is full or blocked, so this was not saved.".into(),
            ),
        })
    }

    pub(super) fn vault_key(&self) -> Option<Rc<dyn Sealer>> {
        self.vault
            .borrow()
            .as_ref()
            .map(|vault| Rc::clone(&vault.key))
    }

    /// Writes `value`, sealing it first when the lock is on and the key is
    /// protected. Call with the turn held.
    pub(super) async fn write(&self, key: &'static str, value: String) -> Result<(), NotSaved> {
        let Some(secret) = protected(key).and(self.vault_key()) else {
            self.check_current()?;
            return self.write_raw(key, &value);
        };
        let sealed = secret.seal(&value).await.map_err(not_sealed)?;
        // Checked after sealing: the lock may have changed meanwhile.
        self.check_current()?;
        self.write_raw(key, &sealed.to_stored())?;
        self.remember_plain(key, Some(value));
        Ok(())
    }

    /// Writes `value` in its envelope at `key` (sealed when protected and
    /// locked), taking this tab's turn for it.
    pub(super) async fn save_envelope<T: serde::Serialize>(
        &self,
        key: &'static str,
        version: u32,
        value: &T,
    ) -> Result<(), NotSaved> {
        let turn = self.turn();
        let _turn = turn.lock().await;
        self.write(key, envelope::encode(version, value)).await
    }

    pub(super) fn remember_plain(&self, key: &'static str, value: Option<String>) {
        if let Some(vault) = self.vault.borrow_mut().as_mut() {
            match value {
                Some(value) => vault.plain.insert(key, value),
                None => vault.plain.remove(key),
            };
        }
    }

    /// Reads an envelope, quarantining it when it cannot be read.
    pub(super) fn load<T: serde::de::DeserializeOwned>(
        &self,
        key: &str,
        version: u32,
    ) -> Result<Option<T>, Unreadable> {
        let Some(raw) = self.read_raw(key) else {
            return Ok(None);
        };
        envelope::decode(&raw, version, envelope::no_migrations)
            .map(Some)
            .inspect_err(|_| {
                // What is at rest: under the lock, the sealed form, so nothing
                // unreadable is ever copied aside in plain text.
                let at_rest = self.read_at_rest(key).unwrap_or(raw.clone());
                if !self.quarantine(key, &at_rest) {
                    self.guarded.borrow_mut().insert(key.to_string());
                }
            })
    }

    pub(super) fn remove_raw(&self, key: &str) {
        if self.guarded.borrow().contains(key) {
            return;
        }
        // A stale tab never removes: the key may hold newer data (sealed
        // under a lock it does not know, or written after an erase).
        if self.check_current().is_err() {
            return;
        }
        self.backend.remove(key);
        if let Some(key) = protected(key) {
            self.remember_plain(key, None);
        }
    }

    /// Writes every value as given, or, if any write fails, puts every key
    /// back as it was at rest.
    pub(super) fn write_all_or_none(&self, writes: &[(&str, String)]) -> Result<(), NotSaved> {
        let before: Vec<(&str, Option<String>)> = writes
            .iter()
            .map(|(k, _)| (*k, self.read_at_rest(k)))
            .collect();
        for (key, value) in writes {
            if let Err(not_saved) = self.write_raw(key, value) {
                // Remove first, then put back: the storage is full, and the
                // old values fit only once the new ones are gone.
                for (key, _) in &before {
                    self.backend.remove(key);
                }
                for (key, old) in &before {
                    if let Some(old) = old {
                        let _ = self.backend.set(key, old);
                    }
                }
                return Err(not_saved);
            }
        }
        Ok(())
    }

    /// Every key of ours (`steady.`), in order.
    pub(super) fn our_keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self
            .backend
            .keys()
            .into_iter()
            .filter(|key| key.starts_with(PREFIX))
            .collect();
        crate::domain::sort::sort_by(&mut keys, |a, b| a.cmp(b));
        keys
    }
}

/// The plain text of a value as stored: a plain value as it is, a sealed one
/// opened with `key`; `None` when it is damaged, or no key (or not this key)
/// opens it.
pub(super) async fn plain_text_of(raw: &str, key: Option<&dyn Sealer>) -> Option<String> {
    match (Sealed::from_stored(raw), key) {
        (None, _) => Some(raw.to_string()),
        (Some(Ok(sealed)), Some(key)) => key.open(&sealed).await.ok(),
        _ => None,
    }
}

/// `value` as it should be stored: sealed when there is a key.
pub(super) async fn seal_for_rest(
    secret: Option<&dyn Sealer>,
    value: &str,
) -> Result<String, NotSaved> {
    match secret {
        Some(secret) => Ok(secret.seal(value).await.map_err(not_sealed)?.to_stored()),
        None => Ok(value.to_string()),
    }
}
