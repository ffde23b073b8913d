//! The router and the app-wide state (theme, notices), behind the lock when
//! one is set.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{Lazy, path};

use crate::components::shell::Shell;
use crate::lazy_pages::{
    ArticleRoute, DataRoute, JournalRoute, LibraryRoute, LockedShareRoute, PracticeRoute,
    ProgressRoute, ReportRoute, ResultRoute, ShareRoute, ToolRoute,
};
use crate::pages;
use crate::paths;
use crate::state::alerts::provide_alerts;
use crate::state::journal::{provide_held_tool_use, use_held_tool_use};
use crate::state::lock::{Opened, provide_running_timers};
use crate::state::notices::{Notices, provide_notices, use_notices};
use crate::state::theme::provide_theme;
use crate::state::wait_timer::{provide_wait_timer, use_wait_timer};
use crate::state::{
    provide_journal, provide_progress, provide_results, sync_with_other_tabs, use_journal,
};

#[component]
pub fn App() -> impl IntoView {
    provide_notices();
    provide_theme();
    let notices = use_notices();
    crate::offline::register(notices);
    // Open when there is no lock; otherwise once the passphrase opened it.
    let open = RwSignal::new(!crate::state::lock::is_on());
    provide_context(pages::lock::LockOpen(open.read_only()));
    // Above the lock: a calm tool used while locked keeps its timer and
    // what it would save through the unlock.
    provide_alerts();
    provide_running_timers();
    provide_wait_timer(!open.get_untracked());
    provide_held_tool_use();
    let wait = use_wait_timer();
    let on_open = Callback::new(move |opened: Opened| {
        tell_damaged(notices, &opened.damaged);
        if !opened.left_plain.is_empty() {
            notices.show(format!(
                "Some saved values ({}) were still unencrypted and could not be encrypted now, because this device did not let Steady write. They will be encrypted at their next save; freeing some space helps.",
                opened.left_plain.join(", ")
            ));
        }
        wait.opened();
        open.set(true);
    });
    move || {
        if open.get() {
            view! { <OpenApp /> }.into_any()
        } else {
            view! { <LockedApp on_open /> }.into_any()
        }
    }
}

fn tell_damaged(notices: Notices, damaged: &[&str]) {
    if !damaged.is_empty() {
        notices.show(format!(
            "{} saved value(s) could not be opened with this passphrase ({}). They have been kept aside, unchanged, on the Your data page.",
            damaged.len(),
            damaged.join(", ")
        ));
    }
}

/// While locked: the library, help and the tools for a hard moment work
/// (what a tool would save waits in memory until the unlock), and a shared
/// link shows the point it carries (it holds nothing of the reader's);
/// everything else asks for the passphrase. Seeing one's own point beside a
/// shared one, or keeping it, needs the lock opened, which the share page
/// offers in place.
#[component]
fn LockedApp(on_open: Callback<Opened>) -> impl IntoView {
    provide_context(pages::lock::OnOpen(on_open));
    let unlock = move || view! { <pages::lock::UnlockPage on_open /> };
    view! {
        <Router base=paths::base().router_base().to_string()>
            <Shell>
                <Routes fallback=unlock>
                    <Route path=path!("learn") view={Lazy::<LibraryRoute>::new()} />
                    <Route path=path!("learn/:slug") view={Lazy::<ArticleRoute>::new()} />
                    <Route path=path!("help") view=pages::help::Help />
                    <Route path=path!("share") view={Lazy::<LockedShareRoute>::new()} />
                    <Route path=path!("practice") view={Lazy::<PracticeRoute>::new()} />
                    <Route path=path!("practice/:tool") view={Lazy::<ToolRoute>::new()} />
                </Routes>
            </Shell>
        </Router>
    }
}

