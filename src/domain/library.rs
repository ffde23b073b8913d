//! Finding articles: search as you type, and "for my style".

use super::words::words;

/// What search needs to know of an article.
#[derive(Debug, Clone, Copy)]
pub struct Searchable<'a> {
    pub title: &'a str,
    pub summary: &'a str,
    /// Distinct lowercase words, space-separated (see [`index_terms`]).
    pub terms: &'a str,
}

/// The distinct words of an article's HTML body, sorted and space-separated.
/// Derived from the HTML the app already carries, once, on the first search,
/// rather than shipping a second copy of every article in the wasm.
pub fn index_terms(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    // Skipping markup: inside a tag, or inside an entity such as `&amp;`
    // (entities only ever stand for punctuation in our content).
    let mut skip_until: Option<char> = None;
    for c in html.chars() {
        match (skip_until, c) {
            (Some(end), c) if c == end => {
                skip_until = None;
                text.push(' ');
            }
            (Some(_), _) => {}
            (None, '<') => skip_until = Some('>'),
            (None, '&') => skip_until = Some(';'),
            (None, c) => text.push(c),
        }
    }
    let mut terms: Vec<String> = words(&text).filter(|w| w.chars().count() >= 2).collect();
    super::sort::sort_by(&mut terms, |a, b| a.cmp(b));
    terms.dedup();
    terms.join(" ")
}

/// How well an article answers a query: `None` when some query word is
/// missing. Every word must match (as a prefix, so a half-typed word already
/// finds); matches in the title count most, then the summary.
pub fn relevance(article: Searchable<'_>, query: &[String]) -> Option<u32> {
    if query.is_empty() {
        return None;
    }
    let title: Vec<String> = words(article.title).collect();
    let summary: Vec<String> = words(article.summary).collect();
    let mut score = 0;
    for q in query {
        let in_terms = article.terms.split(' ').any(|t| t.starts_with(q.as_str()));
        let in_title = title.iter().any(|t| t.starts_with(q.as_str()));
        let in_summary = summary.iter().any(|t| t.starts_with(q.as_str()));
        if !(in_terms || in_title || in_summary) {
            return None;
        }
        score += 1 + 4 * u32::from(in_title) + 2 * u32::from(in_summary);
    }
    Some(score)
}

/// The query as search words.
pub fn query_words(query: &str) -> Vec<String> {
    words(query).collect()
}

/// Indices of the matching articles, best first (ties keep library order).
pub fn search(articles: &[Searchable<'_>], query: &str) -> Vec<usize> {
    let q = query_words(query);
    let mut hits: Vec<(usize, u32)> = articles
        .iter()
        .enumerate()
        .filter_map(|(i, a)| relevance(*a, &q).map(|s| (i, s)))
        .collect();
    super::sort::sort_by(&mut hits, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    hits.into_iter().map(|(i, _)| i).collect()
}

/// The attachment styles, as the library's "for my style" filter names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StyleFilter {
    All,
    Secure,
    Anxious,
    Avoidant,
    Fearful,
}

impl StyleFilter {
    /// The filter for the region of someone's latest quiz result.
    pub fn for_region(region: crate::domain::quiz::Region) -> StyleFilter {
        use crate::domain::quiz::Region;
        match region {
            Region::Secure => StyleFilter::Secure,
            Region::Anxious => StyleFilter::Anxious,
            Region::Avoidant => StyleFilter::Avoidant,
            Region::Fearful => StyleFilter::Fearful,
        }
    }

    pub const ALL: [StyleFilter; 5] = [
        StyleFilter::All,
        StyleFilter::Anxious,
        StyleFilter::Avoidant,
        StyleFilter::Fearful,
        StyleFilter::Secure,
    ];

    pub fn label(self) -> &'static str {
        match self {
            StyleFilter::All => "Everything",
            StyleFilter::Secure => "Secure",
            StyleFilter::Anxious => "Anxious",
            StyleFilter::Avoidant => "Avoidant",
            StyleFilter::Fearful => "Fearful-avoidant",
        }
    }

    /// The front-matter tag this filter selects.
    pub fn tag(self) -> Option<&'static str> {
        match self {
            StyleFilter::All => None,
            StyleFilter::Secure => Some("secure"),
            StyleFilter::Anxious => Some("anxious"),
            StyleFilter::Avoidant => Some("avoidant"),
            StyleFilter::Fearful => Some("fearful"),
        }
    }

    pub fn admits(self, tags: &[&str]) -> bool {
        self.tag().is_none_or(|t| tags.contains(&t))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIB: [Searchable<'static>; 3] = [
        Searchable {
            title: "Secure attachment",
            summary: "A safe haven.",
            terms: "attachment base haven safe secure",
        },
        Searchable {
            title: "Self-soothing",
            summary: "Calm your body first.",
            terms: "body breathing calm first self soothing vagus",
        },
        Searchable {
            title: "Repair after rupture",
            summary: "Coming back after a fight.",
            terms: "apology fight repair rupture secure timeout",
        },
    ];

    #[test]
    fn finds_a_word_that_is_only_in_the_body() {
        assert_eq!(search(&LIB, "vagus"), vec![1]);
    }

    #[test]
    fn matches_half_typed_words() {
        assert_eq!(search(&LIB, "brea"), vec![1]);
        assert_eq!(search(&LIB, "Time"), vec![2]);
    }

    #[test]
    fn every_word_must_match() {
        assert_eq!(search(&LIB, "secure apology"), vec![2]);
        assert!(search(&LIB, "secure vagus").is_empty());
    }

    #[test]
    fn title_matches_rank_first() {
        // "secure" is in article 0's title and only in article 2's body.
        assert_eq!(search(&LIB, "secure"), vec![0, 2]);
    }

    #[test]
    fn an_empty_query_finds_nothing() {
        assert!(search(&LIB, "  ").is_empty());
        assert!(search(&LIB, "?!").is_empty());
    }

    #[test]
    fn index_terms_read_the_text_not_the_markup() {
        let html = "<h2 id=\"why\"><a class=\"heading-anchor\" href=\"learn/x#why\">Why</a></h2>\n<p>Calm &amp; steady, then calm again. It&#39;s fine.</p>";
        assert_eq!(index_terms(html), "again calm fine it steady then why");
    }

    #[test]
    fn style_filter_reads_tags() {
        assert!(StyleFilter::All.admits(&[]));
        assert!(StyleFilter::Anxious.admits(&["anxious", "fearful"]));
        assert!(!StyleFilter::Avoidant.admits(&["anxious"]));
    }
}
