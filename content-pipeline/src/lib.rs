//! Compiles Steady's `content/` folder into Rust source at build time.
//!
//! The app's `build.rs` calls [`compile`]; the result is `include!`d by
//! `src/content.rs`. Markdown becomes HTML here so that no markdown parser ships
//! in the wasm. Every problem is reported as `file:line: message`, and all of
//! them are reported at once, so a writer fixes a batch in one go.
//!
//! Link rules: an internal link is written as an app path, with or without a
//! leading slash (`/learn/secure-attachment`, `help`, `learn/x#heading`). It is
//! emitted *relative to the document's `<base>`* (no leading slash), which Trunk
//! sets to the public URL, so the same HTML works at `/` and at `/steady/`. A
//! fragment-only link (`#heading`) is rewritten to `learn/<slug>#heading`,
//! because with a `<base>` element a bare fragment would resolve to the home page.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

mod checklist;
mod data_file;
mod practice;
mod progress;
mod prose;
mod quiz;
mod route_pages;
mod synonyms;
// The app's own word splitting, so the checks on words (duplicate sentences,
// what a synonym finds) see words exactly as search does.
use steady_domain::words;

pub use route_pages::{Origin, Point, RoutePage, RouteWords, route_words};

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Deserialize;

/// One problem found in the content, pointing at the line to fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: PathBuf,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
    }
}

/// Which kind of document a markdown file is; decides its route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    /// `content/articles/<slug>.md`, served at `learn/<slug>`.
    Article,
    /// `content/pages/<slug>.md`, served at `<slug>` (for example `help`).
    Page,
}

/// The reader-facing name of each shelf, in the order the library shows them.
/// An article sits on exactly one, named by its `topic`.
pub const SHELF_NAMES: &[(&str, &str)] = &[
    ("foundations", "The basics"),
    ("styles", "The styles, from the inside"),
    ("growing", "Growing more secure"),
    ("in-the-moment", "In the moment"),
    ("relationships", "Together: couples and repair"),
    ("support", "Support and sources"),
];

fn topic_keys() -> String {
    let keys: Vec<&str> = SHELF_NAMES.iter().map(|(key, _)| *key).collect();
    keys.join(", ")
}

/// The attachment styles an article can be tagged for.
pub const STYLE_TAGS: &[&str] = &["secure", "anxious", "avoidant", "fearful"];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: String,
    summary: String,
    #[serde(default)]
    slug: Option<String>,
    #[serde(default)]
    topic: Option<String>,
    /// Place on its shelf: lower comes first; unnumbered articles follow by slug.
    #[serde(default)]
    order: Option<u16>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    related: Vec<String>,
}

/// A markdown document after parsing, before links across documents are checked.
#[derive(Debug, Clone)]
pub struct Document {
    pub kind: DocKind,
    pub file: PathBuf,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub topic: String,
    pub order: u16,
    pub tags: Vec<String>,
    pub related: Vec<(String, usize)>,
    pub html: String,
    pub words: usize,
    pub heading_ids: BTreeSet<String>,
    links: Vec<InternalLink>,
}

impl Document {
    /// The app path of this document, relative to the base.
    pub fn route(&self) -> String {
        match self.kind {
            DocKind::Article => format!("learn/{}", self.slug),
            DocKind::Page => self.slug.clone(),
        }
    }

    /// Reading time at an unhurried 200 words a minute, at least one minute.
    pub fn reading_minutes(&self) -> usize {
        self.words.div_ceil(200).max(1)
    }
}

#[derive(Debug, Clone)]
struct InternalLink {
    path: String,
    fragment: Option<String>,
    line: usize,
}

/// Reads and parses every markdown document under `content_dir` (articles
/// and pages), without the checks across documents. The release build's
/// post-build step uses this to write each one as a static page.
pub fn documents(content_dir: &Path) -> (Vec<Document>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut docs = Vec::new();
    for (sub, kind) in [("articles", DocKind::Article), ("pages", DocKind::Page)] {
        let dir = content_dir.join(sub);
        for file in markdown_files(&dir, &mut diags) {
            match fs::read_to_string(&file) {
                Ok(text) => match parse_document(&file, &text, kind) {
                    Ok(doc) => docs.push(doc),
                    Err(mut d) => diags.append(&mut d),
                },
                Err(e) => diags.push(Diagnostic {
                    file: file.clone(),
                    line: 1,
                    message: format!("cannot read file: {e}"),
                }),
            }
        }
    }
    (docs, diags)
}

