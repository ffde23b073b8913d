//! Turning one use of a practice tool into a journal entry of its kind, so
//! the journal lists it and Progress counts it in "what helps".

use crate::journal::{EntryKind, Field, FieldError, Intensity, JournalEntry};

use super::activated::{ActivatedRun, ActivatedStep, Outcome};
use super::timer::{StillWant, UrgeTimer, words};

/// A finished use of a tool, before it has an id and a time.
#[derive(Debug, Clone, PartialEq)]
pub struct ToolUse {
    kind: EntryKind,
    title: String,
    feeling: Option<String>,
    before: Option<Intensity>,
    after: Option<Intensity>,
    fields: Vec<Field>,
}

/// Why a use cannot be saved yet. The message is for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotReady(pub String);

impl std::fmt::Display for NotReady {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl ToolUse {
    pub fn new(kind: EntryKind) -> ToolUse {
        ToolUse {
            kind,
            title: String::new(),
            feeling: None,
            before: None,
            after: None,
            fields: Vec::new(),
        }
    }

    pub fn kind(&self) -> EntryKind {
        self.kind
    }

    pub fn title(mut self, title: impl Into<String>) -> ToolUse {
        self.title = title.into().trim().to_string();
        self
    }

    /// An answer; left out when empty.
    pub fn field(mut self, label: &str, value: &str) -> ToolUse {
        let value = value.trim();
        if !value.is_empty() {
            self.fields.push(Field {
                label: label.to_string(),
                value: value.to_string(),
            });
        }
        self
    }

    pub fn feeling(mut self, feeling: &str) -> ToolUse {
        let feeling = feeling.trim();
        self.feeling = (!feeling.is_empty()).then(|| feeling.to_string());
        self
    }

    pub fn intensity(mut self, before: Option<Intensity>, after: Option<Intensity>) -> ToolUse {
        self.before = before;
        self.after = after;
        self
    }

    /// The ratings in words, for the saved message: "Intensity 7 → 4".
    pub fn intensity_words(&self) -> Option<String> {
        crate::journal::intensity_words(self.before, self.after)
    }

    /// What the saved message says was kept: "Saved: 7 → 4." with both
    /// ratings, and, when the form was emptied for the next use, that it was
    /// (so the empty scales do not look like lost ratings).
    pub fn saved_words(&self, form_cleared: bool) -> String {
        saved_words(self.before, self.after, form_cleared)
    }

    /// Whether the person wrote or chose anything at all.
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
            && self.feeling.is_none()
            && self.before.is_none()
            && self.after.is_none()
    }

    /// The journal entry, checked against the journal's limits. An empty use
    /// is refused so that an accidental press saves nothing.
    pub fn into_entry(self, id: String, now: f64) -> Result<JournalEntry, NotReady> {
        if self.is_empty() {
            return Err(NotReady(
                "Write or choose something first: there is nothing to save yet.".into(),
            ));
        }
        let mut entry = JournalEntry::new(id, self.kind, now);
        entry.title = self.title;
        entry.feeling = self.feeling;
        entry.intensity_before = self.before;
        entry.intensity_after = self.after;
        entry.fields = self.fields;
        entry.validate().map_err(|e: FieldError| {
            NotReady(format!("This can't be saved yet: {}.", e.message))
        })?;
        Ok(entry)
    }
}

/// See [`ToolUse::saved_words`]; the wait page says it after its form is gone.
pub fn saved_words(
    before: Option<Intensity>,
    after: Option<Intensity>,
    form_cleared: bool,
) -> String {
    let mut words = match (before, after) {
        (Some(b), Some(a)) => format!("Saved: {} \u{2192} {}.", b.value(), a.value()),
        (Some(b), None) => format!("Saved, with {} at the start.", b.value()),
        (None, Some(a)) => format!("Saved, with {} at the end.", a.value()),
        (None, None) => "Saved to your journal.".to_string(),
    };
    if form_cleared {
        words.push_str(" The form is clear for next time.");
    }
    words
}

