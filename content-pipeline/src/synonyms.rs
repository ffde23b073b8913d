//! `content/synonyms.toml`: the words people type into the library's search
//! box ("clingy", "pulls away") and the words our articles use for the same
//! thing. Each word a synonym finds must be in the library, so a synonym can
//! never point at nothing.

use std::collections::BTreeSet;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::data_file::{at, line_of, parse};
use crate::{Diagnostic, DocKind, Document};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    synonym: Vec<Synonym>,
    #[serde(default)]
    crisis: Vec<Crisis>,
}

/// Words that mean someone may be in danger or in pain: a search with one of
/// them puts `message` and a link to the help page's `anchor` first.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Crisis {
    words: Vec<Spanned<String>>,
    message: Spanned<String>,
    link: Spanned<String>,
    /// The id of a heading on the help page; empty for the page's top.
    anchor: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Synonym {
    /// What someone types: a word or a short phrase.
    typed: Spanned<String>,
    /// Words of the library that answer it.
    finds: Vec<Spanned<String>>,
}

/// The words of every article, lowercase, as search splits them.
fn library_words(docs: &[Document]) -> BTreeSet<String> {
    let mut words = BTreeSet::new();
    for doc in docs.iter().filter(|d| d.kind == DocKind::Article) {
        let mut text = String::with_capacity(doc.html.len());
        let mut in_tag = false;
        for c in doc.html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => {
                    in_tag = false;
                    text.push(' ');
                }
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        words.extend(crate::words::words(&text));
        for w in doc.title.split(|c: char| !c.is_alphanumeric()) {
            words.insert(w.to_lowercase());
        }
    }
    words
}

fn is_typed(s: &str) -> bool {
    !s.trim().is_empty()
        && s == s.trim()
        && !s.contains("  ")
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c == ' ' || c == '-' || c == '\'')
}

/// Checks the synonyms file and returns `SYNONYMS` for the generated code:
/// `(typed, &[finds])` in file order, and `CRISIS_SEARCHES`.
pub fn compile(file: &Path, docs: &[Document], diags: &mut Vec<Diagnostic>) -> String {
    let Ok(text) = std::fs::read_to_string(file) else {
        return "pub static SYNONYMS: &[(&str, &[&str])] = &[];\npub static CRISIS_SEARCHES: &[CrisisSearch] = &[];\n".into();
    };
    check_and_generate(file, &text, docs, diags)
}

