//! Repair scripts: lines with blanks such as `{feeling}` that the person
//! fills in. A blank left empty shows as "…", so a half-filled script still
//! reads as a sentence with a gap, never as a raw `{name}`.

use super::timer::MINUTE_MS;

/// A blank a repair line may hold. The build rejects any other name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Blank {
    What,
    Feeling,
    Need,
    Minutes,
    Time,
    TheirView,
}

impl Blank {
    pub const ALL: [Blank; 6] = [
        Blank::What,
        Blank::Feeling,
        Blank::Need,
        Blank::Minutes,
        Blank::Time,
        Blank::TheirView,
    ];

    /// The name written between braces in `content/practice/prompts.toml`.
    pub fn key(self) -> &'static str {
        match self {
            Blank::What => "what",
            Blank::Feeling => "feeling",
            Blank::Need => "need",
            Blank::Minutes => "minutes",
            Blank::Time => "time",
            Blank::TheirView => "their_view",
        }
    }

    pub fn parse(key: &str) -> Option<Blank> {
        Blank::ALL.into_iter().find(|b| b.key() == key)
    }

    /// The label of the box where it is filled in.
    pub fn label(self) -> &'static str {
        match self {
            Blank::What => "What I did",
            Blank::Feeling => "What I'm feeling",
            Blank::Need => "What I needed instead",
            Blank::Minutes => "Minutes I need",
            Blank::Time => "When I'll be back",
            Blank::TheirView => "How it looks to them, in my words",
        }
    }
}

/// A piece of a line: words as written, or a blank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Blank(Blank),
}

/// Splits a line into words and blanks; an unknown or unclosed blank is an
/// error naming it.
pub fn pieces(line: &str) -> Result<Vec<Piece<'_>>, String> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(open) = rest.find('{') {
        if open > 0 {
            out.push(Piece::Text(&rest[..open]));
        }
        let after = &rest[open + 1..];
        let close = after
            .find('}')
            .ok_or_else(|| format!("a blank opened with {{ is never closed in {line:?}"))?;
        let name = &after[..close];
        let blank = Blank::parse(name).ok_or_else(|| format!("unknown blank {{{name}}}"))?;
        out.push(Piece::Blank(blank));
        rest = &after[close + 1..];
    }
    if rest.contains('}') {
        return Err(format!("a stray }} in {line:?}"));
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    Ok(out)
}

/// The blanks of a script, each once, in the order they first appear.
pub fn blanks(lines: &[&str]) -> Vec<Blank> {
    let mut seen = Vec::new();
    for line in lines {
        for piece in pieces(line).unwrap_or_default() {
            if let Piece::Blank(b) = piece
                && !seen.contains(&b)
            {
                seen.push(b);
            }
        }
    }
    seen
}

/// Punctuation that ends a filled blank: what the person typed loses it
/// when the script's own words go on with punctuation, so "I'm sorry I
/// snapped." never reads "snapped..".
const ENDING: &[char] = &['.', ',', ';', ':', '!', '?', '…'];

/// The script with every blank filled from `value` (trimmed; "…" when empty).
/// An empty blank's "…" already ends a sentence, so a full stop straight
/// after it is dropped: "I'm sorry I …", never four dots.
pub fn fill(lines: &[&str], value: impl Fn(Blank) -> String) -> Vec<String> {
    lines
        .iter()
        .map(|line| {
            let pieces = pieces(line).unwrap_or_default();
            let mut out = String::new();
            let mut after_gap = false;
            for (i, piece) in pieces.iter().enumerate() {
                match piece {
                    Piece::Text(t) => {
                        let t = if after_gap {
                            t.strip_prefix('.').unwrap_or(t)
                        } else {
                            t
                        };
                        out.push_str(t);
                        after_gap = false;
                    }
                    Piece::Blank(b) => {
                        let v = value(*b);
                        let mut v = v.trim();
                        let next_is_punctuation = matches!(
                            pieces.get(i + 1),
                            Some(Piece::Text(t)) if t.starts_with(ENDING)
                        );
                        if next_is_punctuation {
                            v = v.trim_end_matches(ENDING).trim_end();
                        }
                        after_gap = v.is_empty();
                        out.push_str(if v.is_empty() { "…" } else { v });
                    }
                }
            }
            out
        })
        .collect()
}

/// When someone taking a break of `minutes` from `now` will be back.
pub fn return_time(now: f64, minutes: u32) -> f64 {
    now + f64::from(minutes) * MINUTE_MS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_splits_into_words_and_blanks() {
        assert_eq!(
            pieces("I'm sorry I {what}.").unwrap(),
            vec![
                Piece::Text("I'm sorry I "),
                Piece::Blank(Blank::What),
                Piece::Text(".")
            ]
        );
        assert_eq!(
            pieces("{feeling}{need}").unwrap(),
            vec![Piece::Blank(Blank::Feeling), Piece::Blank(Blank::Need)]
        );
        assert_eq!(pieces("").unwrap(), vec![]);
    }

    #[test]
    fn unknown_or_broken_blanks_are_errors() {
        assert!(pieces("I feel {mood}.").unwrap_err().contains("{mood}"));
        assert!(pieces("I feel {feeling.").is_err());
        assert!(pieces("I feel feeling}.").is_err());
        assert!(pieces("{}").is_err());
    }

    #[test]
    fn every_blank_key_reads_back() {
        for b in Blank::ALL {
            assert_eq!(Blank::parse(b.key()), Some(b));
        }
        assert_eq!(Blank::parse("What"), None);
    }

    #[test]
    fn filling_keeps_text_and_marks_empty_blanks() {
        let script = [
            "I'm feeling {feeling}, and I need {minutes} minutes.",
            "Back at {time}; {feeling} still.",
        ];
        assert_eq!(
            blanks(&script),
            vec![Blank::Feeling, Blank::Minutes, Blank::Time]
        );
        let filled = fill(&script, |b| match b {
            Blank::Feeling => "  flooded ".into(),
            Blank::Minutes => "20".into(),
            _ => String::new(),
        });
        assert_eq!(
            filled,
            vec![
                "I'm feeling flooded, and I need 20 minutes.",
                "Back at …; flooded still."
            ]
        );
        // What the person typed is used as it is, braces and all.
        assert_eq!(
            fill(&["I {what}"], |_| "{need} <b>".into()),
            vec!["I {need} <b>"]
        );
    }

    #[test]
    fn an_empty_or_punctuated_blank_never_doubles_the_full_stop() {
        // Issue 23: an empty {what} read "I'm sorry I ....".
        assert_eq!(
            fill(&["I'm sorry I {what}."], |_| String::new()),
            vec!["I'm sorry I …"]
        );
        assert_eq!(
            fill(&["I'm sorry I {what}."], |_| "snapped at you. ".into()),
            vec!["I'm sorry I snapped at you."]
        );
        assert_eq!(
            fill(&["I feel {feeling}, and I need {need}."], |b| match b {
                Blank::Feeling => "scared,".into(),
                _ => "a pause!".into(),
            }),
            vec!["I feel scared, and I need a pause."]
        );
        // Punctuation inside what was typed, or with no script text after, stays.
        assert_eq!(
            fill(&["{what}"], |_| "Sorry. Really.".into()),
            vec!["Sorry. Really."]
        );
    }

    #[test]
    fn the_return_time_is_now_plus_the_break() {
        assert_eq!(return_time(1000.0, 20), 1000.0 + 20.0 * 60_000.0);
    }
}