/// Reads every document under `content_dir` and returns the generated Rust
/// source, or every problem found. `static_routes` are the app's fixed paths
/// (relative to the base, `""` for home) that content may link to.
pub fn compile(content_dir: &Path, static_routes: &[&str]) -> Result<String, Vec<Diagnostic>> {
    let (docs, mut diags) = documents(content_dir);
    check_site(&docs, static_routes, &mut diags);
    let topics = content_dir.join("topics.toml");
    if let Ok(text) = fs::read_to_string(&topics) {
        checklist::check(&topics, &text, &docs, &mut diags);
    }
    let mut data_code = quiz::compile(&content_dir.join("quiz"), &docs, static_routes, &mut diags);
    data_code += &progress::compile(
        &content_dir.join("progress"),
        &docs,
        static_routes,
        &mut diags,
    );
    data_code += &practice::compile(&content_dir.join("practice"), static_routes, &mut diags);
    data_code += &synonyms::compile(&content_dir.join("synonyms.toml"), &docs, &mut diags);
    check_prose(content_dir, &mut diags);
    data_code += &route_pages::compile(content_dir, static_routes, &mut diags);
    if diags.is_empty() {
        Ok(generate(&docs) + &data_code)
    } else {
        diags.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        Err(diags)
    }
}

/// The checks on the words of every content file: citations, sentences
/// written twice, spelling (see `prose.rs`).
fn check_prose(content_dir: &Path, diags: &mut Vec<Diagnostic>) {
    let mut prose = Vec::new();
    let mut ignore = Vec::new();
    for sub in ["articles", "pages"] {
        for file in markdown_files(&content_dir.join(sub), &mut ignore) {
            if let Ok(text) = fs::read_to_string(&file) {
                prose.extend(prose::markdown_prose(&file, &text));
            }
        }
    }
    for sub in ["quiz", "progress", "practice"] {
        let Ok(entries) = fs::read_dir(content_dir.join(sub)) else {
            continue;
        };
        let mut files: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        files.sort();
        for file in files {
            if let Ok(text) = fs::read_to_string(&file) {
                prose.extend(prose::toml_prose(&file, &text));
            }
        }
    }
    let references = content_dir.join(prose::REFERENCES);
    let references_text = fs::read_to_string(&references).unwrap_or_default();
    let refs = prose::parse_references(&references, &references_text, diags);
    prose::check_citations(&prose, &refs, diags);
    prose::check_duplicates(&prose, diags);
    let allowed = spelling_allowed(&content_dir.join("spelling.toml"), diags);
    prose::check_spelling(
        &prose,
        Some((&references, &references_text)),
        &allowed,
        diags,
    );
}

/// `content/spelling.toml`: names and titles that keep their own spelling.
fn spelling_allowed(file: &Path, diags: &mut Vec<Diagnostic>) -> Vec<String> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Allowed {
        allow: Vec<String>,
    }
    let Ok(text) = fs::read_to_string(file) else {
        return Vec::new();
    };
    data_file::parse::<Allowed>(file, &text, "spelling", diags).map_or(Vec::new(), |a| a.allow)
}

fn markdown_files(dir: &Path, diags: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        // A missing folder just means no documents of that kind yet.
        Err(_) => return Vec::new(),
    };
    let mut files = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        match path.extension().and_then(|e| e.to_str()) {
            Some("md") => files.push(path),
            _ => diags.push(Diagnostic {
                file: path,
                line: 1,
                message: "only .md files belong here".into(),
            }),
        }
    }
    files.sort();
    files
}

