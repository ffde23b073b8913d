//! Static pages for every article, the help page, every fixed route and
//! every practice tool, written into the release from the same content the
//! app embeds (the markdown, `content/route-pages.toml` and
//! `content/practice/tools.toml`).
//!
//! Why: someone who opens an article link, or the help page in a hurry, sees
//! its words at first paint instead of after the wasm has loaded and
//! started; the words are there with JavaScript off and for search engines.
//! The app replaces the page on start with the same view
//! (`src/pages/learn.rs` `ArticleView`, `src/pages/help.rs` `Help`), so the
//! markup here must stay alike to those, or the page would move when the app
//! takes over. A route's page holds the opening the app renders first (its
//! `<h1>`, lead and explanations) and says, with JavaScript off, what needs
//! the app; every route so answers 200 on Pages instead of the 404 page.
//!
//! GitHub Pages answers `/learn/x` with `learn/x.html` when it exists. A
//! `learn/` folder may make Pages redirect `/learn` to `/learn/`, so the
//! library's own page is written as `learn.html` and `learn/index.html`, and
//! the practice hub likewise.

use std::fs;
use std::path::Path;

use content_pipeline::{DocKind, Document};

use crate::routes::{SECTIONS, STATIC_ROUTES, Tool};

/// The shell's markers this rewrites; a change to `index.html` that removes
/// one fails the build here instead of writing a wrong page.
const TITLE: &str = "<title>Steady</title>";
const DESCRIPTION: &str = "<meta name=\"description\" content=\"";
const MAIN_OPEN: &str = "<main id=\"main\" class=\"wrap\" tabindex=\"-1\">";
const MAIN_CLOSE: &str = "</main>";
const SKIP_LINK: &str = "<a class=\"skip-link\" href=\"#main\">";

/// Writes the static pages into `staging` from `shell` (the finished
/// `index.html`) and the documents under `content_dir`. Returns the paths
/// written, relative to `staging`.
pub fn write_pages(staging: &Path, shell: &str, content_dir: &Path) -> Result<Vec<String>, String> {
    let (docs, problems) = content_pipeline::documents(content_dir);
    if let Some(p) = problems.first() {
        // build.rs has already refused broken content; this is a backstop.
        return Err(format!("content: {p}"));
    }
    let mut written = Vec::new();
    let mut write = |path: String, html: String| -> Result<(), String> {
        let file = staging.join(&path);
        if let Some(dir) = file.parent() {
            fs::create_dir_all(dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
        }
        fs::write(&file, html).map_err(|e| format!("writing {path}: {e}"))?;
        written.push(path);
        Ok(())
    };
    for doc in &docs {
        let html = page(shell, doc, &docs)?;
        write(format!("{}.html", doc.route()), html)?;
    }
    for (path, html) in route_pages(shell, content_dir, &docs)? {
        write(path, html)?;
    }
    Ok(written)
}

/// One document's page: the shell with its title, description, current
/// section and main content.
fn page(shell: &str, doc: &Document, all: &[Document]) -> Result<String, String> {
    let section = (doc.kind == DocKind::Article).then_some("learn");
    fill(
        shell,
        &Fill {
            route: &doc.route(),
            title: &doc.title,
            description: &doc.summary,
            section,
            main: &main_content(doc, all),
        },
    )
}

/// What one static page puts into the shell.
struct Fill<'a> {
    /// The route, relative to the base (`quiz`, `practice/wait`).
    route: &'a str,
    /// Plain text; the `<title>` is "{title} · Steady".
    title: &'a str,
    /// Plain text; empty keeps the shell's description.
    description: &'a str,
    /// The header section to mark as current, as the shell does.
    section: Option<&'a str>,
    /// HTML for inside `<main>`.
    main: &'a str,
}

