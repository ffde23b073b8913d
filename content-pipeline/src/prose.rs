//! Checks on the words themselves, across every content file (articles,
//! pages and the prose in the TOML data files):
//!
//! - every "(Author, Year)" or "Author (Year)" citation has its work in
//!   `content/articles/references.md`, with the authors spelt the same;
//! - no sentence of twelve or more words is written twice in two files
//!   (say a thing once, and link to it);
//! - one variety of English: British spelling, with a short list of the
//!   American forms that slip in.
//!
//! They read the source text line by line (not the HTML), so every problem
//! points at the line to fix.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::Diagnostic;
use crate::data_file::at;

/// The references file, whose entries the citations must match.
pub const REFERENCES: &str = "articles/references.md";

/// A stretch of prose from one content file, as the reader sees it (markup
/// removed), with the line each part came from.
#[derive(Debug, Clone)]
pub struct Prose {
    pub file: PathBuf,
    /// The plain text of a paragraph, list item or string value.
    pub text: String,
    /// `(byte offset in text, source line)`, ascending: the line of any
    /// position is the last entry at or before it.
    lines: Vec<(usize, usize)>,
}

impl Prose {
    fn line_at(&self, offset: usize) -> usize {
        self.lines
            .iter()
            .take_while(|(o, _)| *o <= offset)
            .last()
            .map_or(1, |(_, l)| *l)
    }
}

/// The prose of a markdown file: the title and summary in its front matter,
/// then each paragraph, list item, heading and table row of its body.
pub fn markdown_prose(file: &Path, text: &str) -> Vec<Prose> {
    let mut out = Vec::new();
    let mut in_front = false;
    let mut block: Option<Prose> = None;
    let flush = |block: &mut Option<Prose>, out: &mut Vec<Prose>| {
        if let Some(b) = block.take() {
            out.push(b);
        }
    };
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        if raw.trim() == "+++" {
            in_front = line == 1;
            continue;
        }
        if in_front {
            out.extend(toml_line_prose(file, raw, line));
            continue;
        }
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            flush(&mut block, &mut out);
            continue;
        }
        // A heading, list item, quote or table row starts a block of its own.
        let starts_block = trimmed.starts_with('#')
            || trimmed.starts_with("- ")
            || trimmed.starts_with("* ")
            || trimmed.starts_with('>')
            || trimmed.starts_with('|')
            || list_number(trimmed).is_some();
        if starts_block {
            flush(&mut block, &mut out);
        }
        let clean = clean_markdown(trimmed);
        match &mut block {
            Some(b) => {
                b.text.push(' ');
                b.lines.push((b.text.len(), line));
                b.text.push_str(&clean);
            }
            None => {
                block = Some(Prose {
                    file: file.to_path_buf(),
                    text: clean,
                    lines: vec![(0, line)],
                })
            }
        }
        if trimmed.starts_with('#') || trimmed.starts_with('|') {
            flush(&mut block, &mut out);
        }
    }
    flush(&mut block, &mut out);
    out
}

/// `"12. "` → the length of the marker.
fn list_number(s: &str) -> Option<usize> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0 && s[digits..].starts_with(". ")).then_some(digits + 2)
}

/// A markdown line as plain text: link targets, emphasis, code ticks, list
/// and heading markers and table pipes removed.
fn clean_markdown(line: &str) -> String {
    let mut s = line.trim_start_matches('#').trim_start();
    for marker in ["- ", "* ", "> "] {
        if let Some(rest) = s.strip_prefix(marker) {
            s = rest;
        }
    }
    if let Some(n) = list_number(s) {
        s = &s[n..];
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // `[text](target)`: keep the text, drop the target.
            ']' if chars.peek() == Some(&'(') => {
                for c in chars.by_ref() {
                    if c == ')' {
                        break;
                    }
                }
            }
            '[' | ']' | '*' | '`' => {}
            // A table cell ends like a sentence.
            '|' => out.push_str(". "),
            c => out.push(c),
        }
    }
    out.trim().to_string()
}

/// The prose of a TOML file: every string value, with its line.
pub fn toml_prose(file: &Path, text: &str) -> Vec<Prose> {
    text.lines()
        .enumerate()
        .flat_map(|(i, raw)| toml_line_prose(file, raw, i + 1))
        .collect()
}

