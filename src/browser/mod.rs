//! The browser's edges: the APIs the app reaches beyond rendering. WebCrypto
//! (`crypto`), downloads and picked files (`files`), the clipboard and the
//! share sheet (`share_sheet`), a timer's end beyond the screen (`alerts`),
//! time and locale (`clock`), the base path and every href (`paths`), and the
//! service worker's registration (`offline`). Nothing below `state` imports
//! them but `paths`, which is plain string work.

pub mod alerts;
pub mod clock;
pub mod crypto;
pub mod files;
pub mod offline;
pub mod paths;
pub mod share_sheet;
