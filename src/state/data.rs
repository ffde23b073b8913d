//! The Your data page's workflows: backup, import, what is stored, the
//! copies kept aside, and erasing everything.

use crate::content::{BANK_VERSION, QUIZ_ITEMS};
use crate::domain::backup::{self, AppData, Backup, ImportMode};
use crate::state::AllData;
pub use crate::store::KeptAside;
use crate::store::{self, NotSaved};

/// Everything the person made, as a backup taken now.
pub fn backup(now: f64) -> Backup {
    store::load_app_data().to_backup(now)
}

/// Reads a backup file whole into typed data (nothing is touched yet), with
/// any time ahead of this device's clock moved back to now, and every result
/// of today's statements checked against its answers.
pub fn read_backup(bytes: &[u8]) -> Result<Backup, backup::ImportError> {
    let backup = backup::parse_backup(bytes)?;
    backup::check_scores(&backup, QUIZ_ITEMS, BANK_VERSION)?;
    Ok(backup.clamped_to(crate::clock::now()))
}

/// What is stored now, for an import's preview.
pub fn current() -> AppData {
    store::load_app_data()
}

/// When the last backup was downloaded, for the gentle reminder.
pub fn last_export() -> Option<f64> {
    store::last_export()
}

/// Remembers that a backup file was saved (only once it was).
pub fn record_export(at: f64) -> Result<(), NotSaved> {
    store::record_export(at)
}

/// Applies a parsed backup to what is stored now, all or nothing, then shows
/// what is stored everywhere.
pub async fn import(all: AllData, backup: Backup, mode: ImportMode) -> Result<(), NotSaved> {
    let next = backup::apply(&store::load_app_data(), backup, mode);
    store::replace_app_data(&next).await?;
    all.reload();
    Ok(())
}

/// Every key of ours with its size in bytes.
pub fn usage() -> Vec<(String, usize)> {
    store::usage()
}

pub fn kept_aside() -> Vec<KeptAside> {
    store::quarantined()
}

pub fn discard_kept_aside(id: &str) {
    store::discard_quarantined(id);
}

/// Erases every value of Steady's here, and shows the empty state.
pub fn erase_everything(all: Option<AllData>) {
    store::erase_everything();
    if let Some(all) = all {
        all.reload();
    }
}
