//! The optional lock: whether it is on, and opening, setting, changing and
//! removing it. The sealing itself is `store`'s.

use crate::domain::lock::Passphrase;
use crate::store;
pub use crate::store::{LockProblem, LockState, Opened};

/// Whether the lock is on, as stored now.
pub fn lock_state() -> LockState {
    store::lock_state()
}

pub fn is_on() -> bool {
    lock_state() != LockState::Off
}

pub async fn unlock(passphrase: &Passphrase) -> Result<Opened, LockProblem> {
    store::unlock(passphrase).await
}

pub async fn turn_on(passphrase: &Passphrase) -> Result<(), LockProblem> {
    store::set_lock(passphrase).await
}

pub async fn change_passphrase(current: &Passphrase, new: &Passphrase) -> Result<(), LockProblem> {
    store::change_passphrase(current, new).await
}

pub async fn turn_off(current: &Passphrase) -> Result<(), LockProblem> {
    store::remove_lock(current).await
}