/// The basic strings (`"..."`) on one TOML line, skipping comments and
/// values that are paths rather than prose (`href = "learn/x"`).
fn toml_line_prose(file: &Path, raw: &str, line: usize) -> Vec<Prose> {
    let mut out = Vec::new();
    let mut chars = raw.char_indices();
    while let Some((_, c)) = chars.next() {
        match c {
            '#' => break,
            '"' => {
                let mut value = String::new();
                while let Some((_, c)) = chars.next() {
                    match c {
                        '\\' => {
                            if let Some((_, e)) = chars.next() {
                                value.push(match e {
                                    'n' | 't' => ' ',
                                    e => e,
                                });
                            }
                        }
                        '"' => break,
                        c => value.push(c),
                    }
                }
                let is_path = !value.contains(' ') && value.contains('/');
                if !value.trim().is_empty() && !is_path {
                    out.push(Prose {
                        file: file.to_path_buf(),
                        text: value,
                        lines: vec![(0, line)],
                    });
                }
            }
            _ => {}
        }
    }
    out
}

// --- Citations --------------------------------------------------------------

/// One work in references.md.
#[derive(Debug, Clone)]
pub struct Reference {
    /// The first author's surname as written ("De Wolff", "Roisman").
    pub surname: String,
    pub year: u16,
    /// The whole entry line, for checking co-authors' spelling.
    pub entry: String,
    /// The titles in italics, which may stand for the authors:
    /// "*Hold Me Tight* (2008)".
    pub titles: Vec<String>,
}

/// Reads the entries of references.md: each list item that names a year.
/// An entry must give its title (in italics or quotes) so a reader can find
/// the work, and the authors as "Surname, Given ...".
pub fn parse_references(file: &Path, text: &str, diags: &mut Vec<Diagnostic>) -> Vec<Reference> {
    let mut refs = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let Some(entry) = raw.strip_prefix("- ") else {
            continue;
        };
        let Some(year) = last_year(entry) else {
            continue;
        };
        let line = i + 1;
        let Some((surname, _)) = entry.split_once(',') else {
            diags.push(at(
                file,
                line,
                "a reference starts with the first author as `Surname, Given`".into(),
            ));
            continue;
        };
        let has_title = entry.matches('*').count() >= 2 || entry.matches('"').count() >= 2;
        if !has_title {
            diags.push(at(
                file,
                line,
                format!(
                    "the reference for {surname} ({year}) has no title: give it in *italics* (a book or journal) or \"quotes\" (a paper or chapter)"
                ),
            ));
        }
        let titles = entry
            .split('*')
            .skip(1)
            .step_by(2)
            .map(|t| t.trim_end_matches('.').to_string())
            .collect();
        refs.push(Reference {
            surname: surname.trim().to_string(),
            year,
            entry: entry.to_string(),
            titles,
        });
    }
    refs
}

/// The last year (1900-2099) written in `s`, as a whole number.
fn last_year(s: &str) -> Option<u16> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(3)).rev().find_map(|i| {
        let four = &b[i..i + 4];
        let digits = four.iter().all(u8::is_ascii_digit);
        let alone = (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        let year: u16 = s[i..i + 4].parse().ok().filter(|_| digits && alone)?;
        (1900..2100).contains(&year).then_some(year)
    })
}

/// Words inside a citation's author list that are not surnames.
const NOT_NAMES: &[&str] = &["and", "&", "et", "al.", "al", "colleagues", "others"];

/// Checks every citation in `prose` against `refs`.
pub fn check_citations(prose: &[Prose], refs: &[Reference], diags: &mut Vec<Diagnostic>) {
    for p in prose {
        let text = p.text.as_str();
        let mut from = 0;
        while let Some(open) = text[from..].find('(').map(|i| from + i) {
            let Some(close) = text[open..].find(')').map(|i| open + i) else {
                break;
            };
            from = close + 1;
            for part in text[open + 1..close].split(';') {
                check_one(p, text, open, part.trim(), refs, diags);
            }
        }
    }
}

