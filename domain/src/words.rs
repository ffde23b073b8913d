//! How Steady splits text into search words: one definition for the index
//! and for the reader's query, so the two always agree.

/// Lowercase words: letters and digits form words, an apostrophe inside a
/// word is dropped (`don't` → `dont`), everything else separates words.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
}

/// The shortest stem [`stem`] leaves, so that short words stay apart
/// ("notes" stays "note", not "not").
const MIN_STEM: usize = 4;

/// A word's stem: common English endings removed, so that "pursue",
/// "pursues", "pursuing", "pursued" and "pursuer" all become `pursu`.
/// The stem is only ever compared with other stems (index and query alike),
/// so it need not be a real word. A small suffix stripper rather than a
/// full Porter stemmer: the library is a few thousand words, and this keeps
/// the wasm small and every rule visible here.
pub fn stem(word: &str) -> String {
    if !word.is_ascii() || word.len() <= MIN_STEM {
        return word.to_string();
    }
    // First the inflection (-ing, -ed, -s), then a derived ending (-er, -e, -y).
    let inflected = strip_inflection(word);
    for suffix in ["er", "e", "y"] {
        if let Some(rest) = inflected.strip_suffix(suffix)
            && rest.len() >= MIN_STEM
        {
            return rest.to_string();
        }
    }
    inflected
}

fn strip_inflection(word: &str) -> String {
    for (suffix, replacement) in [
        ("ingly", ""),
        ("edly", ""),
        ("ings", ""),
        ("ing", ""),
        ("ies", "y"),
        ("ied", "y"),
        ("ed", ""),
        ("s", ""),
    ] {
        let Some(rest) = word.strip_suffix(suffix) else {
            continue;
        };
        // "anxious", "stress", "crisis": an s that is not a plural.
        if suffix == "s" && (rest.ends_with('s') || rest.ends_with('u') || rest.ends_with('i')) {
            continue;
        }
        let stemmed = format!("{rest}{replacement}");
        if stemmed.len() >= MIN_STEM {
            return stemmed;
        }
    }
    word.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_same(forms: &[&str]) {
        let stems: Vec<String> = forms.iter().map(|w| stem(w)).collect();
        assert!(
            stems.iter().all(|s| *s == stems[0]),
            "{forms:?} -> {stems:?}"
        );
    }

    #[test]
    fn forms_of_a_word_share_a_stem() {
        all_same(&[
            "pursue", "pursues", "pursuing", "pursued", "pursuer", "pursuers",
        ]);
        all_same(&["withdraw", "withdraws", "withdrawing"]);
        all_same(&["cling", "clingy", "clinging", "clings"]);
        all_same(&["worry", "worries", "worried", "worrying"]);
        all_same(&["jealous", "jealousy"]);
        all_same(&["need", "needs", "needed", "needy"]);
        all_same(&["feel", "feels", "feeling", "feelings"]);
        all_same(&["ghost", "ghosting", "ghosted"]);
        all_same(&["abandon", "abandoned", "abandoning"]);
        all_same(&["close", "closer", "closed"]);
        assert_eq!(stem("pursuing"), "pursu");
    }

    #[test]
    fn words_that_only_look_inflected_keep_their_ending() {
        assert_eq!(stem("anxious"), "anxious");
        assert_eq!(stem("stress"), "stress");
        assert_eq!(stem("crisis"), "crisis");
        assert_eq!(stem("this"), "this");
        assert_eq!(stem("being"), "being");
    }

    #[test]
    fn short_stems_stay_apart() {
        // "notes" must not meet "not", nor "used" meet "us".
        assert_eq!(stem("notes"), "note");
        assert_eq!(stem("note"), "note");
        assert_eq!(stem("not"), "not");
        assert_ne!(stem("used"), stem("us"));
        assert_eq!(stem("thing"), stem("things"));
    }

    #[test]
    fn other_scripts_are_left_alone() {
        assert_eq!(stem("näher"), "näher");
    }

    #[test]
    fn splits_lowercases_and_joins_apostrophes() {
        let got: Vec<String> = words("Don\u{2019}t PANIC: it's 30-second soothe!").collect();
        assert_eq!(got, ["dont", "panic", "its", "30", "second", "soothe"]);
    }
}
