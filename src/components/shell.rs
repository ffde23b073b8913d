//! The frame of every page, with its state: the pure frame of
//! `views::frame` (as every static page paints it) with the lock and theme
//! buttons, the notices, the wait indicator and `<main>`'s busy state.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::browser::paths;
use crate::components::focus::{focus_heading_after_render, pages_on_their_way};
use crate::components::notice::NoticeArea;
use crate::components::theme::ThemeToggle;
use crate::components::wait_indicator::WaitIndicator;
use crate::views::frame::{SiteFooter, SiteHeader, SkipLink};

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

    view! {
        <SkipLink href=move || format!("{}#main", location.pathname.get()) />
        <SiteHeader route actions=view! { <LockNow /> <ThemeToggle /> } />
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
        <SiteFooter />
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