fn check_one(
    p: &Prose,
    text: &str,
    open: usize,
    part: &str,
    refs: &[Reference],
    diags: &mut Vec<Diagnostic>,
) {
    // The year ends the part: "Tatkin, 2012" or a bare "2012".
    let Some(year_text) = part.get(part.len().saturating_sub(4)..) else {
        return;
    };
    let Some(year) = last_year(year_text).filter(|_| year_text.len() == 4) else {
        return;
    };
    let authors = part[..part.len() - 4].trim().trim_end_matches(',').trim();
    let line = p.line_at(open);
    if authors.is_empty() {
        // "Johnson (2008)", "Roisman, Padrón, Sroufe and Egeland (2002)": the
        // names come just before, and any of the last few words may be the
        // first author. A book may stand for its author: "*Hold Me Tight* (2008)".
        let before: Vec<&str> = text[..open].split_whitespace().rev().take(8).collect();
        let found = refs.iter().any(|r| {
            r.year == year
                && (before.iter().any(|w| {
                    let w = w.trim_matches(|c: char| !c.is_alphabetic());
                    let w = w
                        .strip_suffix("'s")
                        .or_else(|| w.strip_suffix("\u{2019}s"))
                        .unwrap_or(w);
                    w == r.surname
                }) || r
                    .titles
                    .iter()
                    .any(|t| text[..open].trim_end().ends_with(t.as_str())))
        });
        if !found {
            diags.push(at(
                &p.file,
                line,
                format!(
                    "the work cited as ({year}) has no entry in {REFERENCES}: add it there, with the first author's surname written as here"
                ),
            ));
        }
        return;
    }
    // "(Author, Year)": only a list of names counts as a citation, not an
    // aside such as "(since 2015)".
    let is_names = authors.starts_with(|c: char| c.is_uppercase())
        && authors
            .split([' ', ','])
            .filter(|w| !w.is_empty())
            .all(|w| {
                NOT_NAMES.contains(&w)
                    || w.starts_with(|c: char| c.is_uppercase())
                    || is_particle(w)
            });
    if !is_names {
        return;
    }
    let Some(r) = refs
        .iter()
        .find(|r| r.year == year && authors.starts_with(&r.surname))
    else {
        diags.push(at(
            &p.file,
            line,
            format!(
                "citation ({authors}, {year}) has no entry in {REFERENCES}: add the work in full (authors, year, title, journal or publisher)"
            ),
        ));
        return;
    };
    // Every surname named must be spelt as in the entry.
    for name in authors
        .split([',', '&'])
        .flat_map(|s| s.split(" and "))
        .map(|s| s.trim().trim_end_matches(" et al.").trim())
        .filter(|s| !s.is_empty() && !NOT_NAMES.contains(s) && *s != "colleagues")
    {
        let name = name.trim_end_matches(" and colleagues");
        if !r.entry.contains(name) {
            diags.push(at(
                &p.file,
                line,
                format!(
                    "citation ({authors}, {year}): `{name}` is not spelt as in {REFERENCES} (\"{}\")",
                    r.entry.split('.').next().unwrap_or_default()
                ),
            ));
        }
    }
}

/// Lowercase parts of surnames: "van IJzendoorn", "de Vries".
fn is_particle(w: &str) -> bool {
    ["van", "von", "de", "der", "den", "du", "la", "le"].contains(&w)
}

// --- Saying it once ---------------------------------------------------------

/// The fewest words a sentence needs before writing it twice counts.
pub const DUPLICATE_WORDS: usize = 12;

/// Fails when a sentence of [`DUPLICATE_WORDS`] or more words appears in two
/// files (case, punctuation and spacing aside). Within one file a repeat is
/// left alone: the data files repeat a line per region on purpose.
pub fn check_duplicates(prose: &[Prose], diags: &mut Vec<Diagnostic>) {
    let mut seen: BTreeMap<String, (&Path, usize)> = BTreeMap::new();
    for p in prose {
        for (start, sentence) in sentences(&p.text) {
            let words: Vec<String> = crate::words::words(sentence).collect();
            if words.len() < DUPLICATE_WORDS {
                continue;
            }
            let key = words.join(" ");
            let line = p.line_at(start);
            match seen.get(&key) {
                Some((file, first)) if *file != p.file.as_path() => diags.push(at(
                    &p.file,
                    line,
                    format!(
                        "this sentence is also at {}:{first}; say it once and link to it: \"{}\"",
                        file.display(),
                        sentence.trim()
                    ),
                )),
                Some(_) => {}
                None => {
                    seen.insert(key, (&p.file, line));
                }
            }
        }
    }
}

/// Sentences with their byte offsets: a stop, question or exclamation mark
/// followed by a space (or the end) ends one.
fn sentences(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        let ends = matches!(c, '.' | '!' | '?')
            && bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace());
        if ends {
            out.push((start, &text[start..=i]));
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push((start, &text[start..]));
    }
    out
}

