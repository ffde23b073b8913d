//! Where the bytes go: the browser's localStorage, or memory (native tests).
//!
//! Everything above this trait is plain Rust, so the store's rules (rollback,
//! quarantine, epochs, turns) are tested natively against [`MemoryStorage`].

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use gloo_storage::{LocalStorage, Storage as _};

/// Why a write did not happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteRefused {
    /// Storage is turned off or unavailable in this mode.
    Unavailable,
    /// The quota is full, or the browser blocked the write.
    Full,
}

/// One storage area shared by every tab of the origin.
pub trait StorageBackend {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&self, key: &str, value: &str) -> Result<(), WriteRefused>;
    fn remove(&self, key: &str);
    /// Every key in the area (ours and other sites' on the same origin).
    fn keys(&self) -> Vec<String>;
}

/// The browser's localStorage, through gloo-storage's [`LocalStorage`].
///
/// Values are stored as the text they are: gloo's typed `get` and `set`
/// would wrap every value in JSON once more, and the stored format (read by
/// every release and by backups) is ours, so this works on its `raw()`
/// area.
pub struct BrowserStorage;

impl BrowserStorage {
    /// The area, when this browser gives one. Some private modes, or storage
    /// turned off, give none, and gloo's `raw()` would panic then (which ends
    /// the app): without one, nothing reads as stored and every write as not
    /// saved.
    fn storage() -> Option<web_sys::Storage> {
        let window = web_sys::window()?;
        window
            .local_storage()
            .ok()
            .flatten()
            .is_some()
            .then(LocalStorage::raw)
    }
}

impl StorageBackend for BrowserStorage {
    fn get(&self, key: &str) -> Option<String> {
        Self::storage()?.get_item(key).ok().flatten()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), WriteRefused> {
        let storage = Self::storage().ok_or(WriteRefused::Unavailable)?;
        // The quota, or a write the browser blocked: either way not kept.
        storage.set_item(key, value).map_err(|_| WriteRefused::Full)
    }

    fn remove(&self, key: &str) {
        if let Some(storage) = Self::storage() {
            let _ = storage.remove_item(key);
        }
    }

    fn keys(&self) -> Vec<String> {
        let Some(storage) = Self::storage() else {
            return Vec::new();
        };
        let n = storage.length().unwrap_or(0);
        (0..n)
            .filter_map(|i| storage.key(i).ok().flatten())
            .collect()
    }
}

/// A storage area in memory. Two [`super::Tab`]s sharing one stand for two
/// tabs of one browser. A quota can be set, to test what happens when the
/// storage fills half-way through a write.
#[derive(Default)]
pub struct MemoryStorage {
    values: RefCell<BTreeMap<String, String>>,
    /// Most characters (keys and values) the area may hold, like a browser's
    /// quota.
    quota: Cell<Option<usize>>,
}

impl MemoryStorage {
    /// From now on, a write that would make the area hold more than `chars`
    /// characters fails as "full".
    pub fn set_quota(&self, chars: usize) {
        self.quota.set(Some(chars));
    }

    /// Characters held now (keys and values).
    pub fn used(&self) -> usize {
        self.values
            .borrow()
            .iter()
            .map(|(k, v)| k.chars().count() + v.chars().count())
            .sum()
    }

    /// Every key and value, for comparing before and after.
    pub fn snapshot(&self) -> BTreeMap<String, String> {
        self.values.borrow().clone()
    }
}

impl StorageBackend for MemoryStorage {
    fn get(&self, key: &str) -> Option<String> {
        self.values.borrow().get(key).cloned()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), WriteRefused> {
        if let Some(quota) = self.quota.get() {
            let freed = self
                .values
                .borrow()
                .get(key)
                .map_or(0, |old| key.chars().count() + old.chars().count());
            let needed = key.chars().count() + value.chars().count();
            if self.used() - freed + needed > quota {
                return Err(WriteRefused::Full);
            }
        }
        self.values
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) {
        self.values.borrow_mut().remove(key);
    }

    fn keys(&self) -> Vec<String> {
        self.values.borrow().keys().cloned().collect()
    }
}
