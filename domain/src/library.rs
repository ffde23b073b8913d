//! Finding articles: search as you type, and "for my style".

use super::words::{stem, words};

/// What search needs to know of an article.
#[derive(Debug, Clone, Copy)]
pub struct Searchable<'a> {
    pub title: &'a str,
    pub summary: &'a str,
    /// Distinct lowercase words, space-separated (see [`index_terms`]).
    pub terms: &'a str,
    /// The stems of `terms`, space-separated (see [`index_stems`]).
    pub stems: &'a str,
}

/// What people type, and the library's words that answer it
/// (`content/synonyms.toml`, checked at build time).
pub type Synonyms<'a> = &'a [(&'a str, &'a [&'a str])];

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

/// The distinct stems of `terms` (as [`index_terms`] gives them), sorted
/// and space-separated, so that "pursuer" finds an article that says
/// "pursuing".
pub fn index_stems(terms: &str) -> String {
    let mut stems: Vec<String> = terms.split(' ').map(stem).collect();
    super::sort::sort_by(&mut stems, |a, b| a.cmp(b));
    stems.dedup();
    stems.join(" ")
}

/// One thing the reader asked for: a typed word, or a word or phrase with
/// synonyms. An article answers it if one of its words starts with one of
/// `prefixes` (so a half-typed word already finds) or shares one of `stems`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wanted {
    prefixes: Vec<String>,
    stems: Vec<String>,
}

impl Wanted {
    fn word(w: &str) -> Wanted {
        Wanted {
            prefixes: vec![w.to_string()],
            stems: vec![stem(w)],
        }
    }

    fn answered_by<'a>(&self, mut words: impl Iterator<Item = &'a str>) -> bool {
        words.any(|t| self.prefixes.iter().any(|p| t.starts_with(p.as_str())))
    }

    fn answered_by_stems<'a>(&self, mut stems: impl Iterator<Item = &'a str>) -> bool {
        stems.any(|t| self.stems.iter().any(|s| s == t))
    }

    fn in_text(&self, text: &str) -> bool {
        words(text).any(|t| {
            self.prefixes.iter().any(|p| t.starts_with(p.as_str()))
                || self.stems.contains(&stem(&t))
        })
    }
}

/// How well an article answers a query: `None` when something asked for is
/// missing. Everything must match; matches in the title count most, then the
/// summary.
pub fn relevance(article: Searchable<'_>, query: &[Wanted]) -> Option<u32> {
    if query.is_empty() {
        return None;
    }
    let mut score = 0;
    for q in query {
        let in_terms = q.answered_by(article.terms.split(' '))
            || q.answered_by_stems(article.stems.split(' '));
        let in_title = q.in_text(article.title);
        let in_summary = q.in_text(article.summary);
        if !(in_terms || in_title || in_summary) {
            return None;
        }
        score += 1 + 4 * u32::from(in_title) + 2 * u32::from(in_summary);
    }
    Some(score)
}

/// The query as what the reader wants: each word, except that a word or
/// phrase from `synonyms` ("clingy", "pulls away") also finds the words it
/// stands for. Phrases are matched longest first, word by word by stem, so
/// "pulling away" meets "pulls away".
pub fn query_words(query: &str, synonyms: Synonyms<'_>) -> Vec<Wanted> {
    let typed: Vec<String> = words(query).collect();
    let typed_stems: Vec<String> = typed.iter().map(|w| stem(w)).collect();
    let mut wanted = Vec::new();
    let mut i = 0;
    while i < typed.len() {
        let best = synonyms
            .iter()
            .filter_map(|(key, finds)| {
                let key: Vec<String> = words(key).map(|w| stem(&w)).collect();
                let fits =
                    !key.is_empty() && typed_stems.get(i..i + key.len()) == Some(key.as_slice());
                fits.then_some((key.len(), *finds))
            })
            .max_by_key(|(len, _)| *len);
        match best {
            Some((len, finds)) => {
                let mut w = if len == 1 {
                    Wanted::word(&typed[i])
                } else {
                    Wanted {
                        prefixes: Vec::new(),
                        stems: Vec::new(),
                    }
                };
                for f in finds {
                    w.prefixes.push((*f).to_string());
                    w.stems.push(stem(f));
                }
                wanted.push(w);
                i += len;
            }
            None => {
                wanted.push(Wanted::word(&typed[i]));
                i += 1;
            }
        }
    }
    wanted
}

