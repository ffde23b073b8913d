//! The router and the app-wide state (theme, notices).

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::notice::{provide_notices, use_notices};
use crate::components::shell::Shell;
use crate::components::theme::provide_theme;
use crate::pages;
use crate::paths;
use crate::state::{provide_journal, provide_progress, provide_results, sync_with_other_tabs};

#[component]
pub fn App() -> impl IntoView {
    provide_notices();
    provide_theme();
    provide_results();
    provide_journal();
    provide_progress();
    crate::wait::provide_wait_timer();
    sync_with_other_tabs();
    crate::offline::register(use_notices());

    view! {
        <Router base=paths::base().router_base().to_string()>
            <Shell>
                <Routes fallback=pages::not_found::NotFound>
                    <Route path=path!("") view=pages::home::Home />
                    <Route path=path!("quiz") view=pages::quiz::QuizPage />
                    <Route path=path!("quiz/result/:id") view=pages::result::ResultPage />
                    <Route path=path!("report") view=pages::result::ReportPage />
                    <Route path=path!("report/:id") view=pages::result::ReportPage />
                    <Route path=path!("learn") view=pages::learn::Library />
                    <Route path=path!("learn/:slug") view=pages::learn::ArticlePage />
                    <Route path=path!("practice") view=pages::practice::Practice />
                    <Route path=path!("practice/:tool") view=pages::practice::PracticeTool />
                    <Route path=path!("journal") view=pages::journal::JournalPage />
                    <Route path=path!("progress") view=pages::progress::ProgressPage />
                    <Route path=path!("data") view=pages::data::DataPage />
                    <Route path=path!("help") view=pages::help::Help />
                </Routes>
            </Shell>
        </Router>
    }
}