// --- One variety of English -------------------------------------------------

/// American spellings that slip into British text, with the British form.
/// Words ending in -ize, -yze and -ization are caught by rule (see
/// [`american_form`]).
const AMERICAN: &[(&str, &str)] = &[
    ("behavior", "behaviour"),
    ("behaviors", "behaviours"),
    ("behavioral", "behavioural"),
    ("color", "colour"),
    ("colors", "colours"),
    ("favorite", "favourite"),
    ("favor", "favour"),
    ("honor", "honour"),
    ("humor", "humour"),
    ("neighbor", "neighbour"),
    ("neighbors", "neighbours"),
    ("rumor", "rumour"),
    ("labor", "labour"),
    ("savior", "saviour"),
    ("endeavor", "endeavour"),
    ("center", "centre"),
    ("centers", "centres"),
    ("centered", "centred"),
    ("theater", "theatre"),
    ("fiber", "fibre"),
    ("somber", "sombre"),
    ("defense", "defence"),
    ("defenses", "defences"),
    ("offense", "offence"),
    ("pretense", "pretence"),
    ("practiced", "practised"),
    ("practicing", "practising"),
    ("traveled", "travelled"),
    ("traveling", "travelling"),
    ("canceled", "cancelled"),
    ("counseling", "counselling"),
    ("counselor", "counsellor"),
    ("counselors", "counsellors"),
    ("labeled", "labelled"),
    ("labeling", "labelling"),
    ("modeled", "modelled"),
    ("modeling", "modelling"),
    ("signaled", "signalled"),
    ("signaling", "signalling"),
    ("fulfill", "fulfil"),
    ("skillful", "skilful"),
    ("catalog", "catalogue"),
    ("dialog", "dialogue"),
    ("gray", "grey"),
    ("mom", "mum"),
    ("moms", "mums"),
    ("gotten", "got"),
    ("randomized", "randomised"),
];

/// Words with -ize that are spelt that way in British English too.
const IZE_ALWAYS: &[&str] = &[
    "size", "sized", "sizes", "prize", "prizes", "seize", "seized", "capsize",
];

/// The British form of `word` (lowercase) if it is an American spelling.
fn american_form(word: &str) -> Option<String> {
    if let Some((_, british)) = AMERICAN.iter().find(|(us, _)| *us == word) {
        return Some((*british).to_string());
    }
    if IZE_ALWAYS.contains(&word) {
        return None;
    }
    for (us, uk) in [
        ("ization", "isation"),
        ("izations", "isations"),
        ("ize", "ise"),
        ("izes", "ises"),
        ("ized", "ised"),
        ("izing", "ising"),
        ("yze", "yse"),
        ("yzed", "ysed"),
        ("yzing", "ysing"),
    ] {
        if let Some(stem) = word.strip_suffix(us)
            && stem.len() >= 3
        {
            return Some(format!("{stem}{uk}"));
        }
    }
    None
}

/// "to practice", "you practice": the verb, which British English spells
/// "practise" (the noun stays "practice").
fn practice_as_verb(before: &str) -> bool {
    [
        "to", "you", "we", "i", "they", "can", "could", "might", "will",
    ]
    .contains(&before)
}

/// Fails on American spellings. `allowed` are phrases that keep their own
/// spelling (names of organisations, titles); titles in references.md, in
/// italics or quotes, are skipped.
pub fn check_spelling(
    prose: &[Prose],
    raw_references: Option<(&Path, &str)>,
    allowed: &[String],
    diags: &mut Vec<Diagnostic>,
) {
    let mut check = |file: &Path, text: &str, line_of: &dyn Fn(usize) -> usize| {
        let mut text = text.to_string();
        for phrase in allowed {
            text = text.replace(phrase.as_str(), &" ".repeat(phrase.len()));
        }
        let mut previous = String::new();
        for (here, w) in alphabetic_words(&text) {
            let lower = w.to_lowercase();
            let british = american_form(&lower).or_else(|| {
                (lower == "practice" && practice_as_verb(&previous)).then(|| "practise".into())
            });
            if let Some(british) = british {
                diags.push(at(
                    file,
                    line_of(here),
                    format!(
                        "`{w}` is American spelling; Steady writes British English: `{british}` (a name or title that keeps its spelling goes in content/spelling.toml)"
                    ),
                ));
            }
            previous = lower;
        }
    };
    for p in prose {
        if raw_references.is_some_and(|(f, _)| f == p.file) {
            continue;
        }
        check(&p.file, &p.text, &|o| p.line_at(o));
    }
    if let Some((file, text)) = raw_references {
        for (i, raw) in text.lines().enumerate() {
            let prose = without_titles(&clean_markdown(&raw.replace('*', "\u{1}")));
            check(file, &prose, &|_| i + 1);
        }
    }
}

