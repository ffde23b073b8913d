//! The route table: every route of the app, declared once.
//!
//! Plain data with no dependencies, so `build.rs` includes this same file. From
//! [`ROUTES`] it generates the open and locked `<Routes>` and the split pages
//! and the lists the app reads (`routes_gen`: the header's sections, the
//! chunk a deep link waits for), and checks every internal link in
//! `content/`; the static pages (`views::statics`) and `dist/routes.json`
//! (which the end-to-end tests read) come from it too.

/// One route.
pub struct Route {
    /// The router's path, relative to the base, without slashes: `quiz`,
    /// `learn/:slug` (a `:name` segment matches any one segment).
    pub path: &'static str,
    /// The component the open app shows, as a path in the app crate.
    pub page: &'static str,
    /// The wasm chunk the page is split into in the release, or `None` for a
    /// page in the entry module (what a first visit opens).
    pub chunk: Option<&'static str>,
    /// What the route shows while Steady is locked.
    pub locked: WhileLocked,
    /// The link text when the route is a section of the header.
    pub nav: Option<&'static str>,
    /// The static page(s) the release writes for it, from `views::statics`.
    pub statics: StaticView,
}

/// What a route shows while Steady is locked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhileLocked {
    /// Its page, as when open (it holds nothing of the reader's).
    Opens,
    /// Another component, in the same chunk (a path in the app crate).
    Shows(&'static str),
    /// The unlock page.
    AsksPassphrase,
}

/// Which static page a route gets; each is a view in `views::statics`,
/// matched exhaustively there, so a new kind does not compile without one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaticView {
    Home,
    Quiz,
    Report,
    Library,
    /// One page per article in `content/articles/`.
    EachArticle,
    Hub,
    /// One page per [`Tool`].
    EachTool,
    Journal,
    Progress,
    Data,
    Share,
    Help,
    /// None: the page shows what only this device holds (a saved result).
    None,
}

/// Every route, the header's sections in reading order among them.
pub const ROUTES: &[Route] = &[
    Route {
        path: "",
        page: "pages::home::Home",
        chunk: None,
        locked: WhileLocked::AsksPassphrase,
        nav: Some("Home"),
        statics: StaticView::Home,
    },
    Route {
        path: "quiz",
        page: "pages::quiz::QuizPage",
        chunk: None,
        locked: WhileLocked::AsksPassphrase,
        nav: Some("Quiz"),
        statics: StaticView::Quiz,
    },
    Route {
        path: "quiz/result/:id",
        page: "pages::result::ResultPage",
        chunk: Some("result"),
        locked: WhileLocked::AsksPassphrase,
        nav: None,
        statics: StaticView::None,
    },
    Route {
        path: "report",
        page: "pages::result::ReportPage",
        chunk: Some("result"),
        locked: WhileLocked::AsksPassphrase,
        nav: None,
        statics: StaticView::Report,
    },
    Route {
        path: "report/:id",
        page: "pages::result::ReportPage",
        chunk: Some("result"),
        locked: WhileLocked::AsksPassphrase,
        nav: None,
        statics: StaticView::None,
    },
    Route {
        path: "learn",
        page: "pages::learn::Library",
        chunk: Some("learn"),
        locked: WhileLocked::Opens,
        nav: Some("Learn"),
        statics: StaticView::Library,
    },
    Route {
        path: "learn/:slug",
        page: "pages::learn::ArticlePage",
        chunk: Some("learn"),
        locked: WhileLocked::Opens,
        nav: None,
        statics: StaticView::EachArticle,
    },
    Route {
        path: "practice",
        page: "pages::practice::Practice",
        chunk: Some("practice"),
        locked: WhileLocked::Opens,
        nav: Some("Practice"),
        statics: StaticView::Hub,
    },
    Route {
        path: "practice/:tool",
        page: "pages::practice::PracticeTool",
        chunk: Some("practice"),
        // The page itself asks for the passphrase for a tool that needs the
        // journal (`Tool::in_the_moment`).
        locked: WhileLocked::Opens,
        nav: None,
        statics: StaticView::EachTool,
    },
    Route {
        path: "journal",
        page: "pages::journal::JournalPage",
        chunk: Some("journal"),
        locked: WhileLocked::AsksPassphrase,
        nav: Some("Journal"),
        statics: StaticView::Journal,
    },
    Route {
        path: "progress",
        page: "pages::progress::ProgressPage",
        chunk: Some("progress"),
        locked: WhileLocked::AsksPassphrase,
        nav: Some("Progress"),
        statics: StaticView::Progress,
    },
    Route {
        path: "data",
        page: "pages::data::DataPage",
        chunk: Some("data"),
        locked: WhileLocked::AsksPassphrase,
        nav: Some("Your data"),
        statics: StaticView::Data,
    },
    Route {
        path: "share",
        page: "pages::share::SharePage",
        chunk: Some("share"),
        locked: WhileLocked::Shows("lazy_pages::LockedShare"),
        nav: None,
        statics: StaticView::Share,
    },
    Route {
        // Help never waits on a download, and never on the passphrase.
        path: HELP,
        page: "pages::help::Help",
        chunk: None,
        locked: WhileLocked::Opens,
        nav: None,
        statics: StaticView::Help,
    },
];

