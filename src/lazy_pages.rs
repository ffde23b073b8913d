//! Pages fetched the first time they are opened.
//!
//! In the split release build (`--features split`, made by `cargo xtask
//! build`) each page here lives in a wasm chunk of its own, so a first visit
//! to the home page or the quiz downloads and compiles none of it. Without
//! the feature (`cargo xtask serve`, native tests) the same routes call the
//! page directly, so dev builds need no split step.
//!
//! A chunk can fail to arrive: offline before the service worker kept it, or
//! a new release replaced the old files. Every split point is `fallible`
//! (with `panic = "abort"` a failed load would otherwise end the app), and a
//! failure shows a plain message with a way to try again.

use std::sync::{Arc, Mutex};

use futures::future::{AbortHandle, Aborted};
use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;
use leptos_router::LazyRoute;

use crate::components::focus::{PageOnItsWay, focus_heading_after_render};

/// A chunk that did not load. Kept free of the loader's error, which is
/// neither `Send` nor useful to the reader.
#[derive(Debug, Clone, Copy)]
pub struct NotLoaded;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// A page on its way: its chunk loading, then the page built.
type Arriving = futures::future::LocalBoxFuture<'static, Result<AnyView, NotLoaded>>;
type Loader = fn() -> Arriving;

/// Declares routes whose pages are split points, one per line:
/// `$route in $chunk as $split => $page;`. `$route` is the router's
/// `LazyRoute`, `$chunk` names the wasm chunk (pages naming the same chunk
/// share it), `$split` names the split function (unique: the splitter links
/// by it), `$page` is the component.
// rustfmt re-indents the attribute below on every run (not idempotent).
#[rustfmt::skip]
macro_rules! lazy_pages {
    ($($route:ident in $chunk:ident as $split:ident => $page:path;)*) => {
        $(lazy_pages!(@one $route, $chunk, $split, $page);)*

        /// Each split route and its chunk, by name, for the test that holds
        /// the router to `routes::CHUNKED_ROUTES`.
        #[cfg(test)]
        pub(crate) const SPLIT_ROUTES: &[(&str, &str)] =
            &[$((stringify!($route), stringify!($chunk)),)*];

        /// Fetches the chunk named `chunk` without showing a page (through
        /// the first route in it), or `None` when no route is in it.
        fn preload_chunk(chunk: &str) -> Option<futures::future::LocalBoxFuture<'static, ()>> {
            $(if chunk == stringify!($chunk) {
                return Some(Box::pin($route::preload()));
            })*
            None
        }
    };
    (@one $route:ident, $chunk:ident, $split:ident, $page:path) => {
        pub struct $route;

        mod $split {
            use super::*;

            #[cfg_attr(
                feature = "split",
                leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload))
            )]
            pub fn $split() -> Result<AnyView, NotLoaded> {
                Ok(view! { <$page /> }.into_any())
            }
        }

        impl $route {
            fn load() -> Arriving {
                Box::pin(async {
                    #[cfg(feature = "split")]
                    let page = $split::$split().await;
                    #[cfg(not(feature = "split"))]
                    let page = $split::$split();
                    page
                })
            }

            /// Fetches this page's chunk without showing the page; a failure
            /// is left for the route to show.
            #[allow(dead_code)]
            async fn preload() {
                #[cfg(feature = "split")]
                let _ = $split::preload().await;
            }
        }

        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn view(_: Self) -> AnyView {
                let _arriving = PageOnItsWay::new();
                match Self::load().await {
                    Ok(page) => page,
                    Err(NotLoaded) => view! { <LoadFailed retry=Self::load /> }.into_any(),
                }
            }
        }
    };
}

// The home page, the quiz and help stay in the entry module: they are what a
// first visit opens, and help must never wait on a download.
lazy_pages! {
    ResultRoute in result as result_page => crate::pages::result::ResultPage;
    ReportRoute in result as report_page => crate::pages::result::ReportPage;
    LibraryRoute in learn as library_page => crate::pages::learn::Library;
    ArticleRoute in learn as article_page => crate::pages::learn::ArticlePage;
    PracticeRoute in practice as practice_page => crate::pages::practice::Practice;
    ToolRoute in practice as tool_page => crate::pages::practice::PracticeTool;
    JournalRoute in journal as journal_page => crate::pages::journal::JournalPage;
    ProgressRoute in progress as progress_page => crate::pages::progress::ProgressPage;
    DataRoute in data as data_page => crate::pages::data::DataPage;
    ShareRoute in share as share_page => crate::pages::share::SharePage;
    LockedShareRoute in share as locked_share_page => LockedShare;
}