/// The runs of letters in `text`, with their byte offsets.
fn alphabetic_words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (start, c.is_alphabetic()) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// A references line without its titles (between `\u{1}` marks, where the
/// italics were, or in double quotes), which keep their own spelling.
fn without_titles(line: &str) -> String {
    let mut out = String::new();
    let mut inside: Option<char> = None;
    for c in line.chars() {
        match (inside, c) {
            (None, '\u{1}' | '"' | '\u{201c}') => inside = Some(c),
            (Some('\u{1}'), '\u{1}') | (Some('"'), '"') | (Some('\u{201c}'), '\u{201d}') => {
                inside = None
            }
            (Some(_), _) => out.push(' '),
            (None, c) => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(name: &str, body: &str) -> Vec<Prose> {
        markdown_prose(
            Path::new(name),
            &format!("+++\ntitle = \"T\"\nsummary = \"S\"\n+++\n{body}"),
        )
    }

    const REFS: &str = "## Works\n\n- Tatkin, Stan. *Wired for Love*. New Harbinger, 2012.\n- Roisman, Glenn I., Elena Padrón, L. Alan Sroufe and Byron Egeland. \"A study of change.\" *Child Development*, 2002.\n- De Wolff, Marianne S., and Marinus H. van IJzendoorn. \"Sensitivity and attachment.\" *Child Development*, 1997.\n- Read [about](/learn/about).\n";

    fn refs() -> Vec<Reference> {
        let mut d = Vec::new();
        let r = parse_references(Path::new("references.md"), REFS, &mut d);
        assert!(d.is_empty(), "{d:?}");
        r
    }

    fn citations(body: &str) -> Vec<Diagnostic> {
        let mut d = Vec::new();
        check_citations(&md("a.md", body), &refs(), &mut d);
        d
    }

    #[test]
    fn references_are_read_with_surname_and_year() {
        let r = refs();
        assert_eq!(r.len(), 3);
        assert_eq!((r[0].surname.as_str(), r[0].year), ("Tatkin", 2012));
        assert_eq!((r[2].surname.as_str(), r[2].year), ("De Wolff", 1997));
    }

    #[test]
    fn a_reference_without_a_title_is_refused() {
        let mut d = Vec::new();
        parse_references(
            Path::new("references.md"),
            "- Roisman, Glenn I. Published in Child Development, volume 73, 2002.\n",
            &mut d,
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].line, 1);
        assert!(d[0].message.contains("no title"), "{d:?}");
    }

    #[test]
    fn known_citations_pass() {
        let d = citations(
            "Tatkin calls it a bubble (Tatkin, 2012). His book *Wired for Love* (2012) and Tatkin's (2012) idea.\n\nRoisman, Padrón, Sroufe and Egeland (2002) followed people.\n\nSensitivity matters (De Wolff & van IJzendoorn, 1997; Tatkin, 2012). Also (Roisman et al., 2002) and (Roisman and colleagues, 2002).\n\nAn aside (since 2015) and a link [here](/learn/x) are not citations.\n",
        );
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn a_citation_missing_from_references_fails_with_its_line() {
        let d = citations(
            "Fine (Tatkin, 2012).\n\nLater on a new claim\nwith a source (Fraley, 2002).\n",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].line, 8, "{d:?}");
        assert!(
            d[0].to_string()
                .starts_with("a.md:8: citation (Fraley, 2002)"),
            "{}",
            d[0]
        );
    }

    #[test]
    fn a_wrong_year_or_unknown_narrative_citation_fails() {
        let d = citations(
            "Tatkin (2013) says so.\n\nChopik et al. (2013) found it.\n\n(Bartholomew & Horowitz, 1991)\n",
        );
        let lines: Vec<usize> = d.iter().map(|d| d.line).collect();
        assert_eq!(lines, vec![5, 7, 9], "{d:?}");
    }

    #[test]
    fn a_coauthor_spelt_differently_fails() {
        let d = citations("It held (Roisman, Padron, Sroufe and Egeland, 2002).\n");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("`Padron`"), "{d:?}");
    }

    #[test]
    fn citations_in_toml_strings_are_checked() {
        let mut d = Vec::new();
        let prose = toml_prose(
            Path::new("tools.toml"),
            "# (Nobody, 1999) in a comment is fine\nintro = \"One trial (Balban et al., 2023).\"\n",
        );
        check_citations(&prose, &refs(), &mut d);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].line, 2);
    }

    fn duplicates(files: &[(&str, &str)]) -> Vec<Diagnostic> {
        let prose: Vec<Prose> = files.iter().flat_map(|(n, b)| md(n, b)).collect();
        let mut d = Vec::new();
        check_duplicates(&prose, &mut d);
        d
    }

    const LONG: &str =
        "The physiological sigh is two breaths in through the nose and one long breath out.";

    #[test]
    fn a_long_sentence_in_two_files_fails_naming_both() {
        let d = duplicates(&[
            ("a.md", &format!("Intro.\n\n{LONG}\n")),
            (
                "b.md",
                "Other words.\n\n- **The physiological sigh** is two breaths in through the [nose](/learn/x), and one long breath out!\n",
            ),
        ]);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].file, Path::new("b.md"));
        assert_eq!(d[0].line, 7);
        assert!(d[0].message.contains("a.md:7"), "{d:?}");
    }

    #[test]
    fn short_sentences_and_repeats_within_one_file_pass() {
        let d = duplicates(&[
            (
                "a.md",
                &format!("Take what fits and leave the rest.\n\n{LONG}\n\n{LONG}\n"),
            ),
            ("b.md", "Take what fits and leave the rest.\n"),
        ]);
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn a_duplicate_between_markdown_and_toml_is_found() {
        let mut prose = md("a.md", &format!("{LONG}\n"));
        prose.extend(toml_prose(
            Path::new("c.toml"),
            &format!("x = 1\nintro = \"{LONG}\"\n"),
        ));
        let mut d = Vec::new();
        check_duplicates(&prose, &mut d);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].file.as_path(), d[0].line), (Path::new("c.toml"), 2));
    }

    #[test]
    fn a_sentence_wrapped_over_lines_reports_where_it_starts() {
        let d = duplicates(&[
            ("a.md", &format!("{LONG}\n")),
            (
                "b.md",
                "First. The physiological sigh is two breaths\nin through the nose and one long breath out.\n",
            ),
        ]);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].line, 5);
    }

    fn spelling(body: &str, allowed: &[&str]) -> Vec<Diagnostic> {
        let allowed: Vec<String> = allowed.iter().map(|s| s.to_string()).collect();
        let mut d = Vec::new();
        check_spelling(&md("a.md", body), None, &allowed, &mut d);
        d
    }

    #[test]
    fn american_spellings_fail_with_the_british_form() {
        let d = spelling(
            "Your behavior is fine.\n\nWe organize the center. You might practice repairing.\n",
            &[],
        );
        let got: Vec<(usize, bool)> = d
            .iter()
            .map(|d| (d.line, d.message.contains('`')))
            .collect();
        assert_eq!(got.len(), 4, "{d:?}");
        assert_eq!(d[0].line, 5);
        assert!(d[0].message.contains("`behaviour`"), "{d:?}");
        assert!(d[1].message.contains("`organise`"), "{d:?}");
        assert!(d[2].message.contains("`centre`"), "{d:?}");
        assert!(d[3].message.contains("`practise`"), "{d:?}");
    }

    #[test]
    fn british_spellings_and_allowed_names_pass() {
        let d = spelling(
            "Practice helps; we practise daily. Behaviour, colour, the size of it.\n\nCall the Crisis Center of Tampa Bay.\n",
            &["Crisis Center of Tampa Bay"],
        );
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn titles_in_references_keep_their_spelling() {
        let text = "- Smith, Ann. *Behavior and Color*. Press, 2001.\n  \"On organizing.\" Our note on behavior.\n";
        let mut d = Vec::new();
        check_spelling(&[], Some((Path::new("references.md"), text)), &[], &mut d);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].line, 2);
        assert!(d[0].message.contains("behaviour"));
    }
}