/// The page with crisis resources, linked from every page.
pub const HELP: &str = "help";

/// Whether the concrete `route` (relative to the base, without slashes) is
/// one the `pattern` matches: the same segments, a `:name` standing for any
/// one segment.
pub fn matches(pattern: &str, route: &str) -> bool {
    let (mut p, mut r) = (pattern.split('/'), route.split('/'));
    loop {
        match (p.next(), r.next()) {
            (None, None) => return true,
            (Some(want), Some(got))
                if want == got || (want.starts_with(':') && !got.is_empty()) => {}
            _ => return false,
        }
    }
}

/// The route the concrete `route` opens, if any.
pub fn route_of(route: &str) -> Option<&'static Route> {
    ROUTES.iter().find(|r| matches(r.path, route))
}

/// The chunk holding the page at `route` (relative to the base, without
/// leading or trailing slashes), or `None` for a page in the entry. (The
/// app reads the same from `routes_gen::CHUNKED`, which leaves the rest of
/// the table out of the wasm.)
pub fn chunk_of(route: &str) -> Option<&'static str> {
    route_of(route).and_then(|r| r.chunk)
}

/// Every chunk a route is in, each once.
pub fn chunks() -> Vec<&'static str> {
    let mut all: Vec<&'static str> = ROUTES.iter().filter_map(|r| r.chunk).collect();
    all.sort_unstable();
    all.dedup();
    all
}

/// Every route content may link to without a parameter. Articles
/// (`learn/<slug>`), pages (`<slug>`) and tools are added by the checker.
pub fn fixed_routes() -> Vec<&'static str> {
    ROUTES
        .iter()
        .filter(|r| !r.path.contains(':'))
        .map(|r| r.path)
        .collect()
}

/// A practice tool, served at `practice/<slug>`. Articles link to tools in
/// their "Try this now" sections; the link checker, the router and the
/// static pages all know them from this one list, and a `match` on it
/// cannot forget a tool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    Activated,
    Breathing,
    Wait,
    Reframe,
    TriggerLog,
    BodyScan,
    Deactivation,
    IStatement,
    OppositeAction,
    Repair,
    CoupleAgreement,
}

impl Tool {
    /// Every tool, in the order the hub's words list them.
    pub const ALL: [Tool; 11] = [
        Tool::Activated,
        Tool::Breathing,
        Tool::Wait,
        Tool::Reframe,
        Tool::TriggerLog,
        Tool::BodyScan,
        Tool::Deactivation,
        Tool::IStatement,
        Tool::OppositeAction,
        Tool::Repair,
        Tool::CoupleAgreement,
    ];