#[component]
fn OpenApp() -> impl IntoView {
    provide_results();
    provide_journal();
    provide_progress();
    crate::state::tool_drafts::provide_tool_drafts();
    use_held_tool_use().save_into(use_journal());
    sync_with_other_tabs();
    crate::state::lock::watch_idle();

    view! {
        <Router base=paths::base().router_base().to_string()>
            <Shell>
                <Routes fallback=pages::not_found::NotFound>
                    <Route path=path!("") view=pages::home::Home />
                    <Route path=path!("quiz") view=pages::quiz::QuizPage />
                    <Route path=path!("quiz/result/:id") view={Lazy::<ResultRoute>::new()} />
                    <Route path=path!("report") view={Lazy::<ReportRoute>::new()} />
                    <Route path=path!("report/:id") view={Lazy::<ReportRoute>::new()} />
                    <Route path=path!("learn") view={Lazy::<LibraryRoute>::new()} />
                    <Route path=path!("learn/:slug") view={Lazy::<ArticleRoute>::new()} />
                    <Route path=path!("practice") view={Lazy::<PracticeRoute>::new()} />
                    <Route path=path!("practice/:tool") view={Lazy::<ToolRoute>::new()} />
                    <Route path=path!("journal") view={Lazy::<JournalRoute>::new()} />
                    <Route path=path!("progress") view={Lazy::<ProgressRoute>::new()} />
                    <Route path=path!("data") view={Lazy::<DataRoute>::new()} />
                    <Route path=path!("share") view={Lazy::<ShareRoute>::new()} />
                    <Route path=path!("help") view=pages::help::Help />
                </Routes>
            </Shell>
        </Router>
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use crate::lazy_pages::SPLIT_ROUTES;
    use crate::routes::{CHUNKED_ROUTES, HELP, SECTIONS, STATIC_ROUTES, chunk_of};

    /// The source of one component's body in this file.
    fn body_of(component: &str) -> &'static str {
        let source = include_str!("app.rs");
        let start = source
            .find(&format!("fn {component}("))
            .unwrap_or_else(|| panic!("no fn {component}"));
        let body = &source[start..];
        &body[..body.find("\n}\n").expect("the component ends")]
    }

    /// The `path!("…")` literals of one component's `<Routes>` in this file.
    fn registered(component: &str) -> BTreeSet<&'static str> {
        routed_views(component)
            .into_iter()
            .map(|(path, _)| path)
            .collect()
    }

    /// Each `path!("…")` of one component's `<Routes>` in this file, with
    /// the split route (`lazy_pages!`) its view is, if it is `Lazy`.
    fn routed_views(component: &str) -> Vec<(&'static str, Option<&'static str>)> {
        body_of(component)
            .split("path!(\"")
            .skip(1)
            .map(|rest| {
                let path = &rest[..rest.find('"').expect("a closed literal")];
                let view = &rest[rest.find("view=").expect("a view") + "view=".len()..];
                let view = &view[..view.find("/>").expect("a closed <Route>")];
                let split = view.contains("Lazy").then(|| {
                    let name = view
                        .split_once("Lazy::<")
                        .and_then(|(_, rest)| rest.split_once('>'))
                        .unwrap_or_else(|| panic!("{path}: a Lazy view this test cannot read"))
                        .0;
                    name.trim()
                });
                (path, split)
            })
            .collect()
    }

    /// The router's `Lazy` routes, the chunks `lazy_pages!` puts them in and
    /// `routes::CHUNKED_ROUTES` (which deep links wait for, and which static
    /// pages preload) agree: a page moved in or out of a chunk in one place
    /// but not the others fails here, not as a deep link that shows the
    /// wrong page or waits on a chunk it does not need.
    #[test]
    fn each_route_is_in_the_chunk_routes_rs_names_for_it() {
        let mut used = Vec::new();
        for component in ["OpenApp", "LockedApp"] {
            for (path, split) in routed_views(component) {
                let chunk = split.map(|name| {
                    SPLIT_ROUTES
                        .iter()
                        .find(|(route, _)| *route == name)
                        .unwrap_or_else(|| panic!("{name} is not in lazy_pages!"))
                        .1
                });
                assert_eq!(chunk_of(path), chunk, "{component}: {path}");
                used.push(path);
            }
        }
        for (start, _) in CHUNKED_ROUTES {
            assert!(
                used.iter().any(|path| path
                    .strip_prefix(start)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))),
                "routes.rs lists {start}, which no route has"
            );
        }
    }

    /// The router and `routes.rs` (the link checker's and the static pages'
    /// list) cannot drift: every fixed route the router knows is listed, and
    /// every listed route is routed, or a page on Pages would answer 200 with
    /// "not found" or a routed page would get no static page.
    #[test]
    fn the_router_registers_exactly_the_listed_routes() {
        let routes = registered("OpenApp");
        let fixed: BTreeSet<&str> = routes
            .iter()
            .copied()
            .filter(|r| !r.contains(':'))
            .collect();
        let mut listed: BTreeSet<&str> = STATIC_ROUTES.iter().copied().collect();
        listed.insert(HELP);
        assert_eq!(fixed, listed);
        for section in SECTIONS {
            assert!(routes.contains(section.route), "{}", section.route);
        }
        let dynamic: BTreeSet<&str> = routes.iter().copied().filter(|r| r.contains(':')).collect();
        let expected: BTreeSet<&str> = [
            "learn/:slug",
            "practice/:tool",
            "quiz/result/:id",
            "report/:id",
        ]
        .into_iter()
        .collect();
        // A new parameterised route needs its static pages (or none, like a
        // saved result) decided in xtask/src/prerender.rs; add it here then.
        assert_eq!(dynamic, expected);
        // Locked, learning and help still route.
        let locked = registered("LockedApp");
        for r in ["learn", "learn/:slug", HELP, "share", "practice/:tool"] {
            assert!(locked.contains(r), "{r}");
        }
    }
}