/// The couple agreement as plain text, to copy or share: its title, the
/// names, the four principles, then each finished sentence ("..." of the
/// prompt replaced by the answer). Unanswered prompts are left out.
pub fn agreement_text(names: &str, principles: &[&str], lines: &[(&str, &str)]) -> String {
    let mut text = String::from("Our agreement");
    if !names.trim().is_empty() {
        text.push_str(&format!("\nBetween {}", names.trim()));
    }
    text.push('\n');
    for (n, p) in principles.iter().enumerate() {
        text.push_str(&format!("\n{}. {p}", n + 1));
    }
    let finished: Vec<String> = lines
        .iter()
        .filter_map(|(prompt, answer)| agreement_line(prompt, answer))
        .collect();
    if !finished.is_empty() {
        text.push('\n');
        for line in finished {
            text.push_str(&format!("\n- {line}"));
        }
    }
    text
}

/// One finished sentence of the agreement: the prompt without its "...",
/// then the answer; none for an empty answer.
pub fn agreement_line(prompt: &str, answer: &str) -> Option<String> {
    let answer = answer.trim();
    let stem = prompt.trim_end_matches("...").trim_end();
    (!answer.is_empty()).then(|| format!("{stem} {answer}"))
}

/// The finished wait: the urge, how long it lasted, and the answer; and
/// the message written instead of sent, only when the person chose to keep
/// it (it may be one they would rather not see again).
pub fn urge_use(
    timer: &UrgeTimer,
    answer: StillWant,
    after: Option<Intensity>,
    message: Option<&str>,
    now: f64,
) -> ToolUse {
    let waited = timer.countdown.elapsed(now);
    let message = message.unwrap_or_default();
    ToolUse::new(EntryKind::Urge)
        .field("The urge", timer.urge.as_str())
        .field(
            "I waited",
            &words((waited / 60_000.0).round().max(1.0) * 60_000.0),
        )
        .field("At the end, did I still want to?", answer.label())
        .field("The message I wrote instead of sending", message)
        .intensity(timer.intensity_before, after)
}

/// A breathing session, saved with the minutes actually breathed.
pub fn breathing_use(
    minutes_done: u32,
    breaths: u32,
    before: Option<Intensity>,
    after: Option<Intensity>,
) -> ToolUse {
    ToolUse::new(EntryKind::Breathing)
        .field(
            "Time spent",
            &words(f64::from(minutes_done.max(1)) * 60_000.0),
        )
        .field("Breaths", &breaths.to_string())
        .intensity(before, after)
}

/// "I feel {feeling} when {situation}, and I need {need}." from what was
/// typed in the three boxes (see `i_statement::IStatement`); without a
/// feeling or a need there is no statement yet.
pub fn i_statement(feeling: &str, situation: &str, need: &str) -> Option<String> {
    super::i_statement::IStatement::parse(feeling, situation, need).map(|s| s.to_string())
}

