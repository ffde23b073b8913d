//! The app's fixed routes, relative to the base path.
//!
//! Plain data with no dependencies: `build.rs` includes this same file to check
//! that every internal link in `content/` points at a page that exists, so the
//! router, the header and the link checker cannot drift apart.

/// A top-level section shown in the header navigation.
pub struct Section {
    /// Route relative to the base, without slashes (`""` is home).
    pub route: &'static str,
    /// The link text in the header.
    pub label: &'static str,
}

/// The header's sections, in reading order.
pub const SECTIONS: &[Section] = &[
    Section {
        route: "",
        label: "Home",
    },
    Section {
        route: "quiz",
        label: "Quiz",
    },
    Section {
        route: "learn",
        label: "Learn",
    },
    Section {
        route: "practice",
        label: "Practice",
    },
    Section {
        route: "journal",
        label: "Journal",
    },
    Section {
        route: "progress",
        label: "Progress",
    },
    Section {
        route: "data",
        label: "Your data",
    },
];

/// The page with crisis resources, linked from every page.
pub const HELP: &str = "help";

/// A practice tool, served at `practice/<slug>`. Articles link to tools in
/// their "Try this now" sections; the link checker, the router and the
/// prerendered pages all know them from this one list, and a `match` on it
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

/// Every fixed route content may link to. Articles (`learn/<slug>`) and
/// pages (`<slug>`) from `content/` are added by the content checker.
pub const STATIC_ROUTES: &[&str] = &[
    "", "quiz", "report", "learn", "practice", "journal", "progress", "data", "share",
];

/// Where the pages outside the entry module live in the split release
/// (`cargo xtask build`): the start of a route, and the wasm chunk its
/// pages are in (a `$chunk` of `lazy_pages!` in src/lazy_pages.rs). Any
/// other route's page is in the entry. One table for the three places that
/// need it: `start()` waits for a deep link's chunk before it replaces the
/// static page, xtask preloads a section's chunk on its static pages, and a
/// test in app.rs holds the router to it.
pub const CHUNKED_ROUTES: &[(&str, &str)] = &[
    ("quiz/result", "result"),
    ("report", "result"),
    ("learn", "learn"),
    ("practice", "practice"),
    ("journal", "journal"),
    ("progress", "progress"),
    ("data", "data"),
    ("share", "share"),
];

/// The chunk holding the page at `route` (relative to the base, without
/// leading or trailing slashes), or `None` for a page in the entry.
pub fn chunk_of(route: &str) -> Option<&'static str> {
    CHUNKED_ROUTES
        .iter()
        .find(|(start, _)| {
            route
                .strip_prefix(start)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        })
        .map(|&(_, chunk)| chunk)
}

#[cfg(test)]
mod tests {
    use super::{CHUNKED_ROUTES, Tool, chunk_of};

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
    fn a_route_is_in_the_chunk_of_its_start_and_only_whole_segments_match() {
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
    }

    /// `chunk_of` takes the first row that matches; that is only sound while
    /// no row's start is inside another's (a `practice/wait` row after
    /// `practice` would never be reached).
    #[test]
    fn no_chunked_route_starts_inside_another() {
        for (a, _) in CHUNKED_ROUTES {
            for (b, _) in CHUNKED_ROUTES {
                let inside = b
                    .strip_prefix(a)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
                assert!(a == b || !inside, "{b} starts inside {a}");
            }
            assert_eq!(CHUNKED_ROUTES.iter().filter(|(b, _)| a == b).count(), 1);
        }
    }
}
