//! `state`'s workflows, run natively: the store's tab over memory
//! (`store::open_tab`), the clock and ids from `browser::clock`'s native
//! stand-in, and the app's contexts under one reactive owner.

use std::rc::Rc;

use futures::executor::block_on;
use leptos::prelude::*;

use crate::content::QUIZ_ITEMS;
use crate::domain::backup::ImportMode;
use crate::domain::journal::{EntryKind, Intensity};
use crate::domain::practice::record::ToolUse;
use crate::domain::practice::timer::{Urge, UrgeTimer, WaitMinutes};
use crate::domain::quiz::{Answer, Focus, QuizInProgress};
use crate::state::journal::{HeldToolUse, JournalData};
use crate::state::notices::{Notices, provide_notices, use_notices};
use crate::state::quiz::{NotFinished, finish, keep_in_progress, load_in_progress};
use crate::state::results::Results;
use crate::state::rules::{Draft, Record};
use crate::state::wait_timer::WaitTimer;
use crate::state::{AllData, NotSaved, data, use_journal, use_results};
use crate::store::{self, backend::MemoryStorage};

/// Runs `test` with the app's data contexts provided over `storage`.
fn with_app<T>(storage: &Rc<MemoryStorage>, test: impl FnOnce() -> T) -> T {
    store::open_tab(Rc::clone(storage) as Rc<dyn store::backend::StorageBackend>);
    let owner = Owner::new();
    owner.with(|| {
        provide_notices();
        crate::state::provide_results();
        crate::state::provide_journal();
        crate::state::provide_progress();
        provide_context(WaitTimer::load(use_notices(), false));
        test()
    })
}

fn notice() -> Option<String> {
    use_notices().0.get_untracked().map(|n| n.text)
}

fn answered_quiz() -> QuizInProgress {
    let mut quiz = QuizInProgress::new(Focus::default());
    for (i, _) in QUIZ_ITEMS.iter().enumerate() {
        quiz.answer_current(QUIZ_ITEMS, Answer::new(1 + (i % 7) as u8).unwrap());
    }
    quiz
}

#[test]
fn finishing_saves_the_result_then_its_note_then_forgets_the_answers() {
    let storage = Rc::new(MemoryStorage::default());
    with_app(&storage, || {
        let quiz = answered_quiz();
        block_on(keep_in_progress(Some(quiz.clone()))).unwrap();
        let (results, journal) = (use_results(), use_journal());
        let Ok(id) = block_on(finish(results, journal, &quiz)) else {
            panic!("the quiz did not finish");
        };
        assert!(results.history().with_untracked(|h| h.get(&id).is_some()));
        let note = format!("quiz-{id}");
        assert!(journal.journal().with_untracked(|j| j.get(&note).is_some()));
        assert_eq!(load_in_progress().unwrap(), None);
        // And all of it is what the store holds, not only the screen.
        assert!(store::load_history().unwrap().get(&id).is_some());
        assert!(store::load_journal().unwrap().get(&note).is_some());
    });
}

#[test]
fn a_result_that_cannot_be_saved_keeps_the_answers_and_shows_nothing() {
    let storage = Rc::new(MemoryStorage::default());
    with_app(&storage, || {
        let quiz = answered_quiz();
        block_on(keep_in_progress(Some(quiz.clone()))).unwrap();
        storage.set_quota(storage.used());
        let results = use_results();
        let outcome = block_on(finish(results, use_journal(), &quiz));
        assert!(matches!(outcome, Err(NotFinished::NotSaved(_))));
        assert!(results.history().with_untracked(|h| h.is_empty()));
        assert_eq!(load_in_progress().unwrap(), Some(quiz));
    });
}

#[test]
fn an_import_is_read_whole_then_applied_and_shown() {
    let storage = Rc::new(MemoryStorage::default());
    with_app(&storage, || {
        let bytes = include_bytes!("../../tests/fixtures/backups/valid-v1.json");
        let backup = data::read_backup(bytes).unwrap();
        // Reading is the preview: nothing is stored yet.
        assert!(storage.snapshot().is_empty());
        let all = AllData::capture();
        block_on(data::import(all, backup, ImportMode::Merge)).unwrap();
        assert_eq!(use_results().history().with_untracked(|h| h.all().len()), 1);
        // Two entries, and one deleted elsewhere (kept as a tombstone).
        assert_eq!(use_journal().journal().with_untracked(|j| j.len()), 2);
        assert_eq!(store::load_journal().unwrap().len(), 2);
    });
}

#[test]
fn an_import_that_cannot_be_stored_changes_nothing() {
    let storage = Rc::new(MemoryStorage::default());
    with_app(&storage, || {
        let bytes = include_bytes!("../../tests/fixtures/backups/valid-v1.json");
        let backup = data::read_backup(bytes).unwrap();
        storage.set_quota(10);
        let outcome = block_on(data::import(
            AllData::capture(),
            backup,
            ImportMode::Replace,
        ));
        assert!(outcome.is_err());
        assert!(use_journal().journal().with_untracked(|j| j.is_empty()));
        assert!(storage.snapshot().is_empty());
    });
}

