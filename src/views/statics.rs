//! The static page of every route (`routes::StaticView`), composed from the
//! same views the app's pages compose: what a browser paints before the wasm
//! arrives, and all a reader without JavaScript gets.

use leptos::prelude::*;

use crate::content::{self, ARTICLES, PLAIN_BREATH, route_page};
use crate::domain::library::StyleFilter;
use crate::domain::practice::activated::ActivatedRun;
use crate::domain::practice::breathing::DEFAULT_SESSION;
use crate::domain::practice::timer::DEFAULT_WAIT;
use crate::domain::quiz::Focus;
use crate::routes::{HELP, ROUTES, StaticView, Tool};
use crate::views::frame::NeedsApp;
use crate::views::home::{HomeHero, HomeWays};
use crate::views::learn::{
    ArticleView, LibraryOpening, LibrarySearch, SearchStatus, Shelves, showing,
};
use crate::views::openings::{DataOpening, HelpView, JournalOpening, ReportOpening, RouteOpening};
use crate::views::practice::{
    ACTIVATED_STEP, ActivatedStepOpening, BREATHING_SETUP, BodyScanSetup, BreathingSetup,
    FormStatus, Hub, IntensityScale, PlainBreath, PlainStartBreathing, START_A_MINUTE, ToolFrame,
    WaitSetup,
};
use crate::views::quiz::{PlainQuiz, PlainStart, QuizHeading, QuizIntro};

/// One static page.
pub struct StaticPage {
    /// The route it is the page of, relative to the base (`""` is home).
    pub route: String,
    /// The `<title>` before " · Steady"; empty for home.
    pub title: &'static str,
    /// The meta description; empty keeps the shell's.
    pub description: &'static str,
    /// What goes in `<main>`.
    pub main: Box<dyn Fn() -> AnyView>,
}

/// Every static page the release writes, in route-table order.
pub fn static_pages() -> Vec<StaticPage> {
    let mut pages = Vec::new();
    for route in ROUTES {
        let fixed =
            |title: &'static str, description: &'static str, main: fn() -> AnyView| StaticPage {
                route: route.path.to_string(),
                title,
                description,
                main: Box::new(main),
            };
        // A page whose title and description are its route-pages.toml words.
        let worded = |main: fn() -> AnyView| {
            let words = route_page(route.path);
            fixed(words.title, words.description, main)
        };
        match route.statics {
            StaticView::Home => pages.push(fixed("", "", home)),
            StaticView::Quiz => pages.push(worded(quiz)),
            StaticView::Report => pages.push(worded(report)),
            StaticView::Library => pages.push(worded(library)),
            StaticView::Hub => pages.push(worded(hub)),
            StaticView::Journal => pages.push(worded(journal)),
            StaticView::Progress => pages.push(worded(progress)),
            StaticView::Data => pages.push(worded(data)),
            StaticView::Share => pages.push(worded(share)),
            StaticView::Help => {
                let help =
                    content::page(HELP).expect("content/pages/help.md is checked at build time");
                pages.push(fixed(help.title, help.summary, help_page));
            }
            StaticView::EachArticle => {
                for article in ARTICLES {
                    pages.push(StaticPage {
                        route: format!("learn/{}", article.slug),
                        title: article.title,
                        description: article.summary,
                        main: Box::new(move || {
                            view! { <ArticleView article /> <ReadsWithout /> }.into_any()
                        }),
                    });
                }
            }
            StaticView::EachTool => {
                for tool in Tool::ALL {
                    pages.push(StaticPage {
                        route: format!("practice/{}", tool.slug()),
                        title: tool.name(),
                        description: content::tool_words(tool.slug()).map_or("", |w| w.summary),
                        main: Box::new(move || tool_page(tool)),
                    });
                }
            }
            StaticView::None => {}
        }
    }
    pages
}

/// For a page that reads in full without the app.
#[component]
fn ReadsWithout() -> impl IntoView {
    view! {
        <noscript>
            <p class="noscript-note">
                "You can read this page without JavaScript. The quiz, the practice tools and the journal need it: they run inside your browser, so nothing you write leaves this device."
            </p>
        </noscript>
    }
}

