//! `content/route-pages.toml`: the opening words of each fixed page (title,
//! description, lead), the practice tools' care line, the shared-origin
//! explanation of "Your data" and the lock's scope. The app gets them as
//! statics, which its views show in the app and on the static pages alike.

use std::fs;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::Diagnostic;
use crate::data_file::{at, line_of, parse};

/// Routes whose words live elsewhere (home's in its view, help's in
/// `content/pages/help.md`), so they have no `[[page]]`.
const COVERED_ELSEWHERE: &[&str] = &["", "help"];

type Text = Spanned<String>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    care_line: Text,
    care_link: Text,
    lock_scope: Text,
    app_wait: AppWaitFile,
    plain_quiz: PlainQuizFile,
    plain_breath: PlainBreathFile,
    origin: OriginFile,
    quiz_care: QuizCareFile,
    page: Spanned<Vec<PageFile>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AppWaitFile {
    loading: Text,
    stalled: Text,
    stalled_help: Text,
    stalled_library: Text,
    stalled_breath: Text,
    stalled_quiz: Text,
    stalled_after: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlainQuizFile {
    start: Text,
    count: Text,
    back: Text,
    next: Text,
    end_heading: Text,
    end: Text,
    choose: Text,
    one_statement: Text,
    statements: Text,
    choose_new: Text,
    choose_earlier: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlainBreathFile {
    start: Text,
    heading: Text,
    note: Text,
    stop: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuizCareFile {
    afraid: Text,
    afraid_link: Text,
    loss: Text,
    grief: Text,
    grief_link: Text,
    unsure_heading: Text,
    unsure: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OriginFile {
    heading: Text,
    paragraphs: Vec<Text>,
    github_pages: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PageFile {
    route: Text,
    title: Text,
    description: Text,
    lead: Text,
    #[serde(default)]
    points: Vec<PointFile>,
    care: Option<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PointFile {
    #[serde(default)]
    strong: Option<Text>,
    text: Text,
}

/// A list item of a page's opening, optionally starting with a bold phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    pub strong: String,
    pub text: String,
}

/// The opening of one fixed route.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoutePage {
    pub route: String,
    pub title: String,
    pub description: String,
    pub lead: String,
    pub points: Vec<Point>,
    /// A care note before the link to help, if the page has one.
    pub care: String,
}

/// What "Your data" says about the shared origin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub heading: String,
    pub paragraphs: Vec<String>,
    pub github_pages: String,
}

/// The quiz's care words: said on its intro (the static page too) and on
/// every result, so a frightened or grieving reader meets them before any
/// style name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizCare {
    /// If you are afraid of the person you answer about...; linked to the
    /// help page's "If you don't feel safe with someone".
    pub afraid: String,
    pub afraid_link: String,
    /// What to choose when the person has died or left your life.
    pub loss: String,
    /// Longing after a loss is grief, not a style; linked to help.
    pub grief: String,
    pub grief_link: String,
    /// Said instead of "Closest style" when the answer check fires.
    pub unsure_heading: String,
    pub unsure: String,
}

/// Everything in `route-pages.toml`, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteWords {
    pub care_line: String,
    pub care_link: String,
    pub lock_scope: String,
    /// The static page's word while the app loads, and if it stalls:
    /// `app_stalled`, links to help, breathing, the quiz and the library, then
    /// `app_stalled_after`.
    pub app_loading: String,
    pub app_stalled: String,
    pub app_stalled_help: String,
    pub app_stalled_library: String,
    pub app_stalled_breath: String,
    pub app_stalled_quiz: String,
    pub app_stalled_after: String,
    /// The quiz's plain page, before the app: Start, each statement's
    /// count (`{n}` of `{total}`), Back, Next, the words after the last,
    /// and the choice between two runs (its question, the counts, its two
    /// buttons).
    pub plain_quiz: [String; 11],
    /// Breathing's plain page: Start, the guide's heading, its note, Stop.
    pub plain_breath: [String; 4],
    pub origin: Origin,
    pub quiz_care: QuizCare,
    pub pages: Vec<RoutePage>,
}

impl RouteWords {
    pub fn page(&self, route: &str) -> Option<&RoutePage> {
        self.pages.iter().find(|p| p.route == route)
    }
}

/// Reads and checks `route-pages.toml` under `content_dir`. `routes` are the
/// app's fixed routes (`routes::fixed_routes()`): each top-level one whose
/// words do not live elsewhere needs exactly one `[[page]]`.
pub fn route_words(content_dir: &Path, routes: &[&str]) -> Result<RouteWords, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let words = read(content_dir, routes, &mut diags);
    match words {
        Some(w) if diags.is_empty() => Ok(w),
        _ => Err(diags),
    }
}

