//! The library and pages from `content/`, compiled at build time by
//! content-pipeline (see build.rs). Nothing here parses markdown at run time.

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

include!(concat!(env!("OUT_DIR"), "/content.rs"));

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
    fn the_crisis_page_exists() {
        let help = page(crate::routes::HELP).expect("content/pages/help.md");
        assert!(
            help.html.contains("988"),
            "the help page lists the 988 lifeline"
        );
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
    fn starter_library_is_not_empty() {
        assert!(ARTICLES.len() >= 2);
    }
}
