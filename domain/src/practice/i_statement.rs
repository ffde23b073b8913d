//! The I-statement, "I feel {feeling} when {situation}, and I need {need}.",
//! built from typed parts. People type the words the boxes already say ("I
//! feel hurt.", "when you're late", "I need a hug."), so each part is parsed
//! into the bare words first: the sentence can never read "I feel I feel"
//! or end in doubled punctuation.

/// What is left of a part once the words around it are gone, or `None`
/// when nothing is left.
fn bare(text: &str, leads: &[&str]) -> Option<String> {
    let mut rest = text.trim();
    // Typed twice ("I feel I feel hurt") is as likely as once: strip
    // until nothing more comes off.
    loop {
        let before = rest;
        rest = rest.trim_start_matches([',', ';', ':', '-', ' ']);
        for lead in leads {
            if let Some(after) = strip_word_prefix(rest, lead) {
                rest = after.trim_start();
                break;
            }
        }
        if rest == before {
            break;
        }
    }
    let rest = rest
        .trim_end_matches(|c: char| c.is_whitespace() || ".,;:!?…".contains(c))
        .trim();
    (!rest.is_empty()).then(|| rest.to_string())
}

/// `text` without `lead` at its start, ignoring case and the kind of
/// apostrophe, only when `lead` is whole words ("feeling" is not "feel").
fn strip_word_prefix<'a>(text: &'a str, lead: &str) -> Option<&'a str> {
    let mut chars = text.char_indices();
    for want in lead.chars() {
        let (_, got) = chars.next()?;
        let same = match (want, got) {
            ('\'', '\'' | '\u{2019}') => true,
            (w, g) => w.eq_ignore_ascii_case(&g),
        };
        if !same {
            return None;
        }
    }
    let rest = chars.next().map_or("", |(i, _)| &text[i..]);
    let whole_word = rest.is_empty() || rest.starts_with(|c: char| !c.is_alphanumeric());
    whole_word.then_some(rest)
}

/// The feeling: "hurt", never "I feel hurt.".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feeling(String);

