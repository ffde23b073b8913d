//! What a tap on a word chip does to the text box beside it. The box stays
//! the person's own: a chip only adds or takes away its word, and whatever
//! else was typed is kept as it was.

/// The words already in `value`, split at commas (", " between them).
fn parts(value: &str) -> impl Iterator<Item = &str> {
    value.split(',').map(str::trim).filter(|p| !p.is_empty())
}

/// Whether `word` is one of the comma-separated words in `value`, in any
/// case ("Hurt" counts for the chip "hurt").
pub fn has_word(value: &str, word: &str) -> bool {
    parts(value).any(|p| p.eq_ignore_ascii_case(word.trim()))
}

/// A chip for one of several words (feelings, body places): tapping adds the
/// word after those already there, or takes it away if it is there.
pub fn toggle_word(value: &str, word: &str) -> String {
    let word = word.trim();
    if has_word(value, word) {
        parts(value)
            .filter(|p| !p.eq_ignore_ascii_case(word))
            .collect::<Vec<_>>()
            .join(", ")
    } else {
        parts(value).chain([word]).collect::<Vec<_>>().join(", ")
    }
}

/// A chip for one answer (an urge, a need): tapping puts the word in the
/// box in place of what was there, or empties the box if it was the word.
pub fn choose_word(value: &str, word: &str) -> String {
    if value.trim().eq_ignore_ascii_case(word.trim()) {
        String::new()
    } else {
        word.trim().to_string()
    }
}

/// Whether the one-answer chip `word` is the answer in `value`.
pub fn is_chosen(value: &str, word: &str) -> bool {
    value.trim().eq_ignore_ascii_case(word.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_feeling_chip_adds_its_word_after_what_was_typed_and_takes_it_away_again() {
        assert_eq!(toggle_word("", "hurt"), "hurt");
        assert_eq!(toggle_word("hurt", "lonely"), "hurt, lonely");
        // Own words typed before stay, only tidied at the commas.
        assert_eq!(toggle_word("on edge ,", "scared"), "on edge, scared");
        assert_eq!(toggle_word("hurt, lonely", "hurt"), "lonely");
        assert_eq!(toggle_word("Hurt, lonely", "hurt"), "lonely");
        assert_eq!(toggle_word("lonely", "lonely"), "");
        assert!(has_word("on edge, Scared", "scared"));
        // A word inside a longer phrase is not the chip's word.
        assert!(!has_word("all over the place", "all over"));
        assert!(!has_word("", "hurt"));
    }

    #[test]
    fn an_urge_chip_replaces_the_answer_and_a_second_tap_empties_it() {
        assert_eq!(choose_word("", "Go quiet"), "Go quiet");
        assert_eq!(choose_word("Text him", "Go quiet"), "Go quiet");
        assert_eq!(choose_word(" go quiet ", "Go quiet"), "");
        assert!(is_chosen("Go quiet ", "go quiet"));
        assert!(!is_chosen("Go quiet now", "Go quiet"));
    }
}
