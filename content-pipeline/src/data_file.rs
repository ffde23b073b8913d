//! Helpers shared by the checkers of TOML data files in `content/`: reading
//! with `file:line` errors and checking that a link names a real page.

use std::path::{Path, PathBuf};

use crate::{Diagnostic, Document};

pub fn at(file: &Path, line: usize, message: String) -> Diagnostic {
    Diagnostic {
        file: PathBuf::from(file),
        line,
        message,
    }
}

pub fn line_of(text: &str, offset: usize) -> usize {
    1 + text[..offset.min(text.len())].matches('\n').count()
}

pub fn parse<T: serde::de::DeserializeOwned>(
    file: &Path,
    text: &str,
    what: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<T> {
    toml::from_str(text)
        .map_err(|e| {
            let line = e.span().map_or(1, |s| line_of(text, s.start));
            diags.push(at(file, line, format!("{what}: {}", e.message())));
        })
        .ok()
}

/// Whether `href` (an app path relative to the base, optionally with a
/// `#fragment`) names a page that exists.
pub fn link_exists(href: &str, docs: &[Document], static_routes: &[&str]) -> bool {
    let (path, fragment) = match href.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (href, None),
    };
    if let Some(doc) = docs.iter().find(|d| d.route() == path) {
        return fragment.is_none_or(|f| doc.heading_ids.contains(f));
    }
    fragment.is_none() && static_routes.contains(&path)
}