fn fill(shell: &str, f: &Fill) -> Result<String, String> {
    let mut html = replace_once(
        shell,
        TITLE,
        &format!("<title>{} · Steady</title>", text(f.title)),
    )?;
    if !f.description.is_empty() {
        let start = html
            .find(DESCRIPTION)
            .ok_or("index.html: no meta description")?
            + DESCRIPTION.len();
        let end = start
            + html[start..]
                .find('"')
                .ok_or("index.html: unterminated meta description")?;
        html.replace_range(start..end, &attr(f.description));
    }
    // "#main" would resolve against <base>, i.e. the home page.
    html = replace_once(
        &html,
        SKIP_LINK,
        &format!("<a class=\"skip-link\" href=\"{}#main\">", attr(f.route)),
    )?;
    if let Some(section) = f.section {
        let label = SECTIONS
            .iter()
            .find(|s| s.route == section)
            .ok_or_else(|| format!("`{section}` is not a header section"))?
            .label;
        html = replace_once(
            &html,
            &format!("<li><a href=\"{section}\">{label}</a></li>"),
            &format!("<li><a href=\"{section}\" aria-current=\"page\">{label}</a></li>"),
        )?;
    }
    let open = html
        .find(MAIN_OPEN)
        .ok_or("index.html: no <main> to fill")?
        + MAIN_OPEN.len();
    let close = open
        + html[open..]
            .find(MAIN_CLOSE)
            .ok_or("index.html: <main> is not closed")?;
    html.replace_range(open..close, f.main);
    Ok(html)
}

/// The line that says what needs the app, shown only with JavaScript off.
fn needs_javascript(what: &str) -> String {
    format!(
        "<noscript><p class=\"noscript-note\">This part needs JavaScript: {what} runs inside your browser, \
         so nothing you write leaves this device. Turn JavaScript on for this site and reload to use it. \
         The <a href=\"learn\">library</a> and <a href=\"help\">help</a> read without it.</p></noscript>"
    )
}