impl Feeling {
    pub fn parse(text: &str) -> Option<Feeling> {
        let words = bare(
            text,
            &[
                "i feel",
                "i'm feeling",
                "i am feeling",
                "i'm",
                "i am",
                "feeling",
                "feel",
            ],
        )?;
        // A capital from the start of a typed sentence reads oddly mid-way
        // ("I feel Hurt"); "I" and names in a feeling are rare enough.
        let mut chars = words.chars();
        let first = chars.next()?;
        let rest = chars.as_str();
        let lowered =
            if first.is_uppercase() && !rest.is_empty() && !rest.starts_with(char::is_uppercase) {
                first.to_lowercase().collect::<String>() + rest
            } else {
                words
            };
        Some(Feeling(lowered))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What happens: "plans change", never "when plans change.".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Situation(String);

impl Situation {
    pub fn parse(text: &str) -> Option<Situation> {
        bare(text, &["and when", "when"]).map(Situation)
    }
}

/// What would help: "a short message", never "I need a short message.".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Need(String);

impl Need {
    pub fn parse(text: &str) -> Option<Need> {
        bare(text, &["and i need", "and", "i need", "need"]).map(Need)
    }
}

/// A whole I-statement: a feeling and a need, and what happens if given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IStatement {
    pub feeling: Feeling,
    pub situation: Option<Situation>,
    pub need: Need,
}

impl IStatement {
    /// From what was typed in the three boxes; without a feeling or a need
    /// there is no statement yet.
    pub fn parse(feeling: &str, situation: &str, need: &str) -> Option<IStatement> {
        Some(IStatement {
            feeling: Feeling::parse(feeling)?,
            situation: Situation::parse(situation),
            need: Need::parse(need)?,
        })
    }
}

impl std::fmt::Display for IStatement {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "I feel {}", self.feeling.0)?;
        if let Some(Situation(when)) = &self.situation {
            write!(f, " when {when}")?;
        }
        write!(f, ", and I need {}.", self.need.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(feeling: &str, situation: &str, need: &str) -> Option<String> {
        IStatement::parse(feeling, situation, need).map(|s| s.to_string())
    }

    #[test]
    fn plain_parts_make_one_sentence() {
        assert_eq!(
            said("uneasy", "I don't hear from you", "a short message").as_deref(),
            Some("I feel uneasy when I don't hear from you, and I need a short message.")
        );
        assert_eq!(
            said(" crowded ", "", "an evening alone").as_deref(),
            Some("I feel crowded, and I need an evening alone.")
        );
    }

    #[test]
    fn the_words_the_boxes_already_say_are_not_said_twice() {
        // The sentence from issue 23: "I feel I feel hurt. when...".
        assert_eq!(
            said("I feel hurt.", "when you cancel.", "I need a call.").as_deref(),
            Some("I feel hurt when you cancel, and I need a call.")
        );
        assert_eq!(
            said(
                "I FEEL I feel  hurt",
                "When plans change,",
                "and I need notice."
            )
            .as_deref(),
            Some("I feel hurt when plans change, and I need notice.")
        );
        assert_eq!(
            said("I\u{2019}m feeling left out!", "", "Need some time...").as_deref(),
            Some("I feel left out, and I need some time.")
        );
        assert_eq!(
            said("Feel lonely…", "", "I need you to ask about my day?").as_deref(),
            Some("I feel lonely, and I need you to ask about my day.")
        );
    }

    #[test]
    fn only_whole_words_are_taken_off() {
        // "feelings" and "needy" start with the words but are not them.
        assert_eq!(
            Feeling::parse("feelings of dread").unwrap().as_str(),
            "feelings of dread"
        );
        assert_eq!(
            Need::parse("needy reassurance"),
            Some(Need("needy reassurance".into()))
        );
        assert_eq!(
            Situation::parse("whenever"),
            Some(Situation("whenever".into()))
        );
        // A name stays capitalised; a typed sentence's first capital does not.
        assert_eq!(Feeling::parse("Hurt").unwrap().as_str(), "hurt");
        assert_eq!(Feeling::parse("OK").unwrap().as_str(), "OK");
        assert_eq!(Feeling::parse("I").unwrap().as_str(), "I");
    }

    #[test]
    fn no_statement_without_a_feeling_and_a_need() {
        assert_eq!(said("", "x", "y"), None);
        assert_eq!(said("sad", "x", "  "), None);
        // Only the lead words, or only punctuation, is nothing.
        assert_eq!(said("I feel", "", "a hug"), None);
        assert_eq!(said("sad", "", "I need."), None);
        assert_eq!(said("...", "", "a hug"), None);
    }

    #[test]
    fn no_sentence_ends_in_doubled_punctuation_or_says_a_lead_twice() {
        // What people type in each box: the box's own lead words, repeated,
        // with and without punctuation.
        let feelings = [
            "",
            "I feel",
            "i feel ",
            "hurt",
            "hurt.",
            "hurt!!",
            "I feel hurt.",
            "I'm",
            "...",
            "I feel I feel hurt,",
            "feel",
        ];
        let situations = ["", "when", "when x.", ", when late,", "x…", "When when x;"];
        let needs = [
            "",
            "I need",
            "I need a hug.",
            "and",
            "a hug…",
            "need",
            "and I need a hug?!",
            "I need I need a hug.",
        ];
        for f in feelings {
            for s in situations {
                for n in needs {
                    let Some(text) = said(f, s, n) else { continue };
                    let lower = text.to_lowercase();
                    assert!(!lower.contains("i feel i"), "{text:?}");
                    assert!(!lower.contains("when when"), "{text:?}");
                    assert!(!lower.contains("i need i need"), "{text:?}");
                    assert!(!lower.contains("and i need and"), "{text:?}");
                    assert!(text.ends_with('.') && !text.ends_with(".."), "{text:?}");
                    for doubled in ["..", ",,", ".,", ",.", "!.", "?.", "…", " ,", " ."] {
                        assert!(!text.contains(doubled), "{text:?} has {doubled:?}");
                    }
                }
            }
        }
    }
}
