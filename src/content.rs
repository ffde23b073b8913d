//! Everything from `content/`, compiled at build time by content-pipeline
//! (see build.rs): the library and pages, the quiz and its result wording,
//! the self-check, the starter plan, and the practice hub and tools' words. Nothing here
//! parses markdown or TOML at run time.

use crate::domain::quiz::{Dimension, Facet, Item, Region};

/// A document from `content/articles` (served at `learn/<slug>`) or
/// `content/pages` (served at `<slug>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Article {
    pub slug: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    /// The library shelf (`foundations`, `styles`, ...); empty for pages.
    pub topic: &'static str,
    /// The attachment styles this is most for (`secure`, `anxious`, ...).
    pub tags: &'static [&'static str],
    /// Slugs of related articles; checked to exist at build time.
    pub related: &'static [&'static str],
    pub reading_minutes: u16,
    /// Build-time HTML from our own markdown; never user text.
    pub html: &'static str,
}

/// How one dimension's score reads, from `content/quiz/results.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DimensionWords {
    /// Completes "Anxiety is about ...".
    pub about: &'static str,
    /// For a score below 3.5.
    pub low: &'static str,
    /// For a score from 3.5 to 4.5, in the middle (`quiz::Level::Middle`).
    pub middle: &'static str,
    /// For a score above 4.5.
    pub high: &'static str,
}

/// What a region of the plane means and what to try, from `results.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegionWords {
    /// Slug of the article about this style.
    pub article: &'static str,
    pub meaning: &'static str,
    pub near_boundary: &'static str,
    pub strengths: &'static [&'static str],
    pub growth_edges: &'static [&'static str],
    pub next_steps: &'static [NextStep],
    /// The four-week practice plan of the personal report.
    pub plan: &'static [PlanWeek],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NextStep {
    pub title: &'static str,
    /// An app path relative to the base; checked at build time.
    pub href: &'static str,
    pub why: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanWeek {
    pub title: &'static str,
    pub practices: &'static [PlanPractice],
}

/// One practice of the report's plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanPractice {
    pub text: &'static str,
    /// Slug of the `routes::Tool` that helps with it; checked at build time.
    pub tool: Option<&'static str>,
}

impl PlanPractice {
    pub fn tool(&self) -> Option<crate::routes::Tool> {
        self.tool.and_then(crate::routes::Tool::from_slug)
    }
}

/// One step of the earned-security starter plan (`content/progress/`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanStep {
    pub title: &'static str,
    pub detail: &'static str,
    /// An app path relative to the base; checked at build time.
    pub href: &'static str,
}

/// A group on the practice hub ("I want to pull away") and its tools' slugs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PracticeNeed {
    pub title: &'static str,
    /// Slugs of `routes::Tool`s; checked at build time.
    pub tools: &'static [&'static str],
}

/// A tool's card on the hub and the introduction on its page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ToolWords {
    pub slug: &'static str,
    pub summary: &'static str,
    pub intro: &'static str,
    /// Shown first, with the link to "If you don't feel safe with someone".
    pub safety: Option<&'static str>,
    /// Shown where the tool is set up, right after its Start button.
    pub before_you_start: Option<&'static str>,
}

/// The safety words inside "I'm activated" (`tools.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActivatedCare {
    pub reframe_skip: &'static str,
    pub reframe_link: &'static str,
    pub done_heading: &'static str,
    pub pending: &'static str,
    pub eased_heading: &'static str,
    /// Says `{by}`, the points the feeling eased.
    pub eased: &'static str,
    pub rated: &'static str,
    pub still_hard_heading: &'static str,
    pub still_hard: &'static str,
    pub unchanged: &'static str,
    pub help_link: &'static str,
}

/// The note shown first on the tools meant for couples (`tools.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CoupleSafety {
    /// Slugs of the tools that show it; checked at build time.
    pub tools: &'static [&'static str],
    pub note: &'static str,
}

/// A labelled box with a hint under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LabelHint {
    pub label: &'static str,
    pub hint: &'static str,
}

/// One region of the body scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScanStep {
    pub region: &'static str,
    pub cue: &'static str,
    pub seconds: u32,
}

/// A repair script: lines with `{blank}`s (see `domain::practice::repair`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RepairScript {
    /// `apology`, `timeout`, `understanding` or `soothe`, in that order.
    pub id: &'static str,
    pub title: &'static str,
    pub when: &'static str,
    pub template: &'static [&'static str],
}

