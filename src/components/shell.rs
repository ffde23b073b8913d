//! The frame of every page: skip link, header with the sections and the
//! crisis link, notices, main, and the footer with the care and privacy notes.
//! `index.html` paints a static copy of the header before the wasm arrives;
//! keep the two alike so nothing shifts when the app mounts.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::focus::{focus_heading_after_render, pages_on_their_way};
use crate::components::notice::NoticeArea;
use crate::components::theme::ThemeToggle;
use crate::components::wait_indicator::WaitIndicator;
use crate::paths;
use crate::routes::{HELP, SECTIONS};

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let location = use_location();
    let route = Memo::new(move |_| {
        let path = location.pathname.get();
        paths::base()
            .route_of(&path)
            .unwrap_or_default()
            .to_string()
    });

    // After a client-side navigation, focus goes to the new page's heading.
    Effect::new(move |previous: Option<String>| {
        let current = route.get();
        if previous.is_some_and(|p| p != current) {
            focus_heading_after_render();
        }
        current
    });

    // While a page's code downloads (a first visit to it), <main> says it is
    // busy; the stylesheet shows "Opening…" if that takes a moment.
    let on_their_way = pages_on_their_way();

    let is_current = move |section: &'static str| {
        move || {
            let r = route.get();
            let here = if section.is_empty() {
                r.is_empty()
            } else {
                r == section || r.starts_with(&format!("{section}/"))
            };
            here.then_some("page")
        }
    };

    view! {
        // A fragment link would resolve against <base>, i.e. the home page, so
        // the skip link names the current path; rel=external leaves the
        // in-page jump to the browser, which also moves focus.
        <a class="skip-link" rel="external" href=move || format!("{}#main", location.pathname.get())>
            "Skip to content"
        </a>
        <header class="site-header">
            <div class="wrap header-bar">
                <a class="brand" href=paths::href("")>
                    <span class="brand-mark" aria-hidden="true"></span>
                    "Steady"
                </a>
                <div class="header-actions">
                    <a class="help-link" href=paths::href(HELP)>"Need help now?"</a>
                    <LockNow />
                    <ThemeToggle />
                </div>
            </div>
            <nav class="site-nav" aria-label="Sections">
                <ul class="wrap">
                    {SECTIONS.iter().map(|s| view! {
                        <li><a href=paths::href(s.route) aria-current=is_current(s.route)>{s.label}</a></li>
                    }).collect_view()}
                </ul>
            </nav>
        </header>
        <NoticeArea />
        <WaitIndicator />
        <main
            id="main"
            class="wrap"
            tabindex="-1"
            aria-busy=move || (on_their_way.get() > 0).then_some("true")
        >
            {children()}
        </main>
        <footer class="site-footer">
            <div class="wrap">
                <p>
                    <strong>"Self-reflection, not a diagnosis."</strong>
                    " Steady helps you think about how you connect; it cannot assess you or replace a qualified therapist. "
                    <a href=paths::href(HELP)>"Crisis lines and finding a therapist"</a>
                </p>
                <p>"Private by design: what you enter stays on this device. Nothing leaves it unless you share or back up."</p>
            </div>
        </footer>
    }
}

/// "Lock now" while the lock is on and open: one tap to hide everything
/// before someone looks over a shoulder.
#[component]
fn LockNow() -> impl IntoView {
    let open_and_locked =
        use_context::<crate::state::JournalData>().is_some() && crate::state::lock::is_on();
    open_and_locked.then(|| {
        view! {
            <button type="button" class="button quiet lock-now" on:click=move |_| crate::state::lock::lock_now()>
                "Lock"<span class="lock-now-more">" now"</span>
            </button>
        }
    })
}
