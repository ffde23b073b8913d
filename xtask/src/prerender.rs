//! Static pages for every article and for the help page, written into the
//! release from the same markdown the app embeds.
//!
//! Why: someone who opens an article link, or the help page in a hurry, sees
//! its words at first paint instead of after the wasm has loaded and
//! started; the words are there with JavaScript off and for search engines.
//! The app replaces the page on start with the same view
//! (`src/pages/learn.rs` `ArticleView`, `src/pages/help.rs` `Help`), so the
//! markup here must stay alike to those, or the page would move when the app
//! takes over.
//!
//! GitHub Pages answers `/learn/x` with `learn/x.html` when it exists. A
//! `learn/` folder would make Pages redirect `/learn` to `/learn/`, so the
//! library's own route gets `learn.html` and `learn/index.html`, plain copies
//! of the shell that the app routes as usual.

use std::fs;
use std::path::Path;

use content_pipeline::{DocKind, Document};

/// The shell's markers this rewrites; a change to `index.html` that removes
/// one fails the build here instead of writing a wrong page.
const TITLE: &str = "<title>Steady</title>";
const DESCRIPTION: &str = "<meta name=\"description\" content=\"";
const LEARN_LINK: &str = "<li><a href=\"learn\">Learn</a></li>";
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
    write("learn.html".into(), shell.to_string())?;
    write("learn/index.html".into(), shell.to_string())?;
    Ok(written)
}

/// One document's page: the shell with its title, description, current
/// section and main content.
fn page(shell: &str, doc: &Document, all: &[Document]) -> Result<String, String> {
    let mut html = replace_once(
        shell,
        TITLE,
        &format!("<title>{} · Steady</title>", text(&doc.title)),
    )?;
    if !doc.summary.is_empty() {
        let start = html
            .find(DESCRIPTION)
            .ok_or("index.html: no meta description")?
            + DESCRIPTION.len();
        let end = start
            + html[start..]
                .find('"')
                .ok_or("index.html: unterminated meta description")?;
        html.replace_range(start..end, &attr(&doc.summary));
    }
    // "#main" would resolve against <base>, i.e. the home page.
    html = replace_once(
        &html,
        SKIP_LINK,
        &format!(
            "<a class=\"skip-link\" href=\"{}#main\">",
            attr(&doc.route())
        ),
    )?;
    if doc.kind == DocKind::Article {
        html = replace_once(
            &html,
            LEARN_LINK,
            "<li><a href=\"learn\" aria-current=\"page\">Learn</a></li>",
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
    html.replace_range(open..close, &main_content(doc, all));
    Ok(html)
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
}
