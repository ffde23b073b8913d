//! Shared results the reader chose to keep on this device ("Keep this on
//! my device" on the share page).

use crate::domain::share::KeptComparisons;
use crate::store::{self, NotSaved};

/// What is kept. An unreadable value is kept aside by `store` and reads as
/// nothing kept.
pub fn load() -> KeptComparisons {
    store::load_comparisons().unwrap_or_default()
}

/// Saves the kept list; the caller shows it only once this is `Ok`.
pub async fn save(kept: &KeptComparisons) -> Result<(), NotSaved> {
    store::save_comparisons(kept).await
}