/// A secure-functioning principle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Principle {
    pub title: &'static str,
    pub text: &'static str,
}

/// The words of one "I'm activated" step, in `ActivatedStep` order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepWords {
    pub id: &'static str,
    pub title: &'static str,
    pub text: &'static str,
}

/// A list item of a page's opening, optionally led by a bold phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Point {
    /// Empty for none.
    pub strong: &'static str,
    pub text: &'static str,
}

/// The opening of a fixed route (`content/route-pages.toml`), shown by its
/// view in `views`, in the app and on the route's static page alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoutePage {
    pub route: &'static str,
    /// The `<title>` (before " · Steady") and the `<h1>`.
    pub title: &'static str,
    pub description: &'static str,
    pub lead: &'static str,
    pub points: &'static [Point],
    /// A care note before the link to help; empty for none.
    pub care: &'static str,
}

/// What "Your data" says about the origin Steady shares with other pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OriginWords {
    pub heading: &'static str,
    pub paragraphs: &'static [&'static str],
    /// Shown once when Steady runs in a folder of a `*.github.io` address.
    pub github_pages: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/content.rs"));

/// The opening of a fixed route. Every top-level route of `routes::ROUTES`
/// but home and help has one (checked at build time), so a missing one is a
/// programming error.
pub fn route_page(route: &str) -> &'static RoutePage {
    ROUTE_PAGES
        .iter()
        .find(|p| p.route == route)
        .unwrap_or(&ROUTE_PAGES[0])
}

/// The hub card and introduction of the tool at `practice/<slug>`.
pub fn tool_words(slug: &str) -> Option<&'static ToolWords> {
    PRACTICE_TOOL_WORDS.iter().find(|t| t.slug == slug)
}

/// Words that mean a reader may be in danger or in pain
/// (`content/synonyms.toml`): a search with one of them puts `message` and
/// a link to the help page's `anchor` first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CrisisSearch {
    pub words: &'static [&'static str],
    pub message: &'static str,
    pub link: &'static str,
    /// A heading id of the help page, checked at build time; empty for its top.
    pub anchor: &'static str,
}

/// The quiz's plain page, before the app (`route-pages.toml`): `count`
/// says `{n}` and `{total}`.
pub struct PlainQuiz {
    pub start: &'static str,
    pub count: &'static str,
    pub back: &'static str,
    pub next: &'static str,
    pub end_heading: &'static str,
    pub end: &'static str,
    /// The choice between two runs: says `{new}`, `{new_about}`,
    /// `{earlier}` and `{earlier_about}`; the counts are `one_statement` or
    /// `statements` (with `{n}`).
    pub choose: &'static str,
    pub one_statement: &'static str,
    pub statements: &'static str,
    pub choose_new: &'static str,
    pub choose_earlier: &'static str,
}

/// Breathing's plain page, before the app (`route-pages.toml`).
pub struct PlainBreath {
    pub start: &'static str,
    pub heading: &'static str,
    pub note: &'static str,
    pub stop: &'static str,
}

/// The quiz's care words (`route-pages.toml`): on its intro and every result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuizCare {
    pub afraid: &'static str,
    pub afraid_link: &'static str,
    pub loss: &'static str,
    pub grief: &'static str,
    pub grief_link: &'static str,
    pub unsure_heading: &'static str,
    pub unsure: &'static str,
}

/// The couples' safety note, if the tool `slug` is one meant for couples.
pub fn couple_safety(slug: &str) -> Option<&'static str> {
    COUPLE_SAFETY
        .tools
        .contains(&slug)
        .then_some(COUPLE_SAFETY.note)
}

/// The note shown first on the tool `slug`: the couples' note, or the
/// tool's own safety note.
pub fn safety_note(slug: &str) -> Option<&'static str> {
    couple_safety(slug).or_else(|| tool_words(slug).and_then(|w| w.safety))
}

pub fn dimension_words(dimension: Dimension) -> &'static DimensionWords {
    &DIMENSION_WORDS[dimension as usize]
}

impl DimensionWords {
    /// The words for a score at this level.
    pub fn at(&self, level: crate::domain::quiz::Level) -> &'static str {
        use crate::domain::quiz::Level;
        match level {
            Level::Low => self.low,
            Level::Middle => self.middle,
            Level::High => self.high,
        }
    }
}