/// Indices of the matching articles, best first (ties keep library order).
/// A misspelt word is read as the library word it is closest to (see
/// [`Vocabulary::forgive`]).
pub fn search(articles: &[Searchable<'_>], query: &str, synonyms: Synonyms<'_>) -> Vec<usize> {
    let vocabulary = Vocabulary::of(articles, synonyms, &[]);
    search_forgiven(articles, &vocabulary.forgive(query), synonyms)
}

/// [`search`] for a query already read through [`Vocabulary::forgive`].
pub fn search_forgiven(
    articles: &[Searchable<'_>],
    query: &str,
    synonyms: Synonyms<'_>,
) -> Vec<usize> {
    let q = query_words(query, synonyms);
    let mut hits: Vec<(usize, u32)> = articles
        .iter()
        .enumerate()
        .filter_map(|(i, a)| relevance(*a, &q).map(|s| (i, s)))
        .collect();
    super::sort::sort_by(&mut hits, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    hits.into_iter().map(|(i, _)| i).collect()
}

/// Every word search knows: the articles' words, what people type
/// (`synonyms`) and any `extra` words (the crisis words), so a misspelling
/// can be read as the word it is closest to.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    words: Vec<String>,
    stems: Vec<String>,
}

impl Vocabulary {
    pub fn of(articles: &[Searchable<'_>], synonyms: Synonyms<'_>, extra: &[&str]) -> Vocabulary {
        let mut words: Vec<String> = articles
            .iter()
            .flat_map(|a| a.terms.split(' ').map(str::to_string))
            .chain(
                articles
                    .iter()
                    .flat_map(|a| self::words(a.title).chain(self::words(a.summary))),
            )
            .chain(synonyms.iter().flat_map(|(typed, _)| self::words(typed)))
            .chain(extra.iter().flat_map(|w| self::words(w)))
            .filter(|w| !w.is_empty())
            .collect();
        super::sort::sort_by(&mut words, |a, b| a.cmp(b));
        words.dedup();
        let mut stems: Vec<String> = words.iter().map(|w| stem(w)).collect();
        super::sort::sort_by(&mut stems, |a, b| a.cmp(b));
        stems.dedup();
        Vocabulary { words, stems }
    }

    /// Whether a typed word already finds something: a known word starts
    /// with it (it may be half typed), or it shares a known word's stem.
    fn knows(&self, typed: &str) -> bool {
        let from = self.words.partition_point(|w| w.as_str() < typed);
        self.words.get(from).is_some_and(|w| w.starts_with(typed))
            || self.stems.binary_search(&stem(typed)).is_ok()
    }

    /// `query` with each unknown word of five letters or more replaced by
    /// the known word closest to it: one slip (a letter missing, extra,
    /// wrong or two swapped) for words up to seven letters, two for longer
    /// ones. A word with no close match, or with two equally close, stays
    /// as typed. Only ever used to search: nothing typed is changed on
    /// screen.
    pub fn forgive(&self, query: &str) -> String {
        words(query)
            .map(|typed| {
                let len = typed.chars().count();
                if len < 5 || self.knows(&typed) {
                    return typed;
                }
                let most = if len <= 7 { 1 } else { 2 };
                let mut best: Option<(usize, &str, bool)> = None;
                for known in &self.words {
                    let d = strsim::osa_distance(&typed, known);
                    if d > most {
                        continue;
                    }
                    best = match best {
                        Some((bd, w, _)) if d == bd => Some((bd, w, true)),
                        Some((bd, _, _)) if d > bd => best,
                        _ => Some((d, known.as_str(), false)),
                    };
                }
                match best {
                    Some((_, known, false)) => known.to_string(),
                    _ => typed,
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The first crisis group (`groups`, each a list of words and phrases)
/// that `query` names: a word by its stem, a phrase word by word in order.
pub fn crisis_group<'a>(
    query: &str,
    groups: impl IntoIterator<Item = &'a [&'a str]>,
) -> Option<usize> {
    let typed: Vec<String> = words(query).map(|w| stem(&w)).collect();
    groups.into_iter().position(|group| {
        group.iter().any(|phrase| {
            let phrase: Vec<String> = words(phrase).map(|w| stem(&w)).collect();
            !phrase.is_empty() && typed.windows(phrase.len()).any(|w| w == phrase.as_slice())
        })
    })
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
    pub fn for_region(region: crate::quiz::Region) -> StyleFilter {
        use crate::quiz::Region;
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

    const LIB_TERMS: [(&str, &str, &str); 4] = [
        (
            "Secure attachment",
            "A safe haven.",
            "attachment base haven safe secure",
        ),
        (
            "Self-soothing",
            "Calm your body first.",
            "body breathing calm first self soothing vagus",
        ),
        (
            "Repair after rupture",
            "Coming back after a fight.",
            "apology fight repair rupture secure timeout",
        ),
        (
            "Anxious attachment",
            "When closeness feels uncertain.",
            "anxious cycle pursuing reassurance withdraws",
        ),
    ];

    const NO_SYNONYMS: Synonyms<'static> = &[];

    const SYNONYMS: Synonyms<'static> = &[
        ("clingy", &["reassurance"]),
        ("pulls away", &["withdraw"]),
        ("hot and cold", &["anxious"]),
        ("push-pull", &["cycle"]),
    ];

    fn search_lib(query: &str, synonyms: Synonyms<'_>) -> Vec<usize> {
        let stems: Vec<String> = LIB_TERMS.iter().map(|(_, _, t)| index_stems(t)).collect();
        let lib: Vec<Searchable<'_>> = LIB_TERMS
            .iter()
            .zip(&stems)
            .map(|((title, summary, terms), stems)| Searchable {
                title,
                summary,
                terms,
                stems,
            })
            .collect();
        search(&lib, query, synonyms)
    }

    fn search_plain(query: &str) -> Vec<usize> {
        search_lib(query, NO_SYNONYMS)
    }

    #[test]
    fn other_forms_of_a_word_find_it() {
        // The article says "pursuing" and "withdraws".
        for q in ["pursuer", "pursue", "pursues", "pursued", "pursuing"] {
            assert_eq!(search_plain(q), vec![3], "{q}");
        }
        assert_eq!(search_plain("withdrawing"), vec![3]);
    }

    #[test]
    fn synonyms_find_the_words_they_stand_for() {
        assert!(search_plain("clingy").is_empty());
        assert_eq!(search_lib("clingy", SYNONYMS), vec![3]);
        assert_eq!(search_lib("Clingy", SYNONYMS), vec![3]);
        // A phrase matches word by word, by stem, in any form.
        assert_eq!(search_lib("pulls away", SYNONYMS), vec![3]);
        assert_eq!(search_lib("pulling away", SYNONYMS), vec![3]);
        assert_eq!(search_lib("hot and cold", SYNONYMS), vec![3]);
        assert_eq!(search_lib("push-pull", SYNONYMS), vec![3]);
        assert_eq!(search_lib("push pull", SYNONYMS), vec![3]);
        // The rest of the query still has to match.
        assert_eq!(search_lib("clingy timeout", SYNONYMS), Vec::<usize>::new());
    }

    #[test]
    fn a_synonym_word_still_finds_itself() {
        // "breathing" is in article 1 itself; its synonym is not needed.
        let synonyms: Synonyms<'static> = &[("breathing", &["apology"])];
        assert_eq!(search_lib("breathing", synonyms), vec![1, 2]);
    }

    #[test]
    fn finds_a_word_that_is_only_in_the_body() {
        assert_eq!(search_plain("vagus"), vec![1]);
    }

    #[test]
    fn matches_half_typed_words() {
        assert_eq!(search_plain("brea"), vec![1]);
        assert_eq!(search_plain("Time"), vec![2]);
    }

    #[test]
    fn every_word_must_match() {
        assert_eq!(search_plain("secure apology"), vec![2]);
        assert!(search_plain("secure vagus").is_empty());
    }

    #[test]
    fn title_matches_rank_first() {
        // "secure" is in article 0's title and only in article 2's body.
        assert_eq!(search_plain("secure"), vec![0, 2]);
    }

    #[test]
    fn an_empty_query_finds_nothing() {
        assert!(search_plain("  ").is_empty());
        assert!(search_plain("?!").is_empty());
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

    #[test]
    fn a_misspelt_word_is_read_as_the_library_word_it_is_closest_to() {
        let articles = [
            Searchable {
                title: "Anxious attachment",
                summary: "",
                terms: "anxious reassurance suicide withdraw",
                stems: "",
            },
            Searchable {
                title: "Avoidant attachment",
                summary: "",
                terms: "avoidant distance",
                stems: "",
            },
        ];
        let v = Vocabulary::of(&articles, &[("clingy", &["anxious"])], &["bereavement"]);
        assert_eq!(v.forgive("anxios"), "anxious");
        assert_eq!(v.forgive("avoidnat"), "avoidant", "two letters swapped");
        assert_eq!(v.forgive("reasurance"), "reassurance");
        assert_eq!(v.forgive("sucide"), "suicide");
        assert_eq!(v.forgive("clingly"), "clingy", "a synonym is a known word");
        assert_eq!(
            v.forgive("bereavment"),
            "bereavement",
            "an extra word is a known word"
        );
        // Known words, half-typed words and short words stay as typed.
        assert_eq!(v.forgive("anx"), "anx");
        assert_eq!(v.forgive("withdrawing distance"), "withdrawing distance");
        assert_eq!(v.forgive("zzzqqq"), "zzzqqq");
        assert_eq!(
            search(&articles, "avoidnat", &[]),
            vec![1],
            "search forgives it too"
        );
    }

    #[test]
    fn a_crisis_word_or_phrase_in_any_form_names_its_group() {
        let groups: [&[&str]; 2] = [
            &["suicide", "hurt myself", "self-harm"],
            &["grieving", "passed away"],
        ];
        assert_eq!(crisis_group("suicide", groups), Some(0));
        assert_eq!(
            crisis_group("thoughts of suicide at night", groups),
            Some(0)
        );
        assert_eq!(crisis_group("I keep hurting myself", groups), Some(0));
        assert_eq!(crisis_group("self harm", groups), Some(0));
        assert_eq!(crisis_group("my dad passed away", groups), Some(1));
        assert_eq!(crisis_group("grief", groups), None);
        assert_eq!(
            crisis_group("myself", groups),
            None,
            "a phrase needs all its words in order"
        );
        assert_eq!(crisis_group("", groups), None);
    }
}