    /// The last part of the tool's route, and its key in `content/practice/`.
    pub const fn slug(self) -> &'static str {
        match self {
            Tool::Activated => "activated",
            Tool::Breathing => "breathing",
            Tool::Wait => "wait",
            Tool::Reframe => "reframe",
            Tool::TriggerLog => "trigger-log",
            Tool::BodyScan => "body-scan",
            Tool::Deactivation => "deactivation",
            Tool::IStatement => "i-statement",
            Tool::OppositeAction => "opposite-action",
            Tool::Repair => "repair",
            Tool::CoupleAgreement => "couple-agreement",
        }
    }

    /// The tool's name, as its page title and its card on the hub.
    pub const fn name(self) -> &'static str {
        match self {
            Tool::Activated => "I'm activated",
            Tool::Breathing => "Physiological sigh",
            Tool::Wait => "Wait before you act",
            Tool::Reframe => "Three generous explanations",
            Tool::TriggerLog => "Trigger log",
            Tool::BodyScan => "Body scan",
            Tool::Deactivation => "Noticing when you pull away",
            Tool::IStatement => "I-statement builder",
            Tool::OppositeAction => "Opposite action",
            Tool::Repair => "Repair scripts",
            Tool::CoupleAgreement => "Secure-functioning agreement",
        }
    }

    /// A tool for a hard moment: its page opens with the tool's Start
    /// control in the first phone screen, and the explanation and evidence
    /// wait behind "Why this helps" below it. Someone flooded needs the
    /// action first.
    pub const fn in_the_moment(self) -> bool {
        matches!(
            self,
            Tool::Activated | Tool::Breathing | Tool::Wait | Tool::BodyScan
        )
    }

    /// The tool at `practice/<slug>`, if there is one.
    pub fn from_slug(slug: &str) -> Option<Tool> {
        Tool::ALL.into_iter().find(|t| t.slug() == slug)
    }
}

#[cfg(test)]
mod tests {
    use super::{ROUTES, Tool, chunk_of, matches, route_of};

    #[test]
    fn every_tool_is_found_by_its_own_slug_and_no_other() {
        for tool in Tool::ALL {
            assert_eq!(Tool::from_slug(tool.slug()), Some(tool));
            assert_eq!(
                Tool::ALL.iter().filter(|t| t.slug() == tool.slug()).count(),
                1
            );
        }
        assert_eq!(Tool::from_slug("Breathing"), None);
        assert_eq!(Tool::from_slug(""), None);
    }

    #[test]
    fn a_route_is_in_the_chunk_of_its_route_and_only_whole_segments_match() {
        assert_eq!(chunk_of("learn"), Some("learn"));
        assert_eq!(chunk_of("learn/triggers"), Some("learn"));
        assert_eq!(chunk_of("quiz/result/7"), Some("result"));
        assert_eq!(chunk_of("report"), Some("result"));
        // The quiz itself, home and help are in the entry.
        assert_eq!(chunk_of("quiz"), None);
        assert_eq!(chunk_of(""), None);
        assert_eq!(chunk_of("help"), None);
        // A route that only starts with a chunk's letters is not in it.
        assert_eq!(chunk_of("learning"), None);
        assert_eq!(chunk_of("quiz/results"), None);
        assert!(!matches("learn/:slug", "learn/"));
        assert!(!matches("learn/:slug", "learn/a/b"));
        assert!(route_of("nowhere").is_none());
    }

    /// A path declared twice would route to the first only.
    #[test]
    fn no_path_is_declared_twice() {
        for r in ROUTES {
            assert_eq!(
                ROUTES.iter().filter(|o| o.path == r.path).count(),
                1,
                "{}",
                r.path
            );
            assert!(
                !r.path.starts_with('/') && !r.path.ends_with('/'),
                "{}",
                r.path
            );
        }
    }
}