/// Parses one markdown file with `+++` TOML front matter.
pub fn parse_document(file: &Path, text: &str, kind: DocKind) -> Result<Document, Vec<Diagnostic>> {
    let err = |line: usize, message: String| {
        vec![Diagnostic {
            file: file.to_path_buf(),
            line,
            message,
        }]
    };
    let text = text.replace("\r\n", "\n");
    let Some(rest) = text.strip_prefix("+++\n") else {
        return Err(err(
            1,
            "the file must start with a `+++` line opening the front matter".into(),
        ));
    };
    let Some(end) = rest
        .find("\n+++\n")
        .map(|i| i + 1)
        .or_else(|| rest.strip_suffix("\n+++").map(|r| r.len() + 1))
    else {
        return Err(err(1, "the front matter has no closing `+++` line".into()));
    };
    let front = &rest[..end];
    let body = rest.get(end + 4..).unwrap_or("");
    // Lines before the body: the opening `+++`, the front matter, the closing `+++`.
    let body_first_line = 2 + front.lines().count() + 1;

    let fm: FrontMatter = toml::from_str(front).map_err(|e| {
        let line = e
            .span()
            .map(|s| 2 + front[..s.start].matches('\n').count())
            .unwrap_or(1);
        let msg = e.message().to_string();
        err(line, format!("front matter: {msg}"))
    })?;

    let mut diags = Vec::new();
    let fm_line = |key: &str| {
        front
            .lines()
            .position(|l| l.trim_start().starts_with(key))
            .map(|i| i + 2)
            .unwrap_or(1)
    };
    let stem = file
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_string();
    let slug = fm.slug.clone().unwrap_or(stem);
    if !is_slug(&slug) {
        diags.push(Diagnostic {
            file: file.into(),
            line: fm_line("slug"),
            message: format!("slug `{slug}` may hold only a-z, 0-9 and single dashes"),
        });
    }
    if fm.title.trim().is_empty() {
        diags.push(Diagnostic {
            file: file.into(),
            line: fm_line("title"),
            message: "title is empty".into(),
        });
    }
    if fm.summary.trim().is_empty() {
        diags.push(Diagnostic {
            file: file.into(),
            line: fm_line("summary"),
            message: "summary is empty".into(),
        });
    }
    for tag in &fm.tags {
        if !STYLE_TAGS.contains(&tag.as_str()) {
            diags.push(Diagnostic {
                file: file.into(),
                line: fm_line("tags"),
                message: format!("unknown tag `{tag}`; use one of {STYLE_TAGS:?}"),
            });
        }
    }
    let topic = fm.topic.clone().unwrap_or_default();
    match (kind, topic.as_str()) {
        (DocKind::Page, "") => {}
        (DocKind::Article, "") => diags.push(Diagnostic {
            file: file.into(),
            line: 1,
            message: format!("an article needs a `topic`, one of {}", topic_keys()),
        }),
        (_, t) if !SHELF_NAMES.iter().any(|(key, _)| *key == t) => diags.push(Diagnostic {
            file: file.into(),
            line: fm_line("topic"),
            message: format!("unknown topic `{t}`; use one of {}", topic_keys()),
        }),
        _ => {}
    }
    let related = fm
        .related
        .iter()
        .map(|r| (r.clone(), fm_line("related")))
        .collect();

    let route = match kind {
        DocKind::Article => format!("learn/{slug}"),
        DocKind::Page => slug.clone(),
    };
    let rendered = render_markdown(body, &route, |offset| {
        body_first_line + body[..offset].matches('\n').count()
    });
    for (line, message) in rendered.problems {
        diags.push(Diagnostic {
            file: file.into(),
            line,
            message,
        });
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    Ok(Document {
        kind,
        file: file.to_path_buf(),
        slug,
        title: fm.title,
        summary: fm.summary,
        topic,
        order: fm.order.unwrap_or(u16::MAX),
        tags: fm.tags,
        related,
        html: rendered.html,
        words: rendered.words,
        heading_ids: rendered.heading_ids,
        links: rendered.links,
    })
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

struct Rendered {
    html: String,
    words: usize,
    heading_ids: BTreeSet<String>,
    links: Vec<InternalLink>,
    problems: Vec<(usize, String)>,
}

fn render_markdown(body: &str, route: &str, line_of: impl Fn(usize) -> usize) -> Rendered {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_SMART_PUNCTUATION | Options::ENABLE_STRIKETHROUGH;
    let events: Vec<(Event, std::ops::Range<usize>)> =
        Parser::new_ext(body, options).into_offset_iter().collect();

    let mut problems = Vec::new();
    let mut links = Vec::new();
    let mut heading_ids = BTreeSet::new();
    let mut words = 0;
    let mut in_heading = false;
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    let mut i = 0;
    while i < events.len() {
        let (event, range) = &events[i];
        let line = line_of(range.start);
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                if *level == HeadingLevel::H1 {
                    problems.push((
                        line,
                        "use `##` or deeper: the page title is the only level-one heading".into(),
                    ));
                }
                // The heading's text decides its id, so read ahead to its end.
                let mut text = String::new();
                let mut j = i + 1;
                while j < events.len() && !matches!(events[j].0, Event::End(TagEnd::Heading(_))) {
                    if let Event::Text(t) | Event::Code(t) = &events[j].0 {
                        text.push_str(t);
                    }
                    j += 1;
                }
                let base_id = slugify(&text);
                let mut id = base_id.clone();
                let mut n = 2;
                while !heading_ids.insert(id.clone()) {
                    id = format!("{base_id}-{n}");
                    n += 1;
                }
                out.push(Event::Start(Tag::Heading {
                    level: *level,
                    id: Some(CowStr::from(id.clone())),
                    classes: vec![],
                    attrs: vec![],
                }));
                // The heading links to itself, so a reader can copy a link to
                // any section; its name stays the heading's own text.
                out.push(Event::Html(CowStr::from(format!(
                    "<a class=\"heading-anchor\" href=\"{}#{id}\">",
                    escape_attr(route)
                ))));
                in_heading = true;
            }
            Event::End(TagEnd::Heading(_)) => {
                out.push(Event::Html(CowStr::from("</a>")));
                out.push(event.clone());
                in_heading = false;
            }
            Event::Start(Tag::Link { .. }) if in_heading => {
                problems.push((
                    line,
                    "a heading may not contain a link (headings link to themselves)".into(),
                ));
            }
            Event::End(TagEnd::Link) if in_heading => {}
            Event::Start(Tag::Link {
                dest_url, title, ..
            }) => {
                let dest = dest_url.to_string();
                let external = dest.contains("://")
                    || dest.starts_with("mailto:")
                    || dest.starts_with("tel:")
                    || dest.starts_with("sms:");
                if external {
                    if !(dest.starts_with("https://")
                        || dest.starts_with("mailto:")
                        || dest.starts_with("tel:")
                        || dest.starts_with("sms:"))
                    {
                        problems.push((
                            line,
                            format!(
                                "link `{dest}`: external links must use https, tel, sms or mailto"
                            ),
                        ));
                    }
                    // Opened without telling the other site where the reader came from.
                    out.push(Event::Html(CowStr::from(format!(
                        "<a href=\"{}\" rel=\"noreferrer noopener external\"{}>",
                        escape_attr(&dest),
                        title_attr(title)
                    ))));
                } else {
                    let (path, fragment) = match dest.split_once('#') {
                        Some((p, f)) => (p.to_string(), Some(f.to_string())),
                        None => (dest.clone(), None),
                    };
                    let path = if path.is_empty() {
                        route.to_string()
                    } else {
                        path.trim_start_matches('/')
                            .trim_end_matches('/')
                            .to_string()
                    };
                    let href = match &fragment {
                        Some(f) => format!("{path}#{f}"),
                        None => path.clone(),
                    };
                    links.push(InternalLink {
                        path,
                        fragment,
                        line,
                    });
                    out.push(Event::Html(CowStr::from(format!(
                        "<a href=\"{}\"{}>",
                        escape_attr(&href),
                        title_attr(title)
                    ))));
                }
            }
            Event::End(TagEnd::Link) => out.push(Event::Html(CowStr::from("</a>"))),
            Event::Start(Tag::Image { .. }) => {
                problems.push((
                    line,
                    "images are not supported yet: describe it in words".into(),
                ));
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                problems.push((
                    line,
                    "raw HTML is not allowed in content; use markdown".into(),
                ));
            }
            Event::Start(Tag::Table(_)) => {
                // A wide table scrolls inside its own focusable box on a phone
                // instead of widening the whole page.
                out.push(Event::Html(CowStr::from("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Table, scrolls sideways\">")));
                out.push(event.clone());
            }
            Event::End(TagEnd::Table) => {
                out.push(event.clone());
                out.push(Event::Html(CowStr::from("</div>")));
            }
            Event::Text(t) | Event::Code(t) => {
                words += t.split_whitespace().count();
                out.push(event.clone());
            }
            _ => out.push(event.clone()),
        }
        i += 1;
    }
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    Rendered {
        html,
        words,
        heading_ids,
        links,
        problems,
    }
}

