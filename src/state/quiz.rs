//! The quiz being taken, and finishing it: the result is saved first, then
//! its journal note, and only then is the quiz in progress forgotten, so a
//! save that fails loses no answer.

use crate::browser::clock;
use crate::content::{BANK_VERSION, QUIZ_ITEMS};
use crate::domain::envelope::Unreadable;
use crate::domain::history::QuizResult;
use crate::domain::journal::{EntryKind, Field, JournalEntry};
use crate::domain::quiz::{self, GivenOnThePage, QuizInProgress};
use crate::state::journal::JournalData;
use crate::state::results::Results;
use crate::store::{self, NotSaved};

thread_local! {
    static GIVEN_ON_THE_PAGE: std::cell::RefCell<Option<GivenOnThePage>> = const { std::cell::RefCell::new(None) };
}

/// Holds what the quiz's plain page held as the app started, until the quiz
/// page takes it in (at once, or after unlocking).
pub fn hold_given_on_the_page(given: GivenOnThePage) {
    GIVEN_ON_THE_PAGE.with(|g| *g.borrow_mut() = Some(given));
}

/// What the plain page held, once: a second visit to the quiz has nothing.
pub fn take_given_on_the_page() -> Option<GivenOnThePage> {
    GIVEN_ON_THE_PAGE.with(|g| g.borrow_mut().take())
}

/// The quiz being taken, if any. An unreadable one is kept aside and reported.
pub fn load_in_progress() -> Result<Option<QuizInProgress>, Unreadable> {
    store::load_quiz_progress()
}

/// Keeps the quiz being taken, or forgets it (restarted).
pub async fn keep_in_progress(quiz: Option<QuizInProgress>) -> Result<(), NotSaved> {
    match quiz {
        Some(quiz) => store::save_quiz_progress(&quiz).await,
        None => {
            store::clear_quiz_progress();
            Ok(())
        }
    }
}

/// Why finishing did not complete.
pub enum NotFinished {
    /// Not every dimension has enough answers to score.
    NotScorable,
    /// The result was not saved; the quiz in progress is kept.
    NotSaved(NotSaved),
}

/// Scores `quiz`, saves the result, then the note of it in the journal, then
/// forgets the quiz in progress. Returns the new result's id. When only the
/// journal note could not be saved the result still stands, and the person
/// is told.
pub async fn finish(
    results: Results,
    journal: JournalData,
    quiz: &QuizInProgress,
) -> Result<String, NotFinished> {
    let scores = quiz::score(QUIZ_ITEMS, &quiz.answers).map_err(|_| NotFinished::NotScorable)?;
    let id = clock::random_id();
    let now = clock::now();
    let count = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
    let note = result_note(&id, quiz, scores, now);
    results
        .add(QuizResult {
            id: id.clone(),
            focus: quiz.focus,
            taken_at: now,
            scores,
            answered: count(quiz.answered(QUIZ_ITEMS)),
            of: count(QUIZ_ITEMS.len()),
            answers: quiz.answers.clone(),
            bank: BANK_VERSION,
        })
        .await
        .map_err(NotFinished::NotSaved)?;
    journal.change_or_tell(|j| j.upsert(note)).await;
    store::clear_quiz_progress();
    Ok(id)
}

/// The journal keeps a note of each result, so the journal tells the whole
/// story in one place.
fn result_note(id: &str, quiz: &QuizInProgress, scores: quiz::Scores, now: f64) -> JournalEntry {
    let mut note = JournalEntry::new(format!("quiz-{id}"), EntryKind::Quiz, now);
    note.title = format!(
        "Quiz result: {} ({})",
        crate::domain::report::closest_style(scores),
        quiz.focus.short()
    );
    note.fields = vec![
        Field {
            label: "Anxiety".into(),
            value: format!("{} of 7", scores.anxiety),
        },
        Field {
            label: "Avoidance".into(),
            value: format!("{} of 7", scores.avoidance),
        },
    ];
    note
}