fn check_and_generate(
    file: &Path,
    text: &str,
    docs: &[Document],
    diags: &mut Vec<Diagnostic>,
) -> String {
    let mut code = String::from("pub static SYNONYMS: &[(&str, &[&str])] = &[\n");
    let Some(list) = parse::<File>(file, text, "synonyms", diags) else {
        return code + "];\npub static CRISIS_SEARCHES: &[CrisisSearch] = &[];\n";
    };
    let library = library_words(docs);
    let mut seen = BTreeSet::new();
    for s in &list.synonym {
        let typed = s.typed.get_ref();
        let line = line_of(text, s.typed.span().start);
        if !is_typed(typed) {
            diags.push(at(
                file,
                line,
                format!("`{typed}`: write what people type in lowercase letters, spaces, hyphens or apostrophes"),
            ));
        }
        if !seen.insert(typed.clone()) {
            diags.push(at(file, line, format!("`{typed}` is listed twice")));
        }
        if s.finds.is_empty() {
            diags.push(at(file, line, format!("`{typed}` finds no words")));
        }
        for word in &s.finds {
            let w = word.get_ref();
            let line = line_of(text, word.span().start);
            if w.is_empty() || !w.chars().all(|c| c.is_ascii_lowercase()) {
                diags.push(at(
                    file,
                    line,
                    format!("`{w}`: a word it finds is one lowercase word"),
                ));
            } else if !library.contains(w) {
                diags.push(at(
                    file,
                    line,
                    format!(
                        "`{w}` is not a word in any article, so `{typed}` would find nothing by it"
                    ),
                ));
            }
        }
        let finds: Vec<&str> = s.finds.iter().map(|w| w.get_ref().as_str()).collect();
        code.push_str(&format!("    ({typed:?}, &{finds:?}),\n"));
    }
    code += "];\npub static CRISIS_SEARCHES: &[CrisisSearch] = &[\n";
    let help = docs
        .iter()
        .find(|d| d.kind == DocKind::Page && d.route() == "help");
    let mut crisis_seen = BTreeSet::new();
    for c in &list.crisis {
        let line = line_of(text, c.message.span().start);
        if c.words.is_empty() {
            diags.push(at(file, line, "a [[crisis]] needs words".into()));
        }
        for w in &c.words {
            let word = w.get_ref();
            let line = line_of(text, w.span().start);
            if !is_typed(word) {
                diags.push(at(file, line, format!("`{word}`: write what people type in lowercase letters, spaces, hyphens or apostrophes")));
            }
            if !crisis_seen.insert(word.clone()) {
                diags.push(at(
                    file,
                    line,
                    format!("`{word}` is in two [[crisis]] groups"),
                ));
            }
        }
        for (field, value) in [("message", &c.message), ("link", &c.link)] {
            let v = value.get_ref();
            if v.trim().is_empty() || v.contains(['<', '>', '[', ']', '*', '`']) {
                diags.push(at(
                    file,
                    line_of(text, value.span().start),
                    format!("a crisis `{field}` is plain text, not empty"),
                ));
            }
        }
        let anchor = c.anchor.get_ref();
        let found = help
            .is_some_and(|h| anchor.is_empty() || h.html.contains(&format!(" id=\"{anchor}\"")));
        if !found {
            diags.push(at(
                file,
                line_of(text, c.anchor.span().start),
                format!("the help page has no heading `{anchor}`"),
            ));
        }
        let words: Vec<&str> = c.words.iter().map(|w| w.get_ref().as_str()).collect();
        code.push_str(&format!(
            "    CrisisSearch {{ words: &{words:?}, message: {:?}, link: {:?}, anchor: {:?} }},\n",
            c.message.get_ref(),
            c.link.get_ref(),
            anchor
        ));
    }
    code + "];\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_document;

    fn docs() -> Vec<Document> {
        vec![
            parse_document(
                Path::new("a.md"),
                "+++\ntitle = \"Anxious attachment\"\nsummary = \"s\"\ntopic = \"styles\"\n+++\nYou seek **reassurance** and fear being left.\n",
                DocKind::Article,
            )
            .unwrap(),
            parse_document(
                Path::new("help.md"),
                "+++\ntitle = \"Need help now?\"\nsummary = \"s\"\n+++\nCall.\n\n## After a loss\n\nGrief.\n",
                DocKind::Page,
            )
            .unwrap(),
        ]
    }

    #[test]
    fn crisis_words_point_at_a_heading_of_the_help_page() {
        let good = "[[synonym]]\ntyped = \"clingy\"\nfinds = [\"anxious\"]\n\n[[crisis]]\nwords = [\"grief\", \"passed away\"]\nmessage = \"Kind words.\"\nlink = \"Support\"\nanchor = \"after-a-loss\"\n";
        let (code, d) = run(good);
        assert!(d.is_empty(), "{d:?}");
        assert!(code.contains("CrisisSearch { words: &[\"grief\", \"passed away\"], message: \"Kind words.\", link: \"Support\", anchor: \"after-a-loss\" }"), "{code}");
        let (_, d) = run(&good.replace("after-a-loss", "after-loss"));
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].line, 9);
        assert!(d[0].message.contains("no heading `after-loss`"), "{d:?}");
    }

    fn run(text: &str) -> (String, Vec<Diagnostic>) {
        let mut d = Vec::new();
        let code = check_and_generate(Path::new("synonyms.toml"), text, &docs(), &mut d);
        (code, d)
    }

    #[test]
    fn a_good_file_becomes_a_table() {
        let (code, d) = run(
            "[[synonym]]\ntyped = \"clingy\"\nfinds = [\"anxious\", \"reassurance\"]\n\n[[synonym]]\ntyped = \"pulls away\"\nfinds = [\"left\"]\n",
        );
        assert!(d.is_empty(), "{d:?}");
        assert!(
            code.contains("(\"clingy\", &[\"anxious\", \"reassurance\"]),"),
            "{code}"
        );
        assert!(code.contains("(\"pulls away\", &[\"left\"]),"), "{code}");
    }

    #[test]
    fn a_word_that_is_not_in_the_library_fails_with_its_line() {
        let (_, d) = run("[[synonym]]\ntyped = \"ghosting\"\nfinds = [\n  \"silence\",\n]\n");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].line, 4);
        assert!(d[0].message.contains("`silence`"), "{d:?}");
    }

    #[test]
    fn bad_typed_words_and_repeats_fail() {
        let (_, d) = run(
            "[[synonym]]\ntyped = \"Clingy\"\nfinds = [\"anxious\"]\n[[synonym]]\ntyped = \"needy\"\nfinds = []\n[[synonym]]\ntyped = \"needy\"\nfinds = [\"Anxious\"]\n",
        );
        let lines: Vec<usize> = d.iter().map(|d| d.line).collect();
        assert_eq!(lines, vec![2, 5, 8, 9], "{d:?}");
    }
}
