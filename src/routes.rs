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

/// The practice tools, each served at `practice/<slug>`. Articles link to
/// them in their "Try this now" sections; the link checker knows them from here.
pub const PRACTICE_TOOLS: &[(&str, &str)] = &[
    ("activated", "I'm activated"),
    ("breathing", "Physiological sigh"),
    ("wait", "Wait before you act"),
    ("reframe", "Three generous explanations"),
    ("trigger-log", "Trigger log"),
    ("body-scan", "Body scan"),
    ("deactivation", "Noticing when you pull away"),
    ("i-statement", "I-statement builder"),
    ("opposite-action", "Opposite action"),
    ("repair", "Repair scripts"),
    ("couple-agreement", "Secure-functioning agreement"),
];

/// The tools for a hard moment: their page opens with the tool's Start
/// control in the first phone screen, and the explanation and evidence wait
/// behind "Why this helps" below it. Someone flooded needs the action first.
pub const IN_THE_MOMENT: &[&str] = &["activated", "breathing", "wait", "body-scan"];

/// Every fixed route content may link to. Articles (`learn/<slug>`) and
/// pages (`<slug>`) from `content/` are added by the content checker.
pub const STATIC_ROUTES: &[&str] = &[
    "", "quiz", "report", "learn", "practice", "journal", "progress", "data", "share",
];