/// What a person ticked on the deactivation checklist, as one answer.
pub fn checklist(ticked: &[&str]) -> String {
    ticked
        .iter()
        .map(|t| format!("• {t}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The notes of an "I'm activated" run, by step.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActivatedNotes {
    pub feeling: String,
    pub body: String,
    pub waited_minutes: Option<u32>,
    pub story: String,
    pub explanations: [String; 3],
    pub response: String,
}

/// The whole run: each step with what was noted, or that it was skipped.
pub fn activated_use(
    run: &ActivatedRun,
    titles: &[&str; 5],
    notes: &ActivatedNotes,
    before: Option<Intensity>,
    after: Option<Intensity>,
) -> ToolUse {
    let mut use_ = ToolUse::new(EntryKind::Activated)
        .feeling(&notes.feeling)
        .intensity(before, after);
    for step in ActivatedStep::ALL {
        let title = titles[step.index()];
        if run.outcome(step) != Outcome::Done {
            use_ = use_.field(title, "Skipped");
            continue;
        }
        use_ = match step {
            ActivatedStep::Breathe => use_.field(title, "Done"),
            ActivatedStep::Name => {
                let named = [notes.feeling.trim(), notes.body.trim()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(", felt in the ");
                use_.field(title, if named.is_empty() { "Done" } else { &named })
            }
            ActivatedStep::Wait => use_.field(
                title,
                &notes.waited_minutes.map_or("Done".to_string(), |m| {
                    format!("Waited {}", words(f64::from(m) * 60_000.0))
                }),
            ),
            ActivatedStep::Reframe => {
                let mut lines = Vec::new();
                if !notes.story.trim().is_empty() {
                    lines.push(format!("Story: {}", notes.story.trim()));
                }
                for e in &notes.explanations {
                    if !e.trim().is_empty() {
                        lines.push(format!("Another way to see it: {}", e.trim()));
                    }
                }
                let text = if lines.is_empty() {
                    "Done".to_string()
                } else {
                    lines.join("\n")
                };
                use_.field(title, &text)
            }
            ActivatedStep::Choose => use_.field(
                title,
                if notes.response.trim().is_empty() {
                    "Done"
                } else {
                    &notes.response
                },
            ),
        };
    }
    use_
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::practice::timer::{Urge, WaitMinutes};

    #[test]
    fn empty_answers_are_left_out_and_an_empty_use_is_refused() {
        let use_ = ToolUse::new(EntryKind::Reframe)
            .field("What happened", "  ")
            .feeling(" ");
        assert!(use_.is_empty());
        assert!(use_.into_entry("id1".into(), 1.0).is_err());
        let entry = ToolUse::new(EntryKind::Reframe)
            .title("  A late reply ")
            .field("What happened", " No answer for an hour ")
            .field("Another explanation", "")
            .into_entry("id1".into(), 5.0)
            .unwrap();
        assert_eq!(entry.kind, EntryKind::Reframe);
        assert_eq!(entry.title, "A late reply");
        assert_eq!(entry.created, 5.0);
        assert_eq!(
            entry.fields,
            vec![Field {
                label: "What happened".into(),
                value: "No answer for an hour".into()
            }]
        );
    }

    #[test]
    fn intensity_alone_is_a_use_and_feeds_what_helps() {
        use crate::insights::what_helps;
        use crate::journal::Journal;
        let entry = breathing_use(5, 30, Intensity::new(7), Intensity::new(3))
            .into_entry("b".into(), 1.0)
            .unwrap();
        assert_eq!(entry.intensity_change(), Some(-4));
        let stats = what_helps(&Journal::from_entries(vec![entry]));
        assert_eq!(stats[0].kind, EntryKind::Breathing);
        assert_eq!(stats[0].average_change, Some(-4.0));
        assert!(
            ToolUse::new(EntryKind::Trigger)
                .intensity(Intensity::new(2), None)
                .into_entry("t".into(), 1.0)
                .is_ok()
        );
    }

    #[test]
    fn too_long_answers_are_refused_with_a_reason() {
        let err = ToolUse::new(EntryKind::Trigger)
            .field("What happened", &"x".repeat(20_001))
            .into_entry("t".into(), 1.0)
            .unwrap_err();
        assert!(err.0.contains("at most"), "{err}");
        let err = ToolUse::new(EntryKind::Trigger)
            .feeling(&"f".repeat(61))
            .into_entry("t".into(), 1.0)
            .unwrap_err();
        assert!(err.0.contains("feeling"), "{err}");
    }

    #[test]
    fn a_finished_wait_records_the_urge_the_time_and_the_answer() {
        let t0 = 1_000_000.0;
        let timer = UrgeTimer::start(
            Urge::new("Call her").unwrap(),
            WaitMinutes::new(10).unwrap(),
            Intensity::new(8),
            t0,
        );
        let entry = |message| {
            urge_use(
                &timer,
                StillWant::Less,
                Intensity::new(5),
                message,
                t0 + 10.0 * 60_000.0,
            )
            .into_entry("u".into(), t0)
            .unwrap()
        };
        let e = entry(None);
        assert_eq!(e.kind, EntryKind::Urge);
        let values: Vec<&str> = e.fields.iter().map(|f| f.value.as_str()).collect();
        // The message is not kept unless asked for.
        assert_eq!(values, ["Call her", "10 minutes", StillWant::Less.label()]);
        assert_eq!(e.intensity_change(), Some(-3));
        let kept = entry(Some("Why haven't you answered?"));
        assert_eq!(
            kept.fields.last().map(|f| f.value.as_str()),
            Some("Why haven't you answered?")
        );
    }

    #[test]
    fn an_i_statement_needs_a_feeling_and_a_need() {
        assert_eq!(
            i_statement("uneasy", "when I don't hear from you.", "a short message."),
            Some("I feel uneasy when I don't hear from you, and I need a short message.".into())
        );
        assert_eq!(
            i_statement(" crowded ", "", "an evening alone"),
            Some("I feel crowded, and I need an evening alone.".into())
        );
        assert_eq!(i_statement("", "x", "y"), None);
        assert_eq!(i_statement("sad", "x", "  "), None);
    }

    #[test]
    fn the_saved_message_says_which_ratings_were_kept_and_that_the_form_is_clear() {
        let use_ = ToolUse::new(EntryKind::Reframe).intensity(Intensity::new(7), Intensity::new(4));
        assert_eq!(use_.saved_words(false), "Saved: 7 \u{2192} 4.");
        assert_eq!(
            use_.saved_words(true),
            "Saved: 7 \u{2192} 4. The form is clear for next time."
        );
        assert_eq!(
            saved_words(Intensity::new(0), None, false),
            "Saved, with 0 at the start."
        );
        assert_eq!(
            saved_words(None, Intensity::new(10), false),
            "Saved, with 10 at the end."
        );
        assert_eq!(saved_words(None, None, false), "Saved to your journal.");
    }

    #[test]
    fn the_agreement_text_has_the_names_principles_and_only_finished_sentences() {
        let text = agreement_text(
            " Sam and Alex ",
            &["We come first", "We repair quickly"],
            &[
                ("When one of us is upset, we will ...", " stop and ask. "),
                ("When one of us needs space, we will say so by ...", "  "),
            ],
        );
        assert_eq!(
            text,
            "Our agreement\nBetween Sam and Alex\n\n1. We come first\n2. We repair quickly\n\n- When one of us is upset, we will stop and ask."
        );
        assert_eq!(agreement_text("", &["A"], &[]), "Our agreement\n\n1. A");
    }

    #[test]
    fn the_checklist_is_one_line_per_tick() {
        assert_eq!(checklist(&["A.", "B."]), "• A.\n• B.");
        assert_eq!(checklist(&[]), "");
    }

    #[test]
    fn an_activated_run_records_every_step_done_or_skipped() {
        let mut run = ActivatedRun::default();
        run.done(); // breathe
        run.done(); // name
        run.skip(); // wait
        run.done(); // reframe
        run.done(); // choose
        let titles = ["Breathe", "Name", "Wait", "Reframe", "Choose"];
        let notes = ActivatedNotes {
            feeling: "scared".into(),
            body: "chest".into(),
            story: "They are angry with me".into(),
            explanations: ["Busy".into(), String::new(), "Tired".into()],
            response: "Send one calm message".into(),
            ..ActivatedNotes::default()
        };
        let e = activated_use(&run, &titles, &notes, Intensity::new(9), Intensity::new(6))
            .into_entry("a".into(), 1.0)
            .unwrap();
        assert_eq!(e.feeling.as_deref(), Some("scared"));
        let got: Vec<(&str, &str)> = e
            .fields
            .iter()
            .map(|f| (f.label.as_str(), f.value.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("Breathe", "Done"),
                ("Name", "scared, felt in the chest"),
                ("Wait", "Skipped"),
                (
                    "Reframe",
                    "Story: They are angry with me\nAnother way to see it: Busy\nAnother way to see it: Tired"
                ),
                ("Choose", "Send one calm message"),
            ]
        );
        // A run where everything was skipped is still a run worth keeping.
        let mut skipped = ActivatedRun::default();
        for _ in 0..5 {
            skipped.skip();
        }
        let e = activated_use(&skipped, &titles, &ActivatedNotes::default(), None, None)
            .into_entry("s".into(), 1.0)
            .unwrap();
        assert_eq!(e.fields.len(), 5);
    }
}