fn read(content_dir: &Path, routes: &[&str], diags: &mut Vec<Diagnostic>) -> Option<RouteWords> {
    let file = content_dir.join("route-pages.toml");
    let text = fs::read_to_string(&file)
        .map_err(|e| diags.push(at(&file, 1, format!("cannot read: {e}"))))
        .ok()?;
    let parsed = parse::<File>(&file, &text, "route pages", diags)?;
    let statements = count_statements(content_dir);
    let before = diags.len();
    let mut plain = |what: &str, t: &Text| -> String {
        let s = t.get_ref();
        let line = line_of(&text, t.span().start);
        if s.trim().is_empty() {
            diags.push(at(&file, line, format!("{what} is empty")));
        } else if s.contains(['<', '>', '[', ']', '*', '`']) {
            diags.push(at(
                &file,
                line,
                format!("{what} is plain text: no markup or links"),
            ));
        }
        s.clone()
    };
    let mut pages = Vec::new();
    for p in parsed.page.get_ref() {
        let lead = plain("lead", &p.lead).replace("{statements}", &statements.to_string());
        pages.push(RoutePage {
            route: p.route.get_ref().clone(),
            title: plain("title", &p.title),
            description: plain("description", &p.description),
            lead,
            points: p
                .points
                .iter()
                .map(|pt| Point {
                    strong: pt
                        .strong
                        .as_ref()
                        .map(|s| plain("strong", s))
                        .unwrap_or_default(),
                    text: plain("point", &pt.text),
                })
                .collect(),
            care: p
                .care
                .as_ref()
                .map(|c| plain("care", c))
                .unwrap_or_default(),
        });
    }
    let words = RouteWords {
        care_line: plain("care_line", &parsed.care_line),
        care_link: plain("care_link", &parsed.care_link),
        lock_scope: plain("lock_scope", &parsed.lock_scope),
        app_loading: plain("app_wait.loading", &parsed.app_wait.loading),
        app_stalled: plain("app_wait.stalled", &parsed.app_wait.stalled),
        app_stalled_help: plain("app_wait.stalled_help", &parsed.app_wait.stalled_help),
        app_stalled_library: plain("app_wait.stalled_library", &parsed.app_wait.stalled_library),
        app_stalled_breath: plain("app_wait.stalled_breath", &parsed.app_wait.stalled_breath),
        app_stalled_quiz: plain("app_wait.stalled_quiz", &parsed.app_wait.stalled_quiz),
        app_stalled_after: plain("app_wait.stalled_after", &parsed.app_wait.stalled_after),
        plain_quiz: {
            let q = &parsed.plain_quiz;
            [
                plain("plain_quiz.start", &q.start),
                plain("plain_quiz.count", &q.count),
                plain("plain_quiz.back", &q.back),
                plain("plain_quiz.next", &q.next),
                plain("plain_quiz.end_heading", &q.end_heading),
                plain("plain_quiz.end", &q.end),
                plain("plain_quiz.choose", &q.choose),
                plain("plain_quiz.one_statement", &q.one_statement),
                plain("plain_quiz.statements", &q.statements),
                plain("plain_quiz.choose_new", &q.choose_new),
                plain("plain_quiz.choose_earlier", &q.choose_earlier),
            ]
        },
        plain_breath: {
            let b = &parsed.plain_breath;
            [
                plain("plain_breath.start", &b.start),
                plain("plain_breath.heading", &b.heading),
                plain("plain_breath.note", &b.note),
                plain("plain_breath.stop", &b.stop),
            ]
        },
        origin: Origin {
            heading: plain("origin heading", &parsed.origin.heading),
            paragraphs: parsed
                .origin
                .paragraphs
                .iter()
                .map(|p| plain("origin paragraph", p))
                .collect(),
            github_pages: plain("github_pages", &parsed.origin.github_pages),
        },
        quiz_care: {
            let q = &parsed.quiz_care;
            QuizCare {
                afraid: plain("quiz_care.afraid", &q.afraid),
                afraid_link: plain("quiz_care.afraid_link", &q.afraid_link),
                loss: plain("quiz_care.loss", &q.loss),
                grief: plain("quiz_care.grief", &q.grief),
                grief_link: plain("quiz_care.grief_link", &q.grief_link),
                unsure_heading: plain("quiz_care.unsure_heading", &q.unsure_heading),
                unsure: plain("quiz_care.unsure", &q.unsure),
            }
        },
        pages,
    };
    let pages_line = line_of(&text, parsed.page.span().start);
    for (i, p) in parsed.page.get_ref().iter().enumerate() {
        let route = p.route.get_ref().as_str();
        let line = line_of(&text, p.route.span().start);
        if !routes.contains(&route) || COVERED_ELSEWHERE.contains(&route) {
            diags.push(at(
                &file,
                line,
                format!("`{route}` is not a fixed route that needs a [[page]]"),
            ));
        }
        if parsed.page.get_ref()[..i]
            .iter()
            .any(|q| q.route.get_ref() == route)
        {
            diags.push(at(&file, line, format!("`{route}` has two [[page]]s")));
        }
    }
    // Only the top-level routes: `practice/<slug>` pages take their words
    // from `practice/tools.toml`.
    for r in routes.iter().filter(|r| !r.contains('/')) {
        if !COVERED_ELSEWHERE.contains(r) && words.page(r).is_none() {
            diags.push(at(
                &file,
                pages_line,
                format!("route `{r}` has no [[page]]"),
            ));
        }
    }
    let q = &parsed.plain_quiz;
    for (key, words, holes) in [
        ("count", &q.count, &["{n}", "{total}"][..]),
        ("statements", &q.statements, &["{n}"][..]),
        (
            "choose",
            &q.choose,
            &["{new}", "{new_about}", "{earlier}", "{earlier_about}"][..],
        ),
    ] {
        if let Some(hole) = holes.iter().find(|h| !words.get_ref().contains(*h)) {
            diags.push(at(
                &file,
                line_of(&text, words.span().start),
                format!("plain_quiz.{key} must say {hole}"),
            ));
        }
    }
    (diags.len() == before).then_some(words)
}