pub fn region_words(region: Region) -> &'static RegionWords {
    &REGION_WORDS[region.index()]
}

/// What two points side by side tend to mean, from `results.toml`'s
/// `[pair.*]` (every pattern has words: the build checks it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PairWords {
    /// `PairPattern::key`.
    pub key: &'static str,
    pub heading: &'static str,
    pub paragraphs: &'static [&'static str],
    /// (title, app path), checked at build time.
    pub links: &'static [(&'static str, &'static str)],
}

pub fn pair_words(pattern: crate::domain::share::PairPattern) -> &'static PairWords {
    PAIR_WORDS
        .iter()
        .find(|w| w.key == pattern.key())
        .unwrap_or(&PAIR_WORDS[0])
}

/// The article served at `learn/<slug>`.
pub fn article(slug: &str) -> Option<&'static Article> {
    ARTICLES.iter().find(|a| a.slug == slug)
}

/// The standalone page served at `<slug>` (for example `help`).
pub fn page(slug: &str) -> Option<&'static Article> {
    PAGES.iter().find(|a| a.slug == slug)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pair_pattern_has_its_own_words() {
        use crate::domain::share::PairPattern;
        for p in PairPattern::ALL {
            assert_eq!(pair_words(p).key, p.key());
        }
        assert_eq!(PAIR_WORDS.len(), PairPattern::ALL.len());
        let pw = pair_words(PairPattern::PursueWithdraw);
        assert!(pw.paragraphs.iter().any(|p| p.contains("pursue-withdraw")));
        assert!(pw.links.iter().any(|(_, href)| *href == "practice/repair"));
    }

    #[test]
    fn the_words_people_type_find_the_articles_about_them() {
        use crate::domain::library::{Searchable, index_stems, index_terms, search};
        let terms: Vec<(String, String)> = ARTICLES
            .iter()
            .map(|a| {
                let t = index_terms(a.html);
                let s = index_stems(&t);
                (t, s)
            })
            .collect();
        let index: Vec<Searchable<'_>> = ARTICLES
            .iter()
            .zip(&terms)
            .map(|(a, (terms, stems))| Searchable {
                title: a.title,
                summary: a.summary,
                terms,
                stems,
            })
            .collect();
        for (typed, slug) in [
            ("clingy", "anxious-attachment"),
            ("needy", "anxious-attachment"),
            ("ghosting", "avoidant-attachment"),
            ("pulls away", "avoidant-attachment"),
            ("shuts down", "avoidant-attachment"),
            ("jealous", "secure-attachment"),
            ("abandonment", "anxious-attachment"),
            ("push-pull", "fearful-avoidant-attachment"),
            ("hot and cold", "fearful-avoidant-attachment"),
            ("trust issues", "anxious-attachment"),
            ("pursuer", "anxious-attachment"),
            ("pursues", "anxious-attachment"),
        ] {
            let found: Vec<&str> = search(&index, typed, SYNONYMS)
                .into_iter()
                .map(|i| ARTICLES[i].slug)
                .collect();
            assert!(found.contains(&slug), "{typed:?} found {found:?}");
        }
    }

    #[test]
    fn the_crisis_page_exists() {
        let help = page(crate::routes::HELP).expect("content/pages/help.md");
        assert!(
            help.html.contains("988"),
            "the help page lists the 988 lifeline"
        );
    }

    #[test]
    fn the_help_page_puts_every_place_first_and_keeps_the_others() {
        use crate::domain::help::{Place, reading_order, reorder_help};
        let help = page(crate::routes::HELP).unwrap();
        let safe = format!(
            "<h2 id=\"{}\">",
            crate::components::practice::SAFE_WITH_SOMEONE
        );
        assert!(help.html.contains(&safe), "{safe}");
        // The fixed order is the page as written: the app shows it unchanged.
        assert_eq!(
            reorder_help(help.html, &reading_order(None)).as_deref(),
            Some(help.html)
        );
        let headings = |html: &str| {
            let mut h: Vec<String> = html
                .match_indices("<h")
                .map(|(i, _)| html[i..i + html[i..].find('>').unwrap()].to_string())
                .collect();
            h.sort();
            h
        };
        for first in Place::FIXED_ORDER {
            let html = reorder_help(help.html, &reading_order(Some(first)))
                .unwrap_or_else(|| panic!("{first:?}: help.md's sections are not as expected"));
            assert_eq!(html.len(), help.html.len(), "{first:?}");
            assert_eq!(headings(&html), headings(help.html), "{first:?}");
            let at = |level: u8, id: &str| {
                html.find(&format!("<h{level} id=\"{id}\">"))
                    .unwrap_or_else(|| panic!("help.md has no <h{level}> `{id}`"))
            };
            let crisis = at(2, first.crisis_id());
            let abuse = first.abuse_id().map(|id| at(3, id));
            for other in Place::FIXED_ORDER.iter().filter(|p| **p != first) {
                assert!(
                    crisis < at(2, other.crisis_id()),
                    "{first:?} before {other:?}"
                );
                if let (Some(abuse), Some(id)) = (abuse, other.abuse_id()) {
                    assert!(
                        abuse < at(3, id),
                        "{first:?}'s abuse lines before {other:?}'s"
                    );
                }
            }
        }
    }

    #[test]
    fn related_articles_resolve() {
        for a in ARTICLES {
            for r in a.related {
                assert!(article(r).is_some(), "{} relates to missing {r}", a.slug);
            }
        }
    }

    #[test]
    fn the_item_bank_is_the_full_balanced_bank() {
        use crate::domain::quiz::answers_needed;
        assert_eq!(QUIZ_ITEMS.len(), 36);
        for d in Dimension::ALL {
            assert_eq!(QUIZ_ITEMS.iter().filter(|i| i.dimension == d).count(), 18);
            assert_eq!(answers_needed(QUIZ_ITEMS, d), 9);
        }
        // The two dimensions alternate, so a run stopped half-way still
        // touches both.
        assert!(
            QUIZ_ITEMS
                .windows(2)
                .all(|w| w[0].dimension != w[1].dimension)
        );
    }

    /// Every statement, as a person reads it for each of the four foci, with
    /// the slips a substitution can make: a placeholder left over, an article
    /// before the focus ("a my partner", "a people"), a word doubled at the
    /// seam ("to to", "someone someone"), a plural verb after the singular
    /// general focus, a missing capital or full stop.
    #[test]
    fn every_statement_reads_cleanly_for_every_focus() {
        use crate::domain::quiz::Focus;
        let mut problems = Vec::new();
        for item in QUIZ_ITEMS {
            for focus in Focus::ALL {
                let s = item.statement(focus);
                let mut say =
                    |why: &str| problems.push(format!("{} ({focus:?}): {why}: {s}", item.id));
                if s.contains(['{', '}']) {
                    say("a placeholder is left");
                }
                if !s.starts_with(|c: char| c.is_uppercase()) || !s.ends_with('.') {
                    say("a sentence starts with a capital and ends with a full stop");
                }
                let lower = s.to_lowercase();
                let words: Vec<&str> = lower
                    .split(|c: char| !(c.is_alphanumeric() || c == '\''))
                    .filter(|w| !w.is_empty())
                    .collect();
                if let Some(w) = words.windows(2).find(|w| w[0] == w[1]) {
                    say(&format!("\"{}\" is doubled", w[0]));
                }
                let person = focus.person().to_lowercase();
                for article in ["a", "an", "the"] {
                    if lower.contains(&format!(" {article} {person}"))
                        || lower.starts_with(&format!("{article} {person}"))
                    {
                        say(&format!("\"{article}\" before the focus"));
                    }
                }
                if lower.contains(&format!("{person}'s")) {
                    say("a possessive of the focus");
                }
                // The focus as subject takes a singular verb ("someone I'm
                // close to seems", never "seem").
                for plural in ["seem", "want", "need", "say", "are", "have", "were", "do"] {
                    if lower.contains(&format!("{person} {plural} ")) {
                        say(&format!("a plural verb \"{plural}\" after the focus"));
                    }
                }
                if lower.contains("people") || lower.contains(" a people") {
                    say("\"people\" where the focus is one person");
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        // And the general focus is singular, like the others.
        assert_eq!(Focus::General.person(), "someone I'm close to");
    }

    // The first bank (version 1, ids anx-01 to avo-18) was retired.
    const _: () = assert!(BANK_VERSION >= 2);

    /// The build checks facets and twins in items.toml; this checks that the
    /// compiled bank carries them to the domain the same way.
    #[test]
    fn every_facet_is_covered_and_every_twin_is_a_forward_statement_on_its_facet() {
        let facets = [
            Facet::Abandonment,
            Facet::Rejection,
            Facet::Reassurance,
            Facet::Preoccupation,
            Facet::MoreCloseness,
            Facet::Closeness,
            Facet::Depending,
            Facet::DependedOn,
            Facet::OpeningUp,
            Facet::SelfReliance,
        ];
        for f in facets {
            let of_facet: Vec<&Item> = QUIZ_ITEMS.iter().filter(|i| i.facet == f).collect();
            assert!(of_facet.len() >= 2, "{f:?}");
            assert!(
                of_facet.iter().all(|i| i.dimension == f.dimension()),
                "{f:?}"
            );
        }
        for item in QUIZ_ITEMS {
            assert_eq!(item.reversed, item.twin.is_some(), "{}", item.id);
            if let Some(twin) = item.twin {
                let twin = QUIZ_ITEMS.iter().find(|i| i.id == twin).unwrap();
                assert!(!twin.reversed && twin.facet == item.facet, "{}", item.id);
            }
        }
        // No id of the retired first bank (anx-01 ... avo-18) is reused, so
        // an old answer can never be read against new wording.
        assert!(
            QUIZ_ITEMS
                .iter()
                .all(|i| !i.id.starts_with("anx-") && !i.id.starts_with("avo-"))
        );
    }

    /// The same fixture drives the end-to-end quiz test, so the numbers on
    /// screen are checked against this computation.
    #[test]
    fn the_shared_answer_pattern_gives_the_expected_scores() {
        use crate::domain::quiz::{Answer, score};
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/quiz-pattern.json"
        ))
        .unwrap();
        let fixture: serde_json::Value = serde_json::from_str(&text).unwrap();
        let answers = fixture["answers"].as_array().unwrap();
        assert_eq!(answers.len(), QUIZ_ITEMS.len());
        let map = QUIZ_ITEMS
            .iter()
            .zip(answers)
            .map(|(item, a)| {
                (
                    item.id.to_string(),
                    Answer::new(a.as_u64().unwrap() as u8).unwrap(),
                )
            })
            .collect();
        let scores = score(QUIZ_ITEMS, &map).unwrap();
        assert_eq!(scores.anxiety.to_string(), fixture["expected"]["anxiety"]);
        assert_eq!(
            scores.avoidance.to_string(),
            fixture["expected"]["avoidance"]
        );
    }

    #[test]
    fn progress_content_matches_the_domain() {
        use crate::domain::insights::{SIGN_COUNT, StarterPlan};
        assert_eq!(SELF_CHECK_SIGNS.len(), SIGN_COUNT);
        assert_eq!(SELF_CHECK_SCALE.len(), 5);
        assert_eq!(STARTER_PLAN.len(), usize::from(StarterPlan::STEPS));
    }

    #[test]
    fn every_region_has_words_and_a_plan() {
        for r in Region::ALL {
            let w = region_words(r);
            assert!(article(w.article).is_some(), "{r:?}");
            assert_eq!(w.plan.len(), 4);
            assert_eq!(w.next_steps.len(), 3);
            for p in w.plan.iter().flat_map(|week| week.practices) {
                assert_eq!(p.tool.is_some(), p.tool().is_some(), "{:?}", p.tool);
            }
            // Every plan names at least one tool to try.
            assert!(
                w.plan
                    .iter()
                    .flat_map(|week| week.practices)
                    .any(|p| p.tool.is_some())
            );
        }
    }

    #[test]
    fn practice_content_matches_the_domain() {
        use crate::domain::practice::activated::ActivatedStep;
        use crate::domain::practice::repair::pieces;
        for tool in crate::routes::Tool::ALL {
            assert!(tool_words(tool.slug()).is_some(), "{tool:?}");
        }
        for need in PRACTICE_NEEDS {
            for slug in need.tools {
                assert!(tool_words(slug).is_some(), "{slug}");
            }
        }
        for script in &REPAIR_SCRIPTS {
            for line in script.template {
                assert!(pieces(line).is_ok(), "{line}");
            }
        }
        for (step, words) in ActivatedStep::ALL.iter().zip(&ACTIVATED_STEPS) {
            assert_eq!(step.id(), words.id);
        }
        assert!(!BODY_SCAN.is_empty());
    }

    #[test]
    fn starter_library_is_not_empty() {
        assert!(ARTICLES.len() >= 2);
    }
}
