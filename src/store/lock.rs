//! The lock's lifecycle: open, set, change and remove it, each safe against
//! other tabs writing at the same moment.

use super::*;

/// Whether the lock is on, as this page found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockState {
    Off,
    On(LockRecord),
    /// The lock's settings are there but cannot be read. Nothing protected
    /// can be opened; nothing is changed either.
    Damaged(String),
}

pub fn lock_state() -> LockState {
    match tab().read_at_rest(LOCK_KEY) {
        None => LockState::Off,
        Some(raw) => match LockRecord::from_stored(&raw) {
            Ok(record) => LockState::On(record),
            Err(problem) => LockState::Damaged(problem),
        },
    }
}

/// Whether this tab holds the opened lock.
pub fn is_locked_with_key() -> bool {
    tab().vault.borrow().is_some()
}

/// Why the lock could not be opened, set, changed or removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockProblem {
    WrongPassphrase,
    Crypto(CryptoError),
    NotSaved(NotSaved),
    /// The lock changed since this page read it (another tab).
    Changed,
}

impl std::fmt::Display for LockProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LockProblem::WrongPassphrase => f.write_str(
                "That passphrase is not the right one. Check Caps Lock and the keyboard language, and try again.",
            ),
            LockProblem::Crypto(e) => write!(f, "{e}"),
            LockProblem::NotSaved(e) => write!(f, "{e} Nothing was changed."),
            LockProblem::Changed => f.write_str(
                "The lock was changed in another tab. Reload this page, then try again.",
            ),
        }
    }
}

impl From<CryptoError> for LockProblem {
    fn from(e: CryptoError) -> Self {
        match e {
            CryptoError::WrongKey => LockProblem::WrongPassphrase,
            other => LockProblem::Crypto(other),
        }
    }
}

/// What opening the lock found.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Opened {
    /// Sealed values this key could not open: kept aside, unchanged.
    pub damaged: Vec<&'static str>,
    /// Values found in plain text (written while the lock was being set)
    /// that could not be sealed now (the write failed). They are sealed at
    /// their next write; the person is told.
    pub left_plain: Vec<&'static str>,
}

impl Tab {
    /// Opens every protected value into memory with `key` (already checked
    /// against the lock record), and seals at once any value found in plain
    /// text, so that nothing stays readable at rest under the lock.
    pub async fn open_vault(&self, key: Rc<dyn Sealer>) -> Opened {
        let turn = self.turn();
        let _turn = turn.lock().await;
        let mut plain = BTreeMap::new();
        let mut opened = Opened::default();
        let mut found_plain = Vec::new();
        for key_name in PROTECTED {
            let Some(raw) = self.read_at_rest(key_name) else {
                continue;
            };
            let text = match Sealed::from_stored(&raw) {
                // Written before the lock was finished being set.
                None => {
                    found_plain.push(key_name);
                    Some(raw.clone())
                }
                Some(Ok(sealed)) => key.open(&sealed).await.ok(),
                Some(Err(_)) => None,
            };
            match text {
                Some(text) => {
                    plain.insert(key_name, text);
                }
                None => {
                    if !self.quarantine(key_name, &raw) {
                        self.guarded.borrow_mut().insert(key_name.to_string());
                    }
                    opened.damaged.push(key_name);
                }
            }
        }
        *self.lock_seen.borrow_mut() = self.read_at_rest(LOCK_KEY);
        *self.vault.borrow_mut() = Some(Vault {
            key: Rc::clone(&key),
            plain,
        });
        for key_name in found_plain {
            let value = self.read_raw(key_name).unwrap_or_default();
            let sealed = match key.seal(&value).await {
                Ok(sealed) => sealed.to_stored(),
                Err(_) => {
                    opened.left_plain.push(key_name);
                    continue;
                }
            };
            // Only if no other tab wrote it meanwhile (its write was sealed).
            let unchanged = self.read_at_rest(key_name).as_deref() == Some(value.as_str());
            if unchanged
                && (self.check_current().is_err() || self.write_raw(key_name, &sealed).is_err())
            {
                opened.left_plain.push(key_name);
            }
        }
        opened
    }

