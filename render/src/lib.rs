//! The static pages of a release, from the app's own views; see main.rs.

use std::fs;
use std::path::Path;

use leptos::prelude::*;
use steady::routes::{ROUTES, Tool, WhileLocked};
use steady::views::frame::{NeedsApp, StaticFrame};
use steady::views::practice::{PLAIN_BREATH_CSS, plain_breath_css};
use steady::views::statics::{StaticPage, static_pages};

/// The shell's markers this fills; a change to `index.html` that removes
/// one fails the build here instead of writing a wrong page.
const TITLE: &str = "<title>Steady</title>";
const DESCRIPTION: &str = "<meta name=\"description\" content=\"";
const APP: &str = "<div id=\"app\"></div>";
const BASE: &str = "<base href=\"";

/// Writes every static page, `404.html` and `routes.json` into `folder`,
/// from its `index.html`. Returns the pages' paths, relative to `folder`.
pub fn write_release(folder: &Path) -> Result<Vec<String>, String> {
    let shell = fs::read_to_string(folder.join("index.html"))
        .map_err(|e| format!("reading index.html: {e}"))?;
    steady::browser::paths::init(base_href(&shell));
    let mut written = Vec::new();
    let mut listed = Vec::new();
    let pages = static_pages();
    for page in &pages {
        let html = page_html(&shell, page)?;
        let mut files = vec![file_of(&page.route)];
        let under = format!("{}/", page.route);
        if !page.route.is_empty() && pages.iter().any(|p| p.route.starts_with(&under)) {
            files.push(format!("{under}index.html"));
        }
        for file in &files {
            write(folder, file, &html)?;
        }
        listed.push(serde_json::json!({
            "route": page.route,
            "title": page.title,
            "file": files[0],
        }));
        written.extend(files);
    }
    // Pages answers any other path with 404.html: the frame, whose app then
    // routes the link itself (a saved result, or "not found").
    let not_found = fill(
        &shell,
        "",
        "",
        &render(|| view! { <StaticFrame route=None><NeedsApp what="this page" /></StaticFrame> }),
    )?;
    write(folder, "404.html", &not_found)?;
    write(folder, PLAIN_BREATH_CSS, &plain_breath_css())?;
    write(folder, "routes.json", &routes_json(&listed))?;
    Ok(written)
}

/// The file a route's page is written to: `quiz.html`, `index.html` for home.
fn file_of(route: &str) -> String {
    if route.is_empty() {
        "index.html".into()
    } else {
        format!("{route}.html")
    }
}

fn write(folder: &Path, file: &str, html: &str) -> Result<(), String> {
    let path = folder.join(file);
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    }
    fs::write(&path, html).map_err(|e| format!("writing {file}: {e}"))
}

/// The base path Trunk wrote into the shell.
fn base_href(shell: &str) -> Option<&str> {
    let start = shell.find(BASE)? + BASE.len();
    let end = start + shell[start..].find('"')?;
    Some(&shell[start..end])
}

/// Renders a view to HTML, natively, under an owner of its own.
fn render<V: IntoView + 'static>(view: impl FnOnce() -> V) -> String {
    let owner = Owner::new();
    owner.with(|| view().into_view().to_html())
}

/// One page: the shell with its title, description and the frame around
/// its main view.
pub fn page_html(shell: &str, page: &StaticPage) -> Result<String, String> {
    let route = page.route.clone();
    let body = render(|| {
        let main = (page.main)();
        view! { <StaticFrame route=Some(route)>{main}</StaticFrame> }
    });
    let html = fill(shell, page.title, page.description, &body)?;
    // Only a page showing the plain breath guide needs its timings.
    if body.contains("class=\"plain-breath\"") {
        let link = format!("<link rel=\"stylesheet\" href=\"{PLAIN_BREATH_CSS}\">\n</head>");
        return replace_once(&html, "</head>", &link);
    }
    Ok(html)
}