/// The static pages of the fixed routes and the practice tools, each with
/// the opening the app renders first (same words, same markup), so the
/// app's start moves nothing: `QuizPage`'s intro, `Practice`, `ToolPage`,
/// `JournalPage`, `ProgressPage`, `ReportPage` without a result, `DataPage`.
fn route_pages(
    shell: &str,
    content_dir: &Path,
    docs: &[Document],
) -> Result<Vec<(String, String)>, String> {
    let static_routes: Vec<&str> = STATIC_ROUTES.to_vec();
    let words = content_pipeline::route_words(content_dir, &static_routes).map_err(problems)?;
    let (tools, needs) = content_pipeline::tool_intros(content_dir).map_err(problems)?;
    let mut out = Vec::new();
    for route in STATIC_ROUTES.iter().filter(|r| !r.is_empty()) {
        let p = words
            .page(route)
            .ok_or_else(|| format!("content/route-pages.toml: no [[page]] for `{route}`"))?;
        let title = text(&p.title);
        let lead = text(&p.lead);
        let main = match *route {
            "quiz" => {
                let mut m = format!(
                    "<h1>{title}</h1><div class=\"quiz-intro\"><p class=\"lead\">{lead}</p><ul class=\"quiz-facts\">"
                );
                for pt in &p.points {
                    if pt.strong.is_empty() {
                        m += &format!("<li>{}</li>", text(&pt.text));
                    } else {
                        m += &format!(
                            "<li><strong>{}</strong> {}</li>",
                            text(&pt.strong),
                            text(&pt.text)
                        );
                    }
                }
                // As `AfraidLine`, straight after the points.
                m += &format!(
                    "</ul><p class=\"care-note safety-note afraid-line\" role=\"note\">{} <a href=\"help#if-you-dont-feel-safe-with-someone\">{}</a></p>",
                    text(&words.quiz_care.afraid),
                    text(&words.quiz_care.afraid_link)
                );
                m + "</div>" + &needs_javascript("the quiz")
            }
            "learn" => {
                // The shelves follow the search box in the app; here they
                // are only for readers without JavaScript, so nothing moves.
                let mut m = format!("<h1>{title}</h1><p class=\"lede\">{lead}</p><noscript>");
                for (topic, shelf) in content_pipeline::SHELF_NAMES {
                    let mut shelf_docs: Vec<&Document> = docs
                        .iter()
                        .filter(|d| d.kind == DocKind::Article && d.topic == *topic)
                        .collect();
                    shelf_docs.sort_by_key(|d| d.order);
                    m += &format!("<h2>{}</h2><ul>", text(shelf));
                    for d in shelf_docs {
                        m += &format!(
                            "<li><a href=\"{}\">{}</a></li>",
                            attr(&d.route()),
                            text(&d.title)
                        );
                    }
                    m += "</ul>";
                }
                m + "<p class=\"noscript-note\">This part needs JavaScript: searching and filtering the library. Every article reads without it.</p></noscript>"
            }
            "report" => format!("<h1>{title}</h1><p>{lead}</p>") + &needs_javascript("the report"),
            "practice" => {
                let mut m = format!(
                    "<h1>{title}</h1><p class=\"lead\">{lead}</p><p class=\"care-note\">{} <a href=\"help\">{}</a>.</p>",
                    text(&p.care),
                    text(&words.care_link)
                );
                m += &needs_javascript("each tool");
                for (n, (need, slugs)) in needs.iter().enumerate() {
                    m += &format!(
                        "<section class=\"practice-need\" aria-labelledby=\"need-{n}\"><h2 id=\"need-{n}\">{}</h2><ul class=\"card-list tool-cards\">",
                        text(need)
                    );
                    for slug in slugs {
                        let name = Tool::from_slug(slug).map_or("", Tool::name);
                        let summary = tools
                            .iter()
                            .find(|t| &t.slug == slug)
                            .map_or("", |t| t.summary.as_str());
                        m += &format!(
                            "<li class=\"card\"><a class=\"tool-link\" href=\"practice/{}\">{}</a><p>{}</p></li>",
                            attr(slug),
                            text(name),
                            text(summary)
                        );
                    }
                    m += "</ul></section>";
                }
                m
            }
            "journal" => {
                format!(
                    "<h1>{title}</h1><p class=\"lead\">{lead}</p><p class=\"care-line\">{} <a href=\"help\">{}</a>.</p>",
                    text(&p.care),
                    text(&words.care_link)
                ) + &needs_javascript("the journal")
            }
            "progress" => {
                format!("<h1>{title}</h1><p class=\"lead\">{lead}</p>")
                    + &needs_javascript("this page")
            }
            "data" => {
                let mut m = format!(
                    "<h1>{title}</h1><p class=\"lede\">{lead}</p><section aria-labelledby=\"origin-heading\"><h2 id=\"origin-heading\">{}</h2>",
                    text(&words.origin.heading)
                );
                for para in &words.origin.paragraphs {
                    m += &format!("<p>{}</p>", text(para));
                }
                m + "</section>" + &needs_javascript("backing up, restoring and erasing")
            }
            "share" => {
                format!("<h1>{title}</h1><p class=\"lead\">{lead}</p>")
                    + &needs_javascript("opening a shared result")
            }
            other => return Err(format!("no static page is defined for the route `{other}`")),
        };
        let section = SECTIONS.iter().any(|s| s.route == *route).then_some(*route);
        let html = fill(
            shell,
            &Fill {
                route,
                title: &p.title,
                description: &p.description,
                section,
                main: &main,
            },
        )?;
        out.push((format!("{route}.html"), html.clone()));
        if matches!(*route, "practice" | "learn") {
            // practice/ and learn/ hold the tools' and articles' pages, so
            // Pages may answer `/practice/` from the folder's index.
            out.push((format!("{route}/index.html"), html));
        }
    }
    for practice_tool in Tool::ALL {
        let (slug, name) = (practice_tool.slug(), practice_tool.name());
        let tool = tools
            .iter()
            .find(|t| t.slug == slug)
            .ok_or_else(|| format!("content/practice/tools.toml: no [[tool]] for `{slug}`"))?;
        let route = format!("practice/{slug}");
        // As `ToolPage`: a tool for a hard moment goes straight from its
        // care line to the tool, and its introduction waits under "Why this
        // helps".
        let action_first = practice_tool.in_the_moment();
        let lead = if action_first {
            String::new()
        } else {
            format!("<p class=\"lead\">{}</p>", text(&tool.intro))
        };
        let why = if action_first {
            format!(
                "<details class=\"why-this-helps\"><summary>Why this helps</summary><p>{}</p></details>",
                text(&tool.intro)
            )
        } else {
            String::new()
        };
        // As `ToolPage`: the safety note comes before anything else.
        let safety = tool.safety.as_ref().map_or(String::new(), |note| {
            format!(
                "<p class=\"care-note safety-note\" role=\"note\">{} <a href=\"help#if-you-dont-feel-safe-with-someone\">If you don\u{2019}t feel safe with someone</a></p>",
                text(note)
            )
        });
        let main = format!(
            "<p class=\"breadcrumb\"><a href=\"practice\">Practice</a></p><h1>{}</h1>{safety}{lead}\
             <p class=\"care-line\">{} <a href=\"help\">{}</a>.</p>{}{why}",
            text(name),
            text(&words.care_line),
            text(&words.care_link),
            needs_javascript("this tool")
        );
        let html = fill(
            shell,
            &Fill {
                route: &route,
                title: name,
                description: &tool.summary,
                section: Some("practice"),
                main: &main,
            },
        )?;
        out.push((format!("{route}.html"), html));
    }
    Ok(out)
}

