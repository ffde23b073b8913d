//! Pure views: the opening of every page, from props and `content` only.
//!
//! Invariant: nothing here reads state, storage, `window()` or `document()`
//! (`tests/tidy.rs` holds this module to its imports). The app's pages
//! compose these views with their state; `steady-render` (render/) renders
//! the same functions natively into each route's static page. So the page a
//! browser paints before the wasm arrives is the app's own first render, and
//! the app replacing it moves nothing.

pub mod frame;
pub mod home;
pub mod learn;
pub mod openings;
pub mod practice;
pub mod quiz;
pub mod statics;
