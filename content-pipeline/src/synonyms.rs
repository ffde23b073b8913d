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
/// `(typed, &[finds])` in file order.
pub fn compile(file: &Path, docs: &[Document], diags: &mut Vec<Diagnostic>) -> String {
    let Ok(text) = std::fs::read_to_string(file) else {
        return "pub static SYNONYMS: &[(&str, &[&str])] = &[];\n".into();
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
        return code + "];\n";
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
        ]
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