fn problems(p: Vec<content_pipeline::Diagnostic>) -> String {
    p.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The article as `ArticleView` and `Help` render it.
fn main_content(doc: &Document, all: &[Document]) -> String {
    let title = text(&doc.title);
    let mut out = String::new();
    match doc.kind {
        DocKind::Article => {
            out += "<article class=\"article\"><p class=\"breadcrumb\"><a href=\"learn\">Learn</a></p>";
            out += &format!(
                "<h1>{title}</h1><p class=\"meta\">{} min read</p>",
                doc.reading_minutes()
            );
            out += &format!("<div class=\"prose\">{}</div>", doc.html);
            let related: Vec<&Document> = doc
                .related
                .iter()
                .filter_map(|(slug, _)| {
                    all.iter()
                        .find(|d| d.kind == DocKind::Article && &d.slug == slug)
                })
                .collect();
            if !related.is_empty() {
                out += "<aside class=\"related\" aria-labelledby=\"related-heading\"><h2 id=\"related-heading\">Related reading</h2><ul>";
                for r in related {
                    out += &format!(
                        "<li><a href=\"{}\">{}</a></li>",
                        attr(&r.route()),
                        text(&r.title)
                    );
                }
                out += "</ul></aside>";
            }
            out += "</article>";
        }
        DocKind::Page => {
            out += &format!(
                "<article class=\"article help-page\"><h1>{title}</h1><div class=\"prose\">{}</div></article>",
                doc.html
            );
        }
    }
    out += "<noscript><p class=\"noscript-note\">You can read this page without JavaScript. \
            The quiz, the practice tools and the journal need it: they run inside your browser, \
            so nothing you write leaves this device.</p></noscript>";
    out
}

fn replace_once(html: &str, marker: &str, with: &str) -> Result<String, String> {
    match html.matches(marker).count() {
        1 => Ok(html.replacen(marker, with, 1)),
        n => Err(format!(
            "index.html: expected `{marker}` once, found it {n} times"
        )),
    }
}

/// Escapes text for an element's content.
fn text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Escapes text for a double-quoted attribute.
fn attr(s: &str) -> String {
    text(s).replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHELL: &str = "<html><head><title>Steady</title>\
        <meta name=\"description\" content=\"The app.\"></head><body>\
        <a class=\"skip-link\" href=\"#main\">Skip to content</a>\
        <nav><ul><li><a href=\"./\">Home</a></li><li><a href=\"learn\">Learn</a></li></ul></nav>\
        <main id=\"main\" class=\"wrap\" tabindex=\"-1\"><section class=\"hero\"><h1>Steady</h1></section></main>\
        </body></html>";

    fn doc(kind: DocKind, slug: &str, title: &str, related: &[&str]) -> Document {
        let text = format!(
            "+++\ntitle = {title:?}\nsummary = \"A \\\"quoted\\\" summary & more.\"\ntopic = \"foundations\"\norder = 1\nrelated = {related:?}\n+++\n\nSome words here.\n"
        );
        let mut d = content_pipeline::parse_document(Path::new(&format!("{slug}.md")), &text, kind)
            .unwrap_or_else(|e| panic!("{e:?}"));
        d.slug = slug.to_string();
        d
    }

    #[test]
    fn an_article_page_carries_its_words_title_and_related_reading() {
        let a = doc(DocKind::Article, "a", "Feeling <safe>", &["b"]);
        let b = doc(DocKind::Article, "b", "Second & last", &[]);
        let html = page(SHELL, &a, &[a.clone(), b]).unwrap();
        assert!(
            html.contains("<title>Feeling &lt;safe&gt; · Steady</title>"),
            "{html}"
        );
        assert!(
            html.contains("content=\"A &quot;quoted&quot; summary &amp; more.\""),
            "{html}"
        );
        assert!(
            html.contains("<a href=\"learn\" aria-current=\"page\">Learn</a>"),
            "{html}"
        );
        assert!(html.contains("<h1>Feeling &lt;safe&gt;</h1>"), "{html}");
        assert!(html.contains("<p>Some words here.</p>"), "{html}");
        assert!(
            html.contains("<li><a href=\"learn/b\">Second &amp; last</a></li>"),
            "{html}"
        );
        assert!(!html.contains("hero"), "the home hero is replaced: {html}");
        assert!(
            html.contains("<a class=\"skip-link\" href=\"learn/a#main\">"),
            "{html}"
        );
        assert_eq!(html.matches("<h1>").count(), 1, "{html}");
    }

    #[test]
    fn a_page_is_not_marked_as_part_of_learn() {
        let help = doc(DocKind::Page, "help", "Need help now?", &[]);
        let html = page(SHELL, &help, std::slice::from_ref(&help)).unwrap();
        assert!(
            html.contains("<article class=\"article help-page\"><h1>Need help now?</h1>"),
            "{html}"
        );
        assert!(!html.contains("aria-current"), "{html}");
    }

    #[test]
    fn a_shell_without_its_markers_fails_loudly() {
        let a = doc(DocKind::Article, "a", "A", &[]);
        let err = page("<html><title>Other</title></html>", &a, &[]).unwrap_err();
        assert!(err.contains("<title>Steady</title>"), "{err}");
    }

    #[test]
    fn every_fixed_route_and_tool_gets_a_page_with_its_words() {
        let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
        // The real shell, so a change to its markers fails here too.
        let shell = include_str!("../../index.html");
        let (docs, _) = content_pipeline::documents(&content);
        let pages = route_pages(shell, &content, &docs).unwrap();
        let paths: Vec<&str> = pages.iter().map(|(p, _)| p.as_str()).collect();
        for route in STATIC_ROUTES.iter().filter(|r| !r.is_empty()) {
            assert!(
                paths.contains(&format!("{route}.html").as_str()),
                "{route}: {paths:?}"
            );
        }
        for tool in Tool::ALL {
            let slug = tool.slug();
            let (_, html) = pages
                .iter()
                .find(|(p, _)| *p == format!("practice/{slug}.html"))
                .unwrap_or_else(|| panic!("{slug}"));
            assert!(
                html.contains(&format!("<h1>{}</h1>", text(tool.name()))),
                "{html}"
            );
            assert!(html.contains("<p class=\"care-line\">"), "{html}");
            // A tool for a hard moment keeps its reasons for after the tool.
            assert_eq!(
                html.contains("<summary>Why this helps</summary>"),
                tool.in_the_moment(),
                "{slug}"
            );
            assert!(
                html.contains("aria-current=\"page\">Learn")
                    || html.contains("<li><a href=\"learn\">Learn")
            );
        }
        for (path, html) in &pages {
            assert_eq!(html.matches("<h1>").count(), 1, "{path}");
            assert!(html.contains("This part needs JavaScript"), "{path}");
            assert!(!html.contains("hero"), "{path}");
        }
        let quiz = &pages.iter().find(|(p, _)| p == "quiz.html").unwrap().1;
        assert!(quiz.contains("<p class=\"lead\">36 statements"), "{quiz}");
        assert!(
            quiz.contains("<title>Attachment quiz · Steady</title>"),
            "{quiz}"
        );
    }
}