    /// Seals every protected value, and every kept-aside copy of one, under
    /// `key` (or opens them all, with `None`), and writes them together with
    /// the lock record (`record`, stored form; `None` removes it), all or
    /// none. Call with the turn held.
    ///
    /// The values are read at rest, not from this tab's memory, which may lag
    /// behind another tab's save; and they are written only if nothing at
    /// rest changed while they were being sealed (otherwise it starts again),
    /// so a save another tab was told had worked is never written over.
    pub(super) async fn rewrite_protected(
        &self,
        record: Option<String>,
        key: Option<Rc<dyn Sealer>>,
    ) -> Result<(), LockProblem> {
        for _ in 0..LOCKED_SAVE_TRIES {
            if self.lock_changed_elsewhere.get()
                || self.read_at_rest(LOCK_KEY) != *self.lock_seen.borrow()
            {
                return Err(LockProblem::Changed);
            }
            let old_key = self.vault_key();
            let seen: Vec<(&'static str, Option<String>)> = PROTECTED
                .iter()
                .map(|k| (*k, self.read_at_rest(k)))
                .collect();
            let mut plain: Vec<(&'static str, String)> = Vec::new();
            for (k, raw) in &seen {
                // A value the current key cannot open was kept aside when
                // it was found; it stays as it is.
                if let Some(raw) = raw
                    && let Some(text) = plain_text_of(raw, old_key.as_deref()).await
                {
                    plain.push((k, text));
                }
            }
            let mut writes: Vec<(String, String)> = Vec::new();
            for (k, value) in &plain {
                let at_rest = seal_for_rest(key.as_deref(), value)
                    .await
                    .map_err(LockProblem::NotSaved)?;
                writes.push((k.to_string(), at_rest));
            }
            // Copies kept aside hold what the person wrote too: under the
            // lock they are sealed like the values they came from. One that
            // even the current key cannot open stays as it is (it is damaged
            // already).
            for copy in self.kept_aside() {
                if protected(&format!("{PREFIX}{}", copy.original)).is_none() {
                    continue;
                }
                if let Some(text) = plain_text_of(&copy.raw, old_key.as_deref()).await {
                    let at_rest = seal_for_rest(key.as_deref(), &text)
                        .await
                        .map_err(LockProblem::NotSaved)?;
                    writes.push((copy.id, at_rest));
                }
            }
            // The record goes first: a page closed half-way still finds the
            // lock on, and `open_vault` seals values that were not yet sealed.
            if let Some(record) = &record {
                writes.insert(0, (LOCK_KEY.to_string(), record.clone()));
            }
            // Checked again after sealing, with no await before the writes:
            // a lock changed meanwhile in another tab must not be written
            // over, and a value another tab saved meanwhile must be resealed.
            if self.read_at_rest(LOCK_KEY) != *self.lock_seen.borrow() {
                self.lock_changed_elsewhere.set(true);
                return Err(LockProblem::Changed);
            }
            if seen.iter().any(|(k, raw)| self.read_at_rest(k) != *raw) {
                continue;
            }
            let writes: Vec<(&str, String)> = writes
                .iter()
                .map(|(k, v)| (k.as_str(), v.clone()))
                .collect();
            self.write_all_or_none(&writes)
                .map_err(LockProblem::NotSaved)?;
            if record.is_none() {
                self.backend.remove(LOCK_KEY);
            }
            *self.lock_seen.borrow_mut() = record;
            *self.vault.borrow_mut() = key.map(|key| Vault {
                key,
                plain: plain.into_iter().collect(),
            });
            return Ok(());
        }
        Err(LockProblem::NotSaved(NotSaved(
            "Another tab of Steady kept saving at the same moment, so the lock was not changed. Close the other tabs of Steady and try again.".into(),
        )))
    }

    /// Turns the lock on: `record` (stored form) and everything sealed.
    pub async fn lock_with(&self, record: String, key: Rc<dyn Sealer>) -> Result<(), LockProblem> {
        let turn = self.turn();
        let _turn = turn.lock().await;
        if self.read_at_rest(LOCK_KEY).is_some() {
            return Err(LockProblem::Changed);
        }
        self.rewrite_protected(Some(record), Some(key)).await
    }

    /// A new record and key (a new passphrase): everything sealed again.
    pub async fn relock_with(
        &self,
        record: String,
        key: Rc<dyn Sealer>,
    ) -> Result<(), LockProblem> {
        let turn = self.turn();
        let _turn = turn.lock().await;
        self.rewrite_protected(Some(record), Some(key)).await
    }

    /// Turns the lock off: everything stored in plain text again.
    pub async fn unlock_for_good(&self) -> Result<(), LockProblem> {
        let turn = self.turn();
        let _turn = turn.lock().await;
        self.rewrite_protected(None, None).await
    }
}

/// Opens the lock: checks the passphrase, then opens every protected value
/// into memory (see [`Tab::open_vault`]).
pub async fn unlock(passphrase: &Passphrase) -> Result<Opened, LockProblem> {
    let LockState::On(record) = lock_state() else {
        return Err(LockProblem::Changed);
    };
    let secret = crypto::unlock(&record, passphrase).await?;
    Ok(tab().open_vault(Rc::new(secret)).await)
}

/// Turns the lock on with a new passphrase, sealing everything stored.
pub async fn set_lock(passphrase: &Passphrase) -> Result<(), LockProblem> {
    if lock_state() != LockState::Off {
        return Err(LockProblem::Changed);
    }
    let (record, secret) = crypto::new_lock(passphrase).await?;
    tab().lock_with(record.to_stored(), Rc::new(secret)).await
}

/// Checks `current` against the lock as stored now.
pub(super) async fn confirm(current: &Passphrase) -> Result<(), LockProblem> {
    let LockState::On(record) = lock_state() else {
        return Err(LockProblem::Changed);
    };
    crypto::unlock(&record, current).await.map(|_| ())?;
    Ok(())
}

/// A new passphrase (and a new salt): everything is sealed again.
pub async fn change_passphrase(current: &Passphrase, new: &Passphrase) -> Result<(), LockProblem> {
    confirm(current).await?;
    let (record, secret) = crypto::new_lock(new).await?;
    tab().relock_with(record.to_stored(), Rc::new(secret)).await
}

/// Turns the lock off: everything is stored in plain text again.
pub async fn remove_lock(current: &Passphrase) -> Result<(), LockProblem> {
    confirm(current).await?;
    tab().unlock_for_good().await
}
