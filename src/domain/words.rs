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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_lowercases_and_joins_apostrophes() {
        let got: Vec<String> = words("Don\u{2019}t PANIC: it's 30-second soothe!").collect();
        assert_eq!(got, ["dont", "panic", "its", "30", "second", "soothe"]);
    }
}
