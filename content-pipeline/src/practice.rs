//! `content/practice/prompts.toml`: for now, the feeling words offered in
//! the journal and the tools. The rest of the file waits for the practice
//! tools, which will check it here.

use std::collections::BTreeSet;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::Diagnostic;
use crate::data_file::{at, line_of, parse};

#[derive(Deserialize)]
struct Prompts {
    feelings: Spanned<Vec<String>>,
}

/// Checks the feeling words and returns the generated Rust for them.
pub fn compile_prompts(file: &Path, diags: &mut Vec<Diagnostic>) -> String {
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) => {
            diags.push(at(
                file,
                1,
                format!("cannot read the practice prompts: {e}"),
            ));
            return String::new();
        }
    };
    let Some(prompts) = parse::<Prompts>(file, &text, "practice prompts", diags) else {
        return String::new();
    };
    let line = line_of(&text, prompts.feelings.span().start);
    let words = prompts.feelings.get_ref();
    let mut seen = BTreeSet::new();
    for w in words {
        if w.trim().is_empty() || w.chars().count() > 30 || w.contains(['<', '>']) {
            diags.push(at(
                file,
                line,
                format!("feeling word {w:?} must be a short plain word"),
            ));
        }
        if !seen.insert(w.to_lowercase()) {
            diags.push(at(
                file,
                line,
                format!("feeling word {w:?} is listed twice"),
            ));
        }
    }
    if !(10..=80).contains(&words.len()) {
        diags.push(at(
            file,
            line,
            format!("offer 10 to 80 feeling words, not {}", words.len()),
        ));
    }
    format!("pub static FEELING_WORDS: &[&str] = &{words:?};\n")
}