/// How many statements the quiz has, for `{statements}` in its lead.
fn count_statements(content_dir: &Path) -> usize {
    #[derive(Deserialize)]
    struct Items {
        #[serde(default)]
        item: Vec<toml::Value>,
    }
    fs::read_to_string(content_dir.join("quiz/items.toml"))
        .ok()
        .and_then(|t| toml::from_str::<Items>(&t).ok())
        .map_or(0, |i| i.item.len())
}

/// The generated statics for the app.
pub fn compile(content_dir: &Path, routes: &[&str], diags: &mut Vec<Diagnostic>) -> String {
    let Some(w) = read(content_dir, routes, diags) else {
        return String::new();
    };
    let mut code = format!(
        "pub static CARE_LINE: &str = {:?};\npub static CARE_LINK: &str = {:?};\npub static LOCK_SCOPE: &str = {:?};\n",
        w.care_line, w.care_link, w.lock_scope
    );
    for (name, text) in [
        ("APP_LOADING", &w.app_loading),
        ("APP_STALLED", &w.app_stalled),
        ("APP_STALLED_HELP", &w.app_stalled_help),
        ("APP_STALLED_LIBRARY", &w.app_stalled_library),
        ("APP_STALLED_BREATH", &w.app_stalled_breath),
        ("APP_STALLED_QUIZ", &w.app_stalled_quiz),
        ("APP_STALLED_AFTER", &w.app_stalled_after),
    ] {
        code += &format!("pub static {name}: &str = {text:?};\n");
    }
    let [
        start,
        count,
        back,
        next,
        end_heading,
        end,
        choose,
        one_statement,
        statements,
        choose_new,
        choose_earlier,
    ] = &w.plain_quiz;
    code += &format!(
        "pub static PLAIN_QUIZ: PlainQuiz = PlainQuiz {{ start: {start:?}, count: {count:?}, back: {back:?}, next: {next:?}, end_heading: {end_heading:?}, end: {end:?}, choose: {choose:?}, one_statement: {one_statement:?}, statements: {statements:?}, choose_new: {choose_new:?}, choose_earlier: {choose_earlier:?} }};\n"
    );
    let [start, heading, note, stop] = &w.plain_breath;
    code += &format!(
        "pub static PLAIN_BREATH: PlainBreath = PlainBreath {{ start: {start:?}, heading: {heading:?}, note: {note:?}, stop: {stop:?} }};\n"
    );
    code += &format!(
        "pub static ORIGIN: OriginWords = OriginWords {{ heading: {:?}, paragraphs: &{:?}, github_pages: {:?} }};\n",
        w.origin.heading, w.origin.paragraphs, w.origin.github_pages
    );
    let q = &w.quiz_care;
    code += &format!(
        "pub static QUIZ_CARE: QuizCare = QuizCare {{ afraid: {:?}, afraid_link: {:?}, loss: {:?}, grief: {:?}, grief_link: {:?}, unsure_heading: {:?}, unsure: {:?} }};\n",
        q.afraid, q.afraid_link, q.loss, q.grief, q.grief_link, q.unsure_heading, q.unsure
    );
    code += "pub static ROUTE_PAGES: &[RoutePage] = &[\n";
    for p in &w.pages {
        let points: Vec<String> = p
            .points
            .iter()
            .map(|pt| format!("Point {{ strong: {:?}, text: {:?} }}", pt.strong, pt.text))
            .collect();
        code += &format!(
            "    RoutePage {{ route: {:?}, title: {:?}, description: {:?}, lead: {:?}, points: &[{}], care: {:?} }},\n",
            p.route,
            p.title,
            p.description,
            p.lead,
            points.join(", "),
            p.care
        );
    }
    code += "];\n";
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir_with(text: &str) -> tempdir::Dir {
        tempdir::Dir::new(text)
    }

    /// A throwaway content folder with one route-pages.toml.
    mod tempdir {
        use std::path::PathBuf;
        pub struct Dir(pub PathBuf);
        impl Dir {
            pub fn new(text: &str) -> Dir {
                use std::sync::atomic::{AtomicUsize, Ordering};
                static N: AtomicUsize = AtomicUsize::new(0);
                let dir = std::env::temp_dir().join(format!(
                    "steady-route-pages-{}-{}",
                    std::process::id(),
                    N.fetch_add(1, Ordering::Relaxed)
                ));
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(dir.join("route-pages.toml"), text).unwrap();
                Dir(dir)
            }
        }
        impl Drop for Dir {
            fn drop(&mut self) {
                let _ = std::fs::remove_dir_all(&self.0);
            }
        }
    }

    const HEAD: &str = "care_line = \"Care,\"\ncare_link = \"help\"\nlock_scope = \"Scope.\"\n\
        app_wait = { loading = \"L\", stalled = \"S\", stalled_help = \"H\", stalled_library = \"Li\", stalled_breath = \"B\", stalled_quiz = \"Q\", stalled_after = \"A\" }\n\
        plain_quiz = { start = \"S\", count = \"{n} {total}\", back = \"B\", next = \"N\", end_heading = \"EH\", end = \"E\", choose = \"{new} {new_about} {earlier} {earlier_about}\", one_statement = \"1\", statements = \"{n}\", choose_new = \"N\", choose_earlier = \"E\" }\n\
        plain_breath = { start = \"S\", heading = \"H\", note = \"N\", stop = \"St\" }\n\
        [origin]\nheading = \"H\"\nparagraphs = [\"P\"]\ngithub_pages = \"G\"\n\
        [quiz_care]\nafraid = \"A\"\nafraid_link = \"AL\"\nloss = \"L\"\ngrief = \"G\"\ngrief_link = \"GL\"\nunsure_heading = \"UH\"\nunsure = \"U\"\n";

    #[test]
    fn the_real_file_covers_every_fixed_route() {
        let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
        let routes = [
            "", "quiz", "report", "learn", "practice", "journal", "progress", "data", "share",
        ];
        let w = route_words(&content, &routes).unwrap_or_else(|d| panic!("{d:?}"));
        assert!(w.page("quiz").unwrap().lead.starts_with("36 statements"));
    }

    #[test]
    fn a_missing_or_unknown_route_is_reported_with_its_line() {
        let d = dir_with(&format!(
            "{HEAD}[[page]]\nroute = \"nowhere\"\ntitle = \"T\"\ndescription = \"D\"\nlead = \"L\"\n"
        ));
        let errs = route_words(&d.0, &["", "journal"]).unwrap_err();
        let text: Vec<String> = errs
            .iter()
            .map(|e| format!("{}:{}", e.line, e.message))
            .collect();
        assert!(
            text.iter().any(|t| t.starts_with("20:`nowhere` is not")),
            "{text:?}"
        );
        assert!(
            text.iter()
                .any(|t| t.contains("route `journal` has no [[page]]")),
            "{text:?}"
        );
    }

    #[test]
    fn markup_in_the_words_is_refused() {
        let d = dir_with(&format!(
            "{HEAD}[[page]]\nroute = \"journal\"\ntitle = \"T\"\ndescription = \"D\"\nlead = \"<b>L</b>\"\n"
        ));
        let errs = route_words(&d.0, &["journal"]).unwrap_err();
        assert!(errs[0].message.contains("plain text"), "{errs:?}");
        assert_eq!(errs[0].line, 23);
    }
}