fn fill(shell: &str, title: &str, description: &str, body: &str) -> Result<String, String> {
    let title = if title.is_empty() {
        TITLE.to_string()
    } else {
        format!("<title>{} · Steady</title>", text(title))
    };
    let mut html = replace_once(shell, TITLE, &title)?;
    if !description.is_empty() {
        let start = html
            .find(DESCRIPTION)
            .ok_or("index.html: no meta description")?
            + DESCRIPTION.len();
        let end = start
            + html[start..]
                .find('"')
                .ok_or("index.html: unterminated meta description")?;
        html.replace_range(start..end, &text(description).replace('"', "&quot;"));
    }
    replace_once(&html, APP, &format!("<div id=\"app\">{body}</div>"))
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

/// The route table and the pages written, for the end-to-end tests (which
/// read this rather than the Rust source).
fn routes_json(pages: &[serde_json::Value]) -> String {
    let routes: Vec<_> = ROUTES
        .iter()
        .map(|r| {
            serde_json::json!({
                "path": r.path,
                "chunk": r.chunk,
                "whileLocked": match r.locked {
                    WhileLocked::Opens => "opens",
                    WhileLocked::Shows(_) => "shows",
                    WhileLocked::AsksPassphrase => "asks",
                },
                "nav": r.nav,
            })
        })
        .collect();
    let tools: Vec<_> = Tool::ALL
        .iter()
        .map(|t| {
            serde_json::json!({
                "slug": t.slug(),
                "name": t.name(),
                "inTheMoment": t.in_the_moment(),
                "safety": steady::content::safety_note(t.slug()),
                "couples": steady::content::couple_safety(t.slug()).is_some(),
            })
        })
        .collect();
    serde_json::to_string_pretty(&serde_json::json!({
        "routes": routes,
        "tools": tools,
        "pages": pages,
    }))
    .expect("plain JSON values")
}

#[cfg(test)]
mod tests {
    use super::*;
    use steady::routes::{StaticView, route_of};

    const SHELL: &str = "<html><head><base href=\"/s/\"><title>Steady</title>\
        <meta name=\"description\" content=\"The app.\"></head><body>\
        <div id=\"app\"></div></body></html>";

    /// Every test sets the same base before anything reads it: the base is
    /// set once per process, and tests run in parallel in one.
    fn base() {
        steady::browser::paths::init(base_href(SHELL));
    }

    fn rendered() -> Vec<(StaticPage, String)> {
        base();
        static_pages()
            .into_iter()
            .map(|p| {
                let html = page_html(SHELL, &p).unwrap_or_else(|e| panic!("{}: {e}", p.route));
                (p, html)
            })
            .collect()
    }

    /// Every route of the table with a static view has its page, and every
    /// page is of a route the router knows.
    #[test]
    fn every_static_route_has_a_page_and_every_page_a_route() {
        base();
        let pages = static_pages();
        for route in ROUTES.iter().filter(|r| r.statics != StaticView::None) {
            assert!(
                pages
                    .iter()
                    .any(|p| route_of(&p.route).is_some_and(|r| r.path == route.path)),
                "no static page for {}",
                route.path
            );
        }
        for page in &pages {
            assert!(
                route_of(&page.route).is_some(),
                "{} is routed nowhere",
                page.route
            );
        }
        for tool in Tool::ALL {
            assert!(
                pages
                    .iter()
                    .any(|p| p.route == format!("practice/{}", tool.slug())),
                "{tool:?}"
            );
        }
    }

    #[test]
    fn each_page_has_its_title_one_heading_and_the_frame() {
        for (page, html) in rendered() {
            let r = &page.route;
            assert_eq!(html.matches("<h1").count(), 1, "{r}");
            if !page.title.is_empty() {
                assert!(
                    html.contains(&format!("<title>{} · Steady</title>", text(page.title))),
                    "{r}"
                );
                assert!(
                    !html.contains("content=\"The app.\""),
                    "{r}: keeps the shell's description"
                );
            }
            assert!(
                html.contains("href=\"/s/help\" class=\"help-link\""),
                "{r}: help one step away"
            );
            assert!(html.contains("Self-reflection, not a diagnosis."), "{r}");
            assert!(
                html.contains(&format!("href=\"/s/{r}#main\"")),
                "{r}: the skip link"
            );
            assert!(!html.contains("<script"), "{r}: a view wrote a script");
        }
    }

    /// A tool's static page says first what the app says first: its safety
    /// note (the couples' note, or the tool's own) and its care line.
    #[test]
    fn each_tool_page_carries_its_safety_note_and_care_line() {
        let pages = rendered();
        for tool in Tool::ALL {
            let (_, html) = pages
                .iter()
                .find(|(p, _)| p.route == format!("practice/{}", tool.slug()))
                .expect("a page per tool");
            let h1 = html.find("<h1").expect("a heading");
            if let Some(note) = steady::content::safety_note(tool.slug()) {
                let at = html
                    .find(&text(note))
                    .unwrap_or_else(|| panic!("{tool:?}: no safety note"));
                assert!(at > h1, "{tool:?}: the note follows the heading");
            }
            assert!(html.contains("class=\"care-line\""), "{tool:?}");
            assert_eq!(
                html.contains("Why this helps"),
                tool.in_the_moment(),
                "{tool:?}"
            );
        }
    }

    #[test]
    fn a_shell_without_its_markers_fails_loudly() {
        base();
        let page = static_pages().into_iter().next().expect("pages");
        let err = page_html("<html><title>Other</title></html>", &page).unwrap_err();
        assert!(err.contains("<title>Steady</title>"), "{err}");
    }
}