fn home() -> AnyView {
    view! {
        <HomeHero />
        <HomeWays />
        <NeedsApp what="Steady" />
    }
    .into_any()
}

fn quiz() -> AnyView {
    view! {
        <QuizHeading />
        <QuizIntro focus=RwSignal::new(Focus::General) on_start=|| {} last=() start=view! { <PlainStart /> } />
        <PlainQuiz />
        <NeedsApp what="working out your result" />
    }
    .into_any()
}

fn library() -> AnyView {
    view! {
        <LibraryOpening />
        <LibrarySearch query=RwSignal::new(String::new()) style=RwSignal::new(StyleFilter::All) note=() />
        <SearchStatus text=|| showing(StyleFilter::All) heard_only=|| false />
        <Shelves style=RwSignal::new(StyleFilter::All) />
        <noscript>
            <p class="noscript-note">"Searching and filtering the library need JavaScript. Every article reads without it."</p>
        </noscript>
    }
    .into_any()
}

fn hub() -> AnyView {
    view! { <Hub /> <NeedsApp what="each tool" /> }.into_any()
}

/// A tool's page with what it shows before Start, where that is plain: the
/// app then takes the same controls over.
fn tool_page(tool: Tool) -> AnyView {
    let scale = |id: &'static str, label: &'static str| {
        view! { <IntensityScale id label value=None on_change=Callback::new(|_| {}) /> }
    };
    let setup = match tool {
        Tool::Breathing => view! {
            <BreathingSetup
                minutes=RwSignal::new(DEFAULT_SESSION.to_string())
                intensity=scale("breath-before", "How strong is the feeling now?")
                start=view! { <PlainStartBreathing route="practice/breathing" label=PLAIN_BREATH.start /> }
                status=()
                settings=()
            />
            <PlainBreath route="practice/breathing" back=BREATHING_SETUP />
        }
        .into_any(),
        Tool::BodyScan => view! {
            <BodyScanSetup
                intensity=scale("scan-before", "How tense or stirred up do you feel?")
                on_start=|| {}
                settings=()
            />
        }
        .into_any(),
        Tool::Wait => view! {
            <FormStatus message=() />
            <WaitSetup
                urge=RwSignal::new(String::new())
                minutes=RwSignal::new(DEFAULT_WAIT.to_string())
                intensity=scale("wait-before", "How strong is the urge?")
                on_start=|| {}
                more=()
            />
        }
        .into_any(),
        // The first step, the minute of breathing, starts as a plain page.
        Tool::Activated => {
            let (n, of) = ActivatedRun::default().position().unwrap_or((1, 5));
            let first = content::ACTIVATED_STEPS[0];
            view! {
                <section class="activated-step tool-setup" aria-labelledby=ACTIVATED_STEP>
                    <ActivatedStepOpening n of title=first.title text=first.text />
                    <div class="actions">
                        <PlainStartBreathing route="practice/activated" label=START_A_MINUTE />
                    </div>
                </section>
                <PlainBreath route="practice/activated" back=ACTIVATED_STEP />
            }
            .into_any()
        }
        _ => ().into_any(),
    };
    view! {
        <ToolFrame tool kept=()>
            {setup}
            <NeedsApp what="this tool" />
        </ToolFrame>
    }
    .into_any()
}

fn journal() -> AnyView {
    view! { <JournalOpening /> <NeedsApp what="the journal" /> }.into_any()
}

fn progress() -> AnyView {
    view! { <RouteOpening route="progress" /> <NeedsApp what="this page" /> }.into_any()
}

fn data() -> AnyView {
    view! { <DataOpening warning=() /> <NeedsApp what="backing up, restoring and erasing" /> }
        .into_any()
}

fn report() -> AnyView {
    view! { <ReportOpening /> <NeedsApp what="the report" /> }.into_any()
}

fn share() -> AnyView {
    view! { <RouteOpening route="share" /> <NeedsApp what="opening a shared result" /> }.into_any()
}

/// Help in its fixed order; the app moves the reader's own place first.
fn help_page() -> AnyView {
    let help = content::page(HELP).expect("content/pages/help.md is checked at build time");
    view! { <HelpView title=help.title html=help.html.to_string() /> <ReadsWithout /> }.into_any()
}
