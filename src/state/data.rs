//! The Your data page's workflows: backup, import, what is stored, the
//! copies kept aside, and erasing everything.

use crate::browser::crypto::{self, CryptoError};
use crate::browser::files::{self, FileProblem};
use crate::content::{BANK_VERSION, QUIZ_ITEMS};
use crate::domain::backup::{self, AppData, Backup, ImportError, ImportMode, MAX_BACKUP_BYTES};
use crate::domain::lock::{EncryptedBackup, Passphrase};
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
    let mut backup = backup::parse_backup(bytes)?;
    backup::check_scores(&backup, QUIZ_ITEMS, BANK_VERSION)?;
    // A draft of a tool this release does not have has nowhere to go, so
    // the preview does not count it.
    backup
        .drafts
        .tools
        .retain(|slug, _| crate::store::keeps_tool_draft(slug));
    Ok(backup.clamped_to(crate::browser::clock::now()))
}

/// A file the person picked to import, read whole.
pub enum PickedBackup {
    /// Ready for the preview (boxed: a backup is far larger than the
    /// encrypted form's few fields).
    Plain(Box<Backup>),
    /// Saved with a passphrase: ask for it, then [`open_encrypted`].
    Encrypted(EncryptedBackup),
}

/// Reads a picked file (at most [`MAX_BACKUP_BYTES`]) into typed data.
/// Nothing stored is touched.
pub async fn read_picked(file: web_sys::File) -> Result<PickedBackup, ImportError> {
    let bytes =
        files::read_text(file, MAX_BACKUP_BYTES)
            .await
            .map_err(|problem| match problem {
                FileProblem::TooLarge(bytes) => ImportError::TooLarge { bytes },
                FileProblem::Unreadable => ImportError::NotJson,
            })?;
    match read_backup(&bytes) {
        Err(ImportError::Encrypted) => EncryptedBackup::parse(&bytes).map(PickedBackup::Encrypted),
        read => read.map(|b| PickedBackup::Plain(Box::new(b))),
    }
}

/// Why an encrypted backup did not open.
pub enum EncryptedProblem {
    WrongPassphrase,
    /// WebCrypto failed, or the file is damaged.
    Crypto(CryptoError),
    /// It opened, but what is inside is not a backup Steady can import.
    Inside(ImportError),
}

/// Opens an encrypted backup with its passphrase and reads what is inside,
/// as [`read_backup`]. Nothing stored is touched.
pub async fn open_encrypted(
    passphrase: &Passphrase,
    sealed: &EncryptedBackup,
) -> Result<Backup, EncryptedProblem> {
    let bytes = crypto::open_backup(passphrase, sealed)
        .await
        .map_err(|e| match e {
            CryptoError::WrongKey => EncryptedProblem::WrongPassphrase,
            e => EncryptedProblem::Crypto(e),
        })?;
    read_backup(&bytes).map_err(EncryptedProblem::Inside)
}

/// What is stored now, for an import's preview.
pub fn current() -> AppData {
    store::load_app_data()
}

/// When the last backup was downloaded, for the gentle reminder.
pub fn last_export() -> Option<f64> {
    store::last_export()
}

/// Why no backup file was made.
pub enum BackupFileProblem {
    /// Encrypting failed.
    NotSealed(CryptoError),
    /// The browser refused the download.
    DownloadRefused,
}

/// A backup file that was handed to the browser's download.
pub struct BackupFileSaved {
    /// When it was taken.
    pub at: f64,
    /// Whether its date was noted for the reminder. The date is noted only
    /// once the download was handed over, so "Last backup" never names a
    /// file that was not saved.
    pub date_noted: Result<(), NotSaved>,
}

/// Makes a backup of everything now, sealed with `passphrase` when one is
/// given, and downloads it as `file_name`.
pub async fn save_backup_file(
    file_name: &str,
    passphrase: Option<Passphrase>,
) -> Result<BackupFileSaved, BackupFileProblem> {
    let at = crate::browser::clock::now();
    let text = backup(at).to_json_pretty();
    let file = match passphrase {
        Some(passphrase) => crypto::seal_backup(&passphrase, &text)
            .await
            .map_err(BackupFileProblem::NotSealed)?,
        None => text,
    };
    files::download(file_name, "application/json", &file)
        .map_err(|_| BackupFileProblem::DownloadRefused)?;
    Ok(BackupFileSaved {
        at,
        date_noted: store::record_export(at),
    })
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