#[test]
fn a_use_held_while_locked_is_saved_once_the_journal_opens() {
    let storage = Rc::new(MemoryStorage::default());
    with_app(&storage, || {
        crate::state::journal::provide_held_tool_use();
        let held: HeldToolUse = crate::state::journal::use_held_tool_use();
        let use_ = ToolUse::new(EntryKind::Urge)
            .field("Urge", "text them again")
            .intensity(Intensity::new(7), Intensity::new(4));
        held.hold(use_);
        // Failing first: it stays held, and the person is told.
        storage.set_quota(0);
        let journal: JournalData = use_journal();
        block_on(held.saved_into(journal));
        assert!(held.is_holding());
        assert!(notice().unwrap().contains("nothing was lost"));
        // Then saved, once.
        storage.set_quota(usize::MAX);
        block_on(held.saved_into(journal));
        assert!(!held.is_holding());
        assert_eq!(store::load_journal().unwrap().len(), 1);
        assert!(notice().unwrap().contains("7 → 4"), "{:?}", notice());
        block_on(held.saved_into(journal));
        assert_eq!(store::load_journal().unwrap().len(), 1);
    });
}

fn a_timer() -> UrgeTimer {
    UrgeTimer::start(
        Urge::new("send the long message").unwrap(),
        WaitMinutes::parse("20").unwrap(),
        Intensity::new(8),
        crate::browser::clock::now(),
    )
}

#[test]
fn the_wait_timer_shows_at_once_and_is_stored_after() {
    let storage = Rc::new(MemoryStorage::default());
    with_app(&storage, || {
        let wait = WaitTimer::load(use_notices(), false);
        block_on(wait.start(a_timer()));
        assert!(wait.timer().get_untracked().is_some());
        crate::browser::clock::advance(60_000.0);
        block_on(wait.changed(|t, now| t.countdown.pause(now)));
        let stored = store::load_wait_timer(crate::browser::clock::now())
            .unwrap()
            .unwrap();
        assert!(stored.countdown.is_paused());
        // Another tab's view of it: a fresh load finds the same timer.
        let reloaded = WaitTimer::load(use_notices(), false);
        assert_eq!(reloaded.timer().get_untracked(), Some(stored));
        wait.clear();
        assert_eq!(
            store::load_wait_timer(crate::browser::clock::now()).unwrap(),
            None
        );
    });
}

#[test]
fn a_wait_timer_that_cannot_be_stored_still_runs_and_says_so_once() {
    let storage = Rc::new(MemoryStorage::default());
    with_app(&storage, || {
        let notices = use_notices();
        let wait = WaitTimer::load(notices, false);
        storage.set_quota(0);
        block_on(wait.start(a_timer()));
        assert!(wait.timer().get_untracked().is_some());
        assert!(notice().unwrap().contains("a reload would lose it"));
        notices.0.set(None);
        block_on(wait.changed(|t, now| t.countdown.pause(now)));
        assert!(
            wait.timer()
                .get_untracked()
                .is_some_and(|t| t.countdown.is_paused())
        );
        assert_eq!(notice(), None, "told once, not at every change");
    });
}

#[test]
fn while_locked_the_wait_timer_lives_in_memory_only() {
    let storage = Rc::new(MemoryStorage::default());
    with_app(&storage, || {
        let wait = WaitTimer::load(use_notices(), true);
        block_on(wait.start(a_timer()));
        assert!(wait.timer().get_untracked().is_some());
        assert!(!wait.survives_reload());
        assert!(storage.snapshot().is_empty());
    });
}

fn not_saved() -> Result<(), NotSaved> {
    Err(NotSaved("The device is full.".into()))
}

#[test]
fn a_record_shows_only_what_was_saved() {
    Owner::new().with(|| {
        let record = Record::new(1);
        let failed = block_on(record.save(
            |n| *n = 2,
            async |_| Err::<i32, _>(not_saved().unwrap_err()),
        ));
        assert!(failed.is_err());
        assert_eq!(record.shown().get_untracked(), 1);
        let saved = block_on(record.save(|n| *n = 3, async |n| Ok(n)));
        assert!(saved.is_ok());
        assert_eq!(record.shown().get_untracked(), 3);
    });
}

#[test]
fn a_draft_whose_page_is_gone_still_says_it_was_not_kept() {
    Owner::new().with(|| {
        provide_notices();
        let page = Owner::new();
        let draft = page.with(|| Draft::new(0, use_notices(), "Copy it."));
        let keeping = draft.set(1, async |_| not_saved());
        page.cleanup();
        block_on(keeping);
        assert!(notice().is_some());
    });
}

#[test]
fn a_draft_shows_first_and_says_once_that_it_was_not_kept() {
    Owner::new().with(|| {
        provide_notices();
        let notices: Notices = use_notices();
        let draft = Draft::new(String::new(), notices, "Copy it somewhere safe.");
        let keeping = draft.set("a".to_string(), async |_| not_saved());
        // Shown before keeping was even tried.
        assert_eq!(draft.shown().get_untracked(), "a");
        assert_eq!(notice(), None);
        block_on(keeping);
        assert_eq!(
            notice().as_deref(),
            Some("The device is full. Copy it somewhere safe.")
        );
        notices.0.set(None);
        block_on(draft.set("ab".to_string(), async |_| not_saved()));
        assert_eq!(notice(), None, "said once");
        block_on(draft.set("abc".to_string(), async |_| Ok(())));
        block_on(draft.set("abcd".to_string(), async |_| not_saved()));
        assert!(notice().is_some(), "said again after keeping worked");
    });
}

#[test]
fn results_can_be_removed_and_restored() {
    let storage = Rc::new(MemoryStorage::default());
    with_app(&storage, || {
        let quiz = answered_quiz();
        let results: Results = use_results();
        let Ok(id) = block_on(finish(results, use_journal(), &quiz)) else {
            panic!("the quiz did not finish");
        };
        let removed = block_on(results.remove(&id)).unwrap().unwrap();
        assert!(store::load_history().unwrap().is_empty());
        block_on(results.restore(removed)).unwrap();
        assert!(store::load_history().unwrap().get(&id).is_some());
    });
}
