//! The library's search index, built at build time.
//!
//! Each article gets one string of its distinct words (lowercase, sorted,
//! space-separated). The app matches every word of a query as a prefix of some
//! word in that string, so results update as the reader types, and no article
//! body has to be shipped twice or scanned as HTML.

use std::collections::BTreeSet;

// The app reads queries with the very same function.
#[path = "../../src/domain/words.rs"]
mod words;
use words::words;

/// Words too common to help find anything.
const STOPWORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "for", "from", "has",
    "have", "if", "in", "into", "is", "it", "its", "of", "on", "or", "so", "that", "the", "their",
    "them", "then", "there", "they", "this", "to", "was", "we", "were", "what", "when", "which",
    "who", "will", "with", "you", "your",
];

/// The distinct, useful words of a document, as one sorted string.
pub fn index_terms(parts: &[&str]) -> String {
    let mut terms = BTreeSet::new();
    for part in parts {
        for w in words(part) {
            if w.chars().count() >= 2 && !STOPWORDS.contains(&w.as_str()) {
                terms.insert(w);
            }
        }
    }
    terms.into_iter().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_distinct_sorted_and_lowercase() {
        assert_eq!(
            index_terms(&["The Safe haven", "safe, SAFE; base!"]),
            "base haven safe"
        );
    }

    #[test]
    fn apostrophes_join_and_stopwords_go() {
        // "it's" becomes "its", a stopword like "you" and "have".
        assert_eq!(
            index_terms(&["You don\u{2019}t have to; it's fine"]),
            "dont fine"
        );
    }
}
