//! The page title. A page renders `<Title text="…" />` once; an empty text
//! means the home page. Every route renders one, so the title is always set
//! by the page being shown and never needs restoring.
//!
//! Replaces leptos_meta, which the app used only for this (about 3 KB gzip
//! of wasm for a one-line effect).

use leptos::prelude::*;

/// The document title for a page: `"{text} · Steady"`, or `"Steady"` alone
/// for an empty text.
pub fn document_title(text: &str) -> String {
    if text.is_empty() {
        "Steady".to_string()
    } else {
        format!("{text} · Steady")
    }
}

/// Sets `document.title` when the page renders.
#[component]
pub fn Title(text: &'static str) -> impl IntoView {
    document().set_title(&document_title(text));
}

#[cfg(test)]
mod tests {
    use super::document_title;

    #[test]
    fn home_has_the_bare_name_and_pages_a_suffix() {
        assert_eq!(document_title(""), "Steady");
        assert_eq!(document_title("Learn"), "Learn · Steady");
    }
}