fn title_attr(title: &str) -> String {
    if title.is_empty() {
        String::new()
    } else {
        format!(" title=\"{}\"", escape_attr(title))
    }
}

fn escape_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Lowercase words joined by dashes: `"Why it matters?"` → `why-it-matters`.
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if (c.is_whitespace() || c == '-' || c == '/')
            && !slug.ends_with('-')
            && !slug.is_empty()
        {
            slug.push('-');
        }
    }
    let trimmed = slug.trim_end_matches('-');
    if trimmed.is_empty() {
        "section".into()
    } else {
        trimmed.to_string()
    }
}

/// Cross-document checks: unique slugs, every internal link and every
/// `related` entry resolves.
fn check_site(docs: &[Document], static_routes: &[&str], diags: &mut Vec<Diagnostic>) {
    let mut routes: BTreeMap<String, &Document> = BTreeMap::new();
    for doc in docs {
        let route = doc.route();
        if let Some(first) = routes.get(&route) {
            diags.push(Diagnostic {
                file: doc.file.clone(),
                line: 1,
                message: format!(
                    "duplicate slug: `{route}` is also used by {}",
                    first.file.display()
                ),
            });
        } else if static_routes.contains(&route.as_str()) && doc.kind == DocKind::Article {
            diags.push(Diagnostic {
                file: doc.file.clone(),
                line: 1,
                message: format!("slug clashes with the app route `{route}`"),
            });
        } else {
            routes.insert(route, doc);
        }
    }
    for doc in docs {
        for link in &doc.links {
            let target = routes.get(&link.path);
            if target.is_none() && !static_routes.contains(&link.path.as_str()) {
                diags.push(Diagnostic {
                    file: doc.file.clone(),
                    line: link.line,
                    message: format!("link to `{}`: no such page", link.path),
                });
                continue;
            }
            if let (Some(frag), Some(target)) = (&link.fragment, target)
                && !target.heading_ids.contains(frag)
            {
                diags.push(Diagnostic {
                    file: doc.file.clone(),
                    line: link.line,
                    message: format!(
                        "link to `{}#{frag}`: that page has no heading with this id",
                        link.path
                    ),
                });
            }
        }
        for (related, line) in &doc.related {
            let ok = docs
                .iter()
                .any(|d| d.kind == DocKind::Article && &d.slug == related);
            if !ok {
                diags.push(Diagnostic {
                    file: doc.file.clone(),
                    line: *line,
                    message: format!("related article `{related}` does not exist"),
                });
            }
        }
    }
}