/// The share page behind the lock, which opens the lock in place; `LockedApp`
/// provides how.
#[component]
fn LockedShare() -> impl IntoView {
    let on_open = expect_context::<crate::pages::lock::OnOpen>().0;
    view! { <crate::pages::share::LockedSharePage on_open /> }
}

/// The chunk of the page a first load opens at `route` (relative to the
/// base), if that page is in one. `start()` waits for it before it replaces
/// the static page, so a deep link (an article someone was sent, a tool)
/// keeps its readable static copy until the app can show the same page,
/// instead of a blank one while the chunk downloads; the static page
/// preloads the chunk (xtask/src/split.rs), so it arrives with the entry.
pub fn first_page_chunk(route: &str) -> Option<futures::future::LocalBoxFuture<'static, ()>> {
    if !cfg!(feature = "split") {
        return None;
    }
    crate::routes::chunk_of(route).and_then(preload_chunk)
}

/// What shows in place of a page whose chunk did not arrive. "Try again"
/// fetches it afresh (a failure is not remembered); when a new release
/// replaced the files, only a reload brings the matching ones.
#[component]
fn LoadFailed(retry: Loader) -> impl IntoView {
    // The page, once a retry brought it; taken out once to be shown.
    let page = StoredValue::new_local(None::<AnyView>);
    let arrived = RwSignal::new(false);
    let trying = RwSignal::new(false);
    let failed_again = RwSignal::new(false);
    // The page is built when its chunk arrives, in a task: it must be built
    // under this component's owner, or its contexts (the journal, the
    // results) are out of reach and it panics (and a panic ends the app).
    // For the same reason a retry still on its way when this message goes
    // (the person navigated away, or locked) is dropped, never finished.
    let owner = Owner::current().unwrap_or_default();
    let in_flight = Arc::new(Mutex::new(Vec::<AbortHandle>::new()));
    on_cleanup({
        let in_flight = Arc::clone(&in_flight);
        move || {
            for retry in in_flight
                .lock()
                .map(|mut v| std::mem::take(&mut *v))
                .unwrap_or_default()
            {
                retry.abort();
            }
        }
    });
    let try_again = move |_| {
        trying.set(true);
        let (arriving, handle) =
            futures::future::abortable(owner.with(|| ScopedFuture::new_untracked(retry())));
        if let Ok(mut v) = in_flight.lock() {
            v.push(handle);
        }
        leptos::task::spawn_local(async move {
            // <main> is busy meanwhile, as on the first attempt.
            let _arriving = PageOnItsWay::new();
            match arriving.await {
                Ok(Ok(view)) => {
                    page.set_value(Some(view));
                    arrived.set(true);
                    // The button that had focus is gone with this message.
                    focus_heading_after_render();
                }
                Ok(Err(NotLoaded)) => failed_again.set(true),
                Err(Aborted) => return,
            }
            trying.set(false);
        });
    };
    let reload = move |_| {
        let _ = window().location().reload();
    };
    move || {
        if arrived.get()
            && let Some(view) = page.try_update_value(Option::take).flatten()
        {
            return view;
        }
        view! {
            <section class="page load-failed" aria-labelledby="load-failed-title">
                <h1 id="load-failed-title" tabindex="-1">"This page didn't load"</h1>
                <p>
                    "Part of Steady is fetched the first time you open it, and it didn't arrive. You may be offline, or Steady was updated since you opened it. Nothing you saved is affected."
                </p>
                <p role="status">
                    {move || {
                        failed_again
                            .get()
                            .then_some(
                                "It still didn't load. If you are online, reloading brings the current version of Steady.",
                            )
                    }}
                </p>
                <p class="actions">
                    <button
                        type="button"
                        class="button primary"
                        on:click=try_again.clone()
                        disabled=move || trying.get()
                    >
                        {move || if trying.get() { "Trying…" } else { "Try again" }}
                    </button>
                    <button type="button" class="button" on:click=reload>
                        "Reload Steady"
                    </button>
                </p>
            </section>
        }
            .into_any()
    }
}