/// Writes the Rust source: `ARTICLES` and `PAGES` in shelf order, and `SHELVES`.
fn generate(docs: &[Document]) -> String {
    let mut code = String::from("// @generated by content-pipeline from content/. Do not edit.\n");
    for (name, kind) in [("ARTICLES", DocKind::Article), ("PAGES", DocKind::Page)] {
        let mut list: Vec<&Document> = docs.iter().filter(|d| d.kind == kind).collect();
        // Shelf order: the order the library shows them in.
        list.sort_by(|a, b| (a.order, &a.slug).cmp(&(b.order, &b.slug)));
        code.push_str(&format!("pub static {name}: &[Article] = &[\n"));
        for d in list {
            let related: Vec<&str> = d.related.iter().map(|(r, _)| r.as_str()).collect();
            code.push_str(&format!(
                "    Article {{ slug: {:?}, title: {:?}, summary: {:?}, topic: {:?}, tags: &{:?}, related: &{:?}, reading_minutes: {}, html: {:?} }},\n",
                d.slug,
                d.title,
                d.summary,
                d.topic,
                d.tags,
                related,
                d.reading_minutes(),
                d.html
            ));
        }
        code.push_str("];\n");
    }
    code.push_str(&format!(
        "pub static SHELVES: &[(&str, &str)] = &{SHELF_NAMES:?};\n"
    ));
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Result<Document, Vec<Diagnostic>> {
        parse_document(
            Path::new("content/articles/sample.md"),
            text,
            DocKind::Article,
        )
    }

    const GOOD: &str = "+++\ntitle = \"Sample\"\nsummary = \"A sample.\"\ntopic = \"foundations\"\ntags = [\"anxious\"]\n+++\n\nIntro text.\n\n## A heading\n\nSee [help](/help) and [above](#a-heading).\n";

    #[test]
    fn parses_front_matter_and_renders_body() {
        let d = doc(GOOD).unwrap();
        assert_eq!(d.slug, "sample");
        assert_eq!(d.title, "Sample");
        assert_eq!(d.tags, vec!["anxious"]);
        assert!(
            d.html.contains("<h2 id=\"a-heading\"><a class=\"heading-anchor\" href=\"learn/sample#a-heading\">A heading</a></h2>"),
            "{}",
            d.html
        );
        // Internal links are base-relative; a bare fragment points at this article.
        assert!(d.html.contains("<a href=\"help\">help</a>"), "{}", d.html);
        assert!(
            d.html
                .contains("<a href=\"learn/sample#a-heading\">above</a>"),
            "{}",
            d.html
        );
        assert_eq!(d.reading_minutes(), 1);
    }

    #[test]
    fn bad_front_matter_points_at_its_line() {
        let text = "+++\ntitle = \"Sample\"\nsummary = 3\n+++\nBody\n";
        let e = doc(text).unwrap_err();
        assert_eq!(e[0].line, 3, "{e:?}");
        assert!(
            e[0].to_string()
                .starts_with("content/articles/sample.md:3: front matter"),
            "{}",
            e[0]
        );
    }

    #[test]
    fn unknown_front_matter_key_is_an_error() {
        let e = doc("+++\ntitle = \"S\"\nsummary = \"s\"\ntopic = \"foundations\"\ntitel = \"x\"\n+++\nBody\n").unwrap_err();
        assert!(e[0].message.contains("titel"), "{e:?}");
        assert_eq!(e[0].line, 5);
    }

    #[test]
    fn missing_front_matter_is_an_error() {
        let e = doc("# Just markdown\n").unwrap_err();
        assert_eq!(e[0].line, 1);
        assert!(e[0].message.contains("+++"));
    }

    #[test]
    fn raw_html_and_h1_are_rejected_with_body_line_numbers() {
        let text = "+++\ntitle = \"S\"\nsummary = \"s\"\ntopic = \"foundations\"\n+++\n\nok\n\n# Second title\n\n<script>x</script>\n";
        let e = doc(text).unwrap_err();
        let lines: Vec<usize> = e.iter().map(|d| d.line).collect();
        assert_eq!(lines, vec![9, 11], "{e:?}");
    }

    #[test]
    fn an_article_needs_a_known_topic() {
        let e = doc("+++\ntitle = \"S\"\nsummary = \"s\"\n+++\nBody\n").unwrap_err();
        assert!(e[0].message.contains("needs a `topic`"), "{e:?}");
        let e =
            doc("+++\ntitle = \"S\"\nsummary = \"s\"\ntopic = \"misc\"\n+++\nBody\n").unwrap_err();
        assert_eq!(
            (e[0].line, e[0].message.contains("misc")),
            (4, true),
            "{e:?}"
        );
        // Pages (help, about) stand outside the library's shelves.
        let page = parse_document(
            Path::new("help.md"),
            "+++\ntitle = \"H\"\nsummary = \"h\"\n+++\nBody\n",
            DocKind::Page,
        );
        assert!(page.is_ok());
    }

    #[test]
    fn headings_link_to_themselves_and_may_not_hold_links() {
        let e = doc(
            "+++\ntitle = \"S\"\nsummary = \"s\"\ntopic = \"styles\"\n+++\n## See [help](/help)\n",
        )
        .unwrap_err();
        assert_eq!(e[0].line, 6, "{e:?}");
        assert!(e[0].message.contains("heading may not contain a link"));
    }

    #[test]
    fn unknown_tag_is_rejected() {
        let e = doc("+++\ntitle = \"S\"\nsummary = \"s\"\ntopic = \"foundations\"\ntags = [\"clingy\"]\n+++\nBody\n")
            .unwrap_err();
        assert!(e[0].message.contains("clingy"));
    }

    #[test]
    fn external_links_get_noreferrer_and_plain_http_is_refused() {
        let d = doc(
            "+++\ntitle = \"S\"\nsummary = \"s\"\ntopic = \"foundations\"\n+++\n[988](tel:988) [x](https://example.org)\n",
        )
        .unwrap();
        assert!(
            d.html
                .contains("<a href=\"tel:988\" rel=\"noreferrer noopener external\">")
        );
        let e =
            doc("+++\ntitle = \"S\"\nsummary = \"s\"\ntopic = \"foundations\"\n+++\n[x](http://example.org)\n").unwrap_err();
        assert!(e[0].message.contains("https"));
    }

    #[test]
    fn duplicate_heading_ids_get_a_suffix() {
        let d = doc(
            "+++\ntitle = \"S\"\nsummary = \"s\"\ntopic = \"foundations\"\n+++\n## Why\n\n## Why\n",
        )
        .unwrap();
        assert!(d.html.contains("id=\"why\""));
        assert!(d.html.contains("id=\"why-2\""));
    }

    #[test]
    fn tables_are_wrapped_for_small_screens() {
        let d = doc("+++\ntitle = \"S\"\nsummary = \"s\"\ntopic = \"foundations\"\n+++\n| a | b |\n|---|---|\n| 1 | 2 |\n")
            .unwrap();
        assert!(
            d.html.starts_with("<div class=\"table-scroll\""),
            "{}",
            d.html
        );
        assert!(
            d.html.trim_end().ends_with("</table>\n</div>")
                || d.html.trim_end().ends_with("</div>")
        );
    }

    #[test]
    fn slugify_is_stable() {
        assert_eq!(slugify("Why it matters?"), "why-it-matters");
        assert_eq!(
            slugify("Safe haven / secure base"),
            "safe-haven-secure-base"
        );
        assert_eq!(slugify("!!!"), "section");
    }

    fn site(files: &[(&str, DocKind, &str)]) -> Vec<Diagnostic> {
        let docs: Vec<Document> = files
            .iter()
            .map(|(name, kind, text)| parse_document(Path::new(name), text, *kind).unwrap())
            .collect();
        let mut diags = Vec::new();
        check_site(&docs, &["", "quiz", "help"], &mut diags);
        diags
    }

    #[test]
    fn broken_internal_link_fails_with_its_line() {
        let d = site(&[(
            "a.md",
            DocKind::Article,
            "+++\ntitle = \"A\"\nsummary = \"a\"\ntopic = \"foundations\"\n+++\n\nGo to [b](/learn/b) or [quiz](quiz).\n\n[nowhere](/learn/missing)\n",
        )]);
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!((d[0].line, d[0].message.contains("learn/b")), (7, true));
        assert_eq!(d[1].line, 9);
    }

    #[test]
    fn links_and_related_resolve_across_documents() {
        let d = site(&[
            (
                "a.md",
                DocKind::Article,
                "+++\ntitle = \"A\"\nsummary = \"a\"\ntopic = \"foundations\"\nrelated = [\"b\"]\n+++\n[b](/learn/b#part)\n",
            ),
            (
                "b.md",
                DocKind::Article,
                "+++\ntitle = \"B\"\nsummary = \"b\"\ntopic = \"foundations\"\n+++\n## Part\n",
            ),
        ]);
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn missing_fragment_and_related_are_reported() {
        let d = site(&[
            (
                "a.md",
                DocKind::Article,
                "+++\ntitle = \"A\"\nsummary = \"a\"\ntopic = \"foundations\"\nrelated = [\"zzz\"]\n+++\n[b](/learn/b#nope)\n",
            ),
            (
                "b.md",
                DocKind::Article,
                "+++\ntitle = \"B\"\nsummary = \"b\"\ntopic = \"foundations\"\n+++\n## Part\n",
            ),
        ]);
        assert_eq!(d.len(), 2, "{d:?}");
        assert!(d.iter().any(|x| x.message.contains("#nope")));
        assert!(d.iter().any(|x| x.message.contains("zzz") && x.line == 5));
    }

    #[test]
    fn duplicate_slugs_are_reported() {
        let d = site(&[
            (
                "a.md",
                DocKind::Article,
                "+++\ntitle = \"A\"\nsummary = \"a\"\ntopic = \"foundations\"\nslug = \"same\"\n+++\nx\n",
            ),
            (
                "b.md",
                DocKind::Article,
                "+++\ntitle = \"B\"\nsummary = \"b\"\ntopic = \"foundations\"\nslug = \"same\"\n+++\ny\n",
            ),
        ]);
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("duplicate slug"));
    }

    #[test]
    fn articles_are_generated_in_shelf_order() {
        let a = |slug: &str, order: &str| {
            let text =
                format!("+++\ntitle = \"T\"\nsummary = \"s\"\ntopic = \"styles\"\n{order}+++\nx\n");
            parse_document(Path::new(&format!("{slug}.md")), &text, DocKind::Article).unwrap()
        };
        let code = generate(&[
            a("zeta", "order = 1\n"),
            a("beta", ""),
            a("alpha", "order = 2\n"),
        ]);
        let pos = |slug: &str| code.find(&format!("slug: \"{slug}\"")).unwrap();
        assert!(
            pos("zeta") < pos("alpha") && pos("alpha") < pos("beta"),
            "{code}"
        );
    }

    /// The prose checks run as part of `compile`, so a planted defect fails
    /// the build itself, with the file and line of each.
    #[test]
    fn compile_fails_on_planted_prose_defects() {
        let dir = std::env::temp_dir().join(format!("steady-prose-{}", std::process::id()));
        let articles = dir.join("articles");
        fs::create_dir_all(&articles).unwrap();
        let front = "+++\ntitle = \"T\"\nsummary = \"S\"\ntopic = \"foundations\"\n+++\n";
        let twice =
            "A sentence of more than twelve words that should be written in only one place.";
        fs::write(
            articles.join("a.md"),
            format!("{front}\n{twice}\n\nIt held up (Nobody, 1999).\n"),
        )
        .unwrap();
        fs::write(
            articles.join("b.md"),
            format!("{front}\nOur favorite color.\n\n{twice}\n"),
        )
        .unwrap();
        fs::write(
            articles.join("references.md"),
            format!("{front}\n- Tatkin, Stan. *Wired for Love*. New Harbinger, 2012.\n"),
        )
        .unwrap();
        let result = compile(&dir, &[""]);
        fs::remove_dir_all(&dir).unwrap();
        let diags = result.unwrap_err();
        let found = |file: &str, line: usize, text: &str| {
            diags
                .iter()
                .any(|d| d.file.ends_with(file) && d.line == line && d.message.contains(text))
        };
        assert!(found("a.md", 9, "(Nobody, 1999)"), "{diags:#?}");
        assert!(found("b.md", 7, "`favourite`"), "{diags:#?}");
        assert!(found("b.md", 7, "`colour`"), "{diags:#?}");
        assert!(found("b.md", 9, "a.md:7"), "{diags:#?}");
    }

    #[test]
    fn generated_code_holds_every_document() {
        let a = parse_document(Path::new("a.md"), GOOD, DocKind::Article).unwrap();
        let code = generate(&[a]);
        assert!(code.contains("pub static ARTICLES: &[Article] = &[\n    Article { slug: \"a\""));
        assert!(code.contains("pub static PAGES: &[Article] = &[\n];"));
    }
}
