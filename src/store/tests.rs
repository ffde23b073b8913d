//! The store's rules against an in-memory storage area. Two [`Tab`]s sharing
//! one [`MemoryStorage`] stand for two tabs of one browser.

use std::cell::RefCell;
use std::future::Future;
use std::pin::pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use super::backend::{MemoryStorage, StorageBackend};
use super::*;
use crate::domain::journal::{EntryKind, JournalEntry};

/// Runs a future that never waits on the outside world (everything here is
/// in memory), polling it until it is done.
fn run<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    for _ in 0..10_000 {
        if let Poll::Ready(out) = future.as_mut().poll(&mut cx) {
            return out;
        }
    }
    panic!("the future never finished");
}

/// Pends once, so that another future gets a turn.
async fn yield_once() {
    let mut yielded = false;
    std::future::poll_fn(move |_| {
        if yielded {
            Poll::Ready(())
        } else {
            yielded = true;
            Poll::Pending
        }
    })
    .await
}

fn now() -> f64 {
    1_700_000_000_000.0
}

fn shared() -> Rc<MemoryStorage> {
    Rc::new(MemoryStorage::default())
}

fn tab_on(storage: &Rc<MemoryStorage>) -> Tab {
    Tab::new(Rc::clone(storage) as Rc<dyn StorageBackend>, now)
}

fn journal_with(ids: &[&str]) -> Journal {
    Journal::from_entries(
        ids.iter()
            .map(|id| JournalEntry::new(*id, EntryKind::Free, now()))
            .collect(),
    )
}

fn ids(journal: &Journal) -> Vec<String> {
    journal.entries().iter().map(|e| e.id.clone()).collect()
}

/// Records what a tab was told to reload.
fn told(tab: &Tab) -> Rc<RefCell<Vec<ChangedElsewhere>>> {
    let log = Rc::new(RefCell::new(Vec::new()));
    let sink = Rc::clone(&log);
    tab.listen(move |what| sink.borrow_mut().push(what));
    log
}

#[test]
fn a_replace_that_fails_half_way_leaves_every_key_as_it_was() {
    let storage = shared();
    let tab = tab_on(&storage);
    run(tab.save_journal(&journal_with(&["kept"]))).unwrap();
    run(tab.save_history(&History::default())).unwrap();
    let before = storage.snapshot();

    let data = AppData {
        journal: journal_with(&["new"]),
        ..AppData::default()
    };
    // The journal and the results fit (they shrink or stay the same), the
    // self-checks, new, find the quota full.
    storage.set_quota(storage.used() + 5);
    assert!(run(tab.replace_app_data(&data)).is_err());
    assert_eq!(storage.snapshot(), before);
}

#[test]
fn every_unreadable_copy_is_kept_aside_with_its_date() {
    let storage = shared();
    let tab = tab_on(&storage);
    storage.set(JOURNAL_KEY, "first damaged copy").unwrap();
    assert!(tab.load_journal().is_err());
    storage.set(JOURNAL_KEY, "second damaged copy").unwrap();
    assert!(tab.load_journal().is_err());
    // Reading the same damage again does not make a second copy.
    assert!(tab.load_journal().is_err());

    let kept = tab.kept_aside();
    let raws: Vec<&str> = kept.iter().map(|k| k.raw.as_str()).collect();
    assert_eq!(raws, ["first damaged copy", "second damaged copy"]);
    assert!(
        kept.iter()
            .all(|k| k.original == "journal" && k.kept_at == now())
    );

    tab.discard_kept_aside(&kept[0].id);
    let left: Vec<String> = tab.kept_aside().into_iter().map(|k| k.raw).collect();
    assert_eq!(left, ["second damaged copy"]);
}

#[test]
fn writes_take_turns_in_the_order_they_asked() {
    let storage = shared();
    let tab = tab_on(&storage);
    let log = RefCell::new(Vec::new());
    let first = async {
        let turn = tab.turn();
        let _turn = turn.lock().await;
        log.borrow_mut().push("first starts");
        yield_once().await;
        log.borrow_mut().push("first ends");
    };
    let second = async {
        let turn = tab.turn();
        let _turn = turn.lock().await;
        log.borrow_mut().push("second starts");
        log.borrow_mut().push("second ends");
    };
    run(futures::future::join(first, second));
    assert_eq!(
        log.into_inner(),
        ["first starts", "first ends", "second starts", "second ends"]
    );
}

#[test]
fn two_tabs_saving_at_once_lose_neither_entry() {
    let storage = shared();
    let (a, b) = (tab_on(&storage), tab_on(&storage));
    run(a.save_journal(&journal_with(&["from-a"]))).unwrap();
    // B never saw A's entry, and saves its own.
    run(b.save_journal(&journal_with(&["from-b"]))).unwrap();
    let stored = tab_on(&storage).load_journal().unwrap();
    assert_eq!(ids(&stored).len(), 2, "{:?}", ids(&stored));
}

#[test]
fn an_erase_stays_erased_when_a_stale_tab_saves() {
    let storage = shared();
    let (a, b) = (tab_on(&storage), tab_on(&storage));
    run(a.save_journal(&journal_with(&["private"]))).unwrap();
    let b_memory = b.load_journal().unwrap();
    let b_told = told(&b);

    a.erase_everything();
    // B still shows the old entry and saves a new one on top of it.
    let mut stale = b_memory.clone();
    stale.upsert(JournalEntry::new("typed-in-b", EntryKind::Free, now()));
    assert_eq!(run(b.save_journal(&stale)), Err(stale_epoch()));
    assert_eq!(*b_told.borrow(), [ChangedElsewhere::All]);
    assert!(tab_on(&storage).load_journal().unwrap().is_empty());

    // B reloaded (as `state` does when told), and its next save counts.
    let mut fresh = b.load_journal().unwrap();
    fresh.upsert(JournalEntry::new("typed-in-b", EntryKind::Free, now()));
    run(b.save_journal(&fresh)).unwrap();
    assert_eq!(
        ids(&tab_on(&storage).load_journal().unwrap()),
        ["typed-in-b"]
    );
}

#[test]
fn a_replace_stays_replaced_when_a_stale_tab_saves() {
    let storage = shared();
    let (a, b) = (tab_on(&storage), tab_on(&storage));
    run(a.save_journal(&journal_with(&["old"]))).unwrap();
    let b_memory = b.load_journal().unwrap();
    let data = AppData {
        journal: journal_with(&["restored"]),
        ..AppData::default()
    };
    run(a.replace_app_data(&data)).unwrap();
    assert!(run(b.save_journal(&b_memory)).is_err());
    assert_eq!(ids(&tab_on(&storage).load_journal().unwrap()), ["restored"]);
}

#[test]
fn a_stale_tab_removes_nothing() {
    let storage = shared();
    let (a, b) = (tab_on(&storage), tab_on(&storage));
    a.erase_everything();
    storage
        .set(
            DRAFT_KEY,
            &envelope::encode(DRAFT_VERSION, &"written after the erase"),
        )
        .unwrap();
    b.remove_raw(DRAFT_KEY);
    assert!(storage.get(DRAFT_KEY).is_some());
}

#[test]
fn the_erase_event_makes_the_other_tab_reload_not_merge() {
    let storage = shared();
    let (a, b) = (tab_on(&storage), tab_on(&storage));
    a.erase_everything();
    assert_eq!(
        b.changed_elsewhere(Some(EPOCH_KEY)),
        Some(ChangedElsewhere::All)
    );
    // Having reloaded, B saves again.
    run(b.save_journal(&journal_with(&["after"]))).unwrap();
}

#[test]
fn a_tab_never_writes_plain_text_after_another_tab_turned_the_lock_on() {
    let storage = shared();
    let (a, b) = (tab_on(&storage), tab_on(&storage));
    run(b.save_journal(&journal_with(&["before-lock"]))).unwrap();
    // Tab A turns the lock on (sealing needs WebCrypto, so stand in for it:
    // the record and a sealed journal land in storage).
    storage.set(LOCK_KEY, "lock record").unwrap();
    storage.set(JOURNAL_KEY, "sealed journal").unwrap();
    let _ = &a;
    assert_eq!(
        run(b.save_journal(&journal_with(&["plain"]))),
        Err(lock_changed())
    );
    assert_eq!(storage.get(JOURNAL_KEY).as_deref(), Some("sealed journal"));
}

#[test]
fn clearing_the_whole_storage_under_the_lock_counts_as_a_lock_change() {
    let storage = shared();
    storage.set(LOCK_KEY, "lock record").unwrap();
    let b = tab_on(&storage);
    for key in storage.keys() {
        storage.remove(&key);
    }
    assert_eq!(b.changed_elsewhere(None), Some(ChangedElsewhere::Lock));
    assert!(run(b.save_journal(&journal_with(&["x"]))).is_err());
}

#[test]
fn a_wait_timer_from_ahead_of_the_clock_is_kept_aside_not_deleted() {
    use crate::domain::practice::timer::{Urge, UrgeTimer, WaitMinutes};
    let storage = shared();
    let tab = tab_on(&storage);
    let timer = UrgeTimer::start(
        Urge::new("text them").unwrap(),
        WaitMinutes::new(10).unwrap(),
        None,
        now(),
    );
    run(async {
        let turn = tab.turn();
        let _turn = turn.lock().await;
        tab.write(WAIT_KEY, envelope::encode(WAIT_VERSION, &timer))
            .await
    })
    .unwrap();
    // The clock goes back a day.
    assert!(tab.load_wait_timer(now() - 86_400_000.0).is_err());
    let kept = tab.kept_aside();
    assert_eq!(kept.len(), 1);
    assert!(kept[0].raw.contains("text them"));
}

// --- The lock, with a stand-in for AES-GCM (see `vault::TestSealer`). ---

use super::vault::TestSealer;

fn key(n: u8) -> Rc<dyn Sealer> {
    Rc::new(TestSealer(n))
}

fn is_sealed(raw: &str) -> bool {
    matches!(Sealed::from_stored(raw), Some(Ok(_)))
}

/// Every protected value and every copy of one kept aside, as stored.
fn at_rest_of_what_the_person_wrote(storage: &MemoryStorage) -> Vec<(String, String)> {
    storage
        .keys()
        .into_iter()
        .filter(|k| {
            protected(k).is_some()
                || k.strip_prefix(QUARANTINE_PREFIX)
                    .and_then(|rest| rest.split('@').next())
                    .is_some_and(|name| protected(&format!("{PREFIX}{name}")).is_some())
        })
        .map(|k| {
            let v = storage.get(&k).unwrap();
            (k, v)
        })
        .collect()
}

#[test]
fn turning_the_lock_on_seals_every_value_and_every_copy_kept_aside() {
    let storage = shared();
    let tab = tab_on(&storage);
    run(tab.save_journal(&journal_with(&["mine"]))).unwrap();
    // An unreadable self-check list, set aside in plain text before the lock.
    storage.set(SELF_CHECKS_KEY, "my words, damaged").unwrap();
    assert!(tab.load_self_checks().is_err());
    assert_eq!(tab.kept_aside().len(), 1);

    run(tab.lock_with("record".into(), key(1))).unwrap();

    let rest = at_rest_of_what_the_person_wrote(&storage);
    assert!(rest.len() >= 2, "{rest:?}");
    for (k, v) in &rest {
        assert!(is_sealed(v), "{k} is plain at rest under the lock: {v}");
    }
    // And turning it off again gives every one of them back in plain text.
    run(tab.unlock_for_good()).unwrap();
    assert!(storage.get(LOCK_KEY).is_none());
    assert_eq!(tab.kept_aside()[0].raw, "my words, damaged");
    assert_eq!(ids(&tab.load_journal().unwrap()), ["mine"]);
}

#[test]
fn a_plain_value_found_at_unlock_is_sealed_at_once() {
    let storage = shared();
    // A page closed half-way through turning the lock on: the record is
    // there, the journal is still plain.
    storage.set(LOCK_KEY, "record").unwrap();
    storage
        .set(
            JOURNAL_KEY,
            &envelope::encode(JOURNAL_VERSION, &journal_with(&["early"])),
        )
        .unwrap();
    let tab = tab_on(&storage);
    let opened = run(tab.open_vault(key(1)));
    assert_eq!(opened, Opened::default());
    assert!(is_sealed(&storage.get(JOURNAL_KEY).unwrap()));
    assert_eq!(ids(&tab.load_journal().unwrap()), ["early"]);
}

#[test]
fn under_the_lock_no_copy_kept_aside_is_plain() {
    let storage = shared();
    let tab = tab_on(&storage);
    run(tab.lock_with("record".into(), key(1))).unwrap();
    // A damaged sealed value and a plain unreadable one turn up (another
    // build, a half-finished write).
    storage
        .set(SELF_CHECKS_KEY, "{\"sealed\":{\"iv\":1}}")
        .unwrap();
    storage.set(PLAN_KEY, "plain words, unreadable").unwrap();
    let fresh = tab_on(&storage);
    let opened = run(fresh.open_vault(key(1)));
    assert_eq!(opened.damaged, [SELF_CHECKS_KEY]);
    assert!(fresh.load_plan().is_err());
    for (k, v) in at_rest_of_what_the_person_wrote(&storage) {
        if k.starts_with(QUARANTINE_PREFIX) {
            assert!(
                Sealed::from_stored(&v).is_some(),
                "{k} kept aside in plain: {v}"
            );
        }
    }
}

#[test]
fn a_locked_save_merges_with_what_another_tab_saved() {
    let storage = shared();
    let (a, b) = (tab_on(&storage), tab_on(&storage));
    run(a.lock_with("record".into(), key(1))).unwrap();
    let b_opened = run(b.open_vault(key(1)));
    assert_eq!(b_opened, Opened::default());
    // A saves an entry; B's memory has not heard of it (no storage event).
    run(a.save_journal(&journal_with(&["from-a"]))).unwrap();
    let merged = run(b.save_journal(&journal_with(&["from-b"]))).unwrap();
    assert_eq!(ids(&merged), ["from-a", "from-b"]);
    let c = tab_on(&storage);
    run(c.open_vault(key(1)));
    assert_eq!(ids(&c.load_journal().unwrap()), ["from-a", "from-b"]);
}

#[test]
fn two_locked_tabs_saving_at_once_lose_neither_entry() {
    let storage = shared();
    let (a, b) = (tab_on(&storage), tab_on(&storage));
    run(a.lock_with("record".into(), key(1))).unwrap();
    run(b.open_vault(key(1)));
    let a_journal = journal_with(&["from-a"]);
    let b_journal = journal_with(&["from-b"]);
    // Both saves in flight at once: each yields between its steps.
    let (ra, rb) = run(futures::future::join(
        async {
            yield_once().await;
            a.save_journal(&a_journal).await
        },
        b.save_journal(&b_journal),
    ));
    ra.unwrap();
    rb.unwrap();
    let c = tab_on(&storage);
    run(c.open_vault(key(1)));
    let mut got = ids(&c.load_journal().unwrap());
    got.sort();
    assert_eq!(got, ["from-a", "from-b"]);
}

#[test]
fn a_passphrase_change_reseals_under_the_new_key_only() {
    let storage = shared();
    let tab = tab_on(&storage);
    run(tab.save_journal(&journal_with(&["kept"]))).unwrap();
    run(tab.lock_with("record-1".into(), key(1))).unwrap();
    run(tab.relock_with("record-2".into(), key(2))).unwrap();
    let old = tab_on(&storage);
    assert_eq!(run(old.open_vault(key(1))).damaged, [JOURNAL_KEY]);
    let new = tab_on(&storage);
    assert_eq!(run(new.open_vault(key(2))), Opened::default());
    assert_eq!(ids(&new.load_journal().unwrap()), ["kept"]);
}

#[test]
fn a_kept_comparison_is_backed_up_sealed_under_the_lock_and_erased() {
    use crate::domain::quiz::{DimensionScore, Focus, Scores};
    use crate::domain::share::{ShareDay, SharedResult};
    let storage = shared();
    let tab = tab_on(&storage);
    let shared_result = SharedResult {
        scores: Scores {
            anxiety: DimensionScore::from_tenths(61).unwrap(),
            avoidance: DimensionScore::from_tenths(22).unwrap(),
        },
        focus: Focus::Partner,
        day: ShareDay::new(20_000),
        name: None,
    };
    let kept = KeptComparisons::new(vec![shared_result]);
    run(tab.save_comparisons(&kept)).unwrap();
    assert_eq!(tab.load_comparisons().unwrap(), kept);
    assert_eq!(tab.load_app_data().comparisons, kept);
    run(tab.lock_with("record".into(), key(1))).unwrap();
    assert!(is_sealed(&storage.get(COMPARISONS_KEY).unwrap()));
    assert_eq!(tab.load_comparisons().unwrap(), kept);
    tab.erase_everything();
    assert!(storage.get(COMPARISONS_KEY).is_none());
    assert!(tab.load_comparisons().unwrap().is_empty());
}

#[test]
fn a_tool_draft_is_sealed_under_the_lock_backed_up_and_erased() {
    use crate::domain::draft::ToolDraft;
    let storage = shared();
    let tab = tab_on(&storage);
    let mut draft = ToolDraft::default();
    draft.set_field("situation", "no reply since noon");
    draft.step = 2;
    run(tab.save_tool_draft("reframe", &draft)).unwrap();
    assert_eq!(tab.load_tool_draft("reframe"), Some(draft.clone()));
    assert_eq!(tab.load_app_data().drafts.tools["reframe"], draft);
    // A name that is no tool's has no key, so nothing is written.
    assert!(run(tab.save_tool_draft("nope", &draft)).is_err());

    run(tab.lock_with("record".into(), key(1))).unwrap();
    let raw = storage.get("steady.practice.draft.reframe").unwrap();
    assert!(is_sealed(&raw), "plain at rest under the lock: {raw}");
    assert_eq!(tab.load_tool_draft("reframe"), Some(draft.clone()));

    // Emptied (saved or discarded): the key goes.
    run(tab.save_tool_draft("reframe", &ToolDraft::default())).unwrap();
    assert!(storage.get("steady.practice.draft.reframe").is_none());

    run(tab.save_tool_draft("repair", &draft)).unwrap();
    tab.erase_everything();
    assert!(storage.get("steady.practice.draft.repair").is_none());
    assert_eq!(tab.load_tool_draft("repair"), None);
}

#[test]
fn a_replace_import_adds_the_backups_drafts_and_keeps_the_ones_here() {
    use crate::domain::backup::{ImportMode, apply};
    use crate::domain::draft::ToolDraft;
    let storage = shared();
    let tab = tab_on(&storage);
    let mut mine = ToolDraft::default();
    mine.set_field("a", "mine");
    run(tab.save_tool_draft("reframe", &mine)).unwrap();
    let mut theirs = ToolDraft::default();
    theirs.set_field("a", "theirs");
    let mut backup = AppData::default();
    backup.drafts.tools.insert("reframe".into(), theirs.clone());
    backup.drafts.tools.insert("repair".into(), theirs.clone());
    let here = tab.load_app_data();
    let after = apply(&here, backup.to_backup(1.0), ImportMode::Replace);
    run(tab.replace_app_data(&after)).unwrap();
    assert_eq!(tab.load_tool_draft("reframe"), Some(mine));
    assert_eq!(tab.load_tool_draft("repair"), Some(theirs));
}

#[test]
fn an_import_never_writes_over_a_draft_typed_in_another_tab_meanwhile() {
    use crate::domain::backup::{ImportMode, apply};
    use crate::domain::draft::ToolDraft;
    let storage = shared();
    let a = tab_on(&storage);
    let b = tab_on(&storage);
    let here = b.load_app_data();
    let mut theirs = ToolDraft::default();
    theirs.set_field("a", "from the backup");
    let mut backup = AppData::default();
    backup.drafts.tools.insert("reframe".into(), theirs);
    // B previews with no draft here; then A starts one; then B imports.
    let after = apply(&here, backup.to_backup(1.0), ImportMode::Merge);
    let mut typed = ToolDraft::default();
    typed.set_field("a", "typed in tab A");
    run(a.save_tool_draft("reframe", &typed)).unwrap();
    run(b.replace_app_data(&after)).unwrap();
    assert_eq!(a.load_tool_draft("reframe"), Some(typed));
}

#[test]
fn a_save_racing_a_passphrase_change_never_leaves_a_value_the_new_key_cannot_open() {
    for a_waits in [false, true] {
        let storage = shared();
        let (a, b) = (tab_on(&storage), tab_on(&storage));
        run(a.save_journal(&journal_with(&["kept"]))).unwrap();
        run(a.lock_with("record-1".into(), key(1))).unwrap();
        run(b.open_vault(key(1)));
        let mine = journal_with(&["from-b"]);
        // B seals under the old key while A seals everything under a new one.
        let (changed, saved) = run(futures::future::join(
            async {
                if a_waits {
                    yield_once().await;
                }
                a.relock_with("record-2".into(), key(2)).await
            },
            b.save_journal(&mine),
        ));
        changed.unwrap();
        let after = tab_on(&storage);
        assert_eq!(
            run(after.open_vault(key(2))),
            Opened::default(),
            "{a_waits}"
        );
        let got = ids(&after.load_journal().unwrap());
        assert!(got.contains(&"kept".to_string()), "{a_waits}: {got:?}");
        // What B was told matches what is stored: saved and readable, or
        // refused and absent.
        assert_eq!(
            saved.is_ok(),
            got.contains(&"from-b".to_string()),
            "{a_waits}"
        );
        // And B saves nothing more under the old key.
        assert!(run(b.save_journal(&journal_with(&["later"]))).is_err());
    }
}

#[test]
fn removing_the_lock_while_another_tab_saves_leaves_nothing_sealed() {
    let storage = shared();
    let (a, b) = (tab_on(&storage), tab_on(&storage));
    run(a.lock_with("record".into(), key(1))).unwrap();
    run(b.open_vault(key(1)));
    let (removed, saved) = run(futures::future::join(
        a.unlock_for_good(),
        b.save_journal(&journal_with(&["from-b"])),
    ));
    removed.unwrap();
    assert_eq!(storage.get(LOCK_KEY), None);
    let raw = storage.get(JOURNAL_KEY).unwrap_or_default();
    assert!(Sealed::from_stored(&raw).is_none(), "{raw}");
    let got = ids(&tab_on(&storage).load_journal().unwrap());
    assert_eq!(saved.is_ok(), got.contains(&"from-b".to_string()));
}

#[test]
fn a_locked_tab_that_has_not_opened_the_lock_writes_nothing_protected() {
    let storage = shared();
    let a = tab_on(&storage);
    run(a.save_journal(&journal_with(&["kept"]))).unwrap();
    run(a.lock_with("record".into(), key(1))).unwrap();
    let sealed = storage.get(JOURNAL_KEY);
    // A page opened after the lock, before the unlock.
    let locked = tab_on(&storage);
    assert!(run(locked.save_journal(&journal_with(&["plain"]))).is_err());
    assert!(run(locked.replace_app_data(&AppData::default())).is_err());
    assert_eq!(storage.get(JOURNAL_KEY), sealed);
    // The theme says nothing about the person and is still saved.
    assert!(
        locked
            .write_raw(THEME_KEY, "{\"v\":1,\"data\":\"dark\"}")
            .is_ok()
    );
}

#[test]
fn the_timer_alerts_are_kept_plain_readable_while_locked_and_erased() {
    use crate::domain::practice::alerts::TimerAlerts;
    let storage = shared();
    let a = tab_on(&storage);
    assert_eq!(a.load_timer_alerts(), TimerAlerts::default());
    run(a.lock_with("record".into(), key(1))).unwrap();
    // A page behind the lock, not opened: the calm tools run here, and
    // their alerts are chosen and read here.
    let locked = tab_on(&storage);
    let chime = TimerAlerts {
        chime: true,
        ..TimerAlerts::default()
    };
    locked.save_timer_alerts(chime).unwrap();
    assert_eq!(
        storage.get(TIMER_ALERTS_KEY).as_deref(),
        Some(r#"{"v":1,"data":{"chime":true,"vibrate":false,"notify":false}}"#)
    );
    assert_eq!(tab_on(&storage).load_timer_alerts(), chime);
    // A damaged value reads as all off, and is kept aside, not lost.
    storage.set(TIMER_ALERTS_KEY, "not json").unwrap();
    assert_eq!(locked.load_timer_alerts(), TimerAlerts::default());
    locked.erase_everything();
    assert!(storage.get(TIMER_ALERTS_KEY).is_none());
}

#[test]
fn a_draft_kept_after_a_newer_one_does_not_replace_it() {
    let tab = tab_on(&shared());
    let older = JournalDraft {
        body: "first".into(),
        ..JournalDraft::default()
    };
    let newer = JournalDraft {
        body: "first and second".into(),
        ..JournalDraft::default()
    };
    let mut cx = Context::from_waker(Waker::noop());
    // The turn is held (a sealed write waiting on WebCrypto) while the two
    // keeps are asked for, in order.
    let turn = tab.turn();
    let held = run(turn.lock());
    let mut keep_older = pin!(tab.save_or_remove(DRAFT_KEY, DRAFT_VERSION, &older, false));
    let mut keep_newer = pin!(tab.save_or_remove(DRAFT_KEY, DRAFT_VERSION, &newer, false));
    assert!(keep_older.as_mut().poll(&mut cx).is_pending());
    assert!(keep_newer.as_mut().poll(&mut cx).is_pending());
    drop(held);
    // The mutex does not hand turns out in order: here the newer goes first.
    assert!(run(keep_newer).is_ok());
    assert!(run(keep_older).is_ok());
    let kept: JournalDraft = tab.load(DRAFT_KEY, DRAFT_VERSION).unwrap().unwrap();
    assert_eq!(kept.body, "first and second");
}

#[test]
fn a_draft_forgotten_while_a_keep_waits_stays_forgotten() {
    let tab = tab_on(&shared());
    let draft = JournalDraft {
        body: "sent already".into(),
        ..JournalDraft::default()
    };
    let mut cx = Context::from_waker(Waker::noop());
    let turn = tab.turn();
    let held = run(turn.lock());
    let mut keep = pin!(tab.save_or_remove(DRAFT_KEY, DRAFT_VERSION, &draft, false));
    assert!(keep.as_mut().poll(&mut cx).is_pending());
    // The entry was saved, so its draft is forgotten, before the keep's turn.
    tab.forget_draft(DRAFT_KEY);
    drop(held);
    assert!(run(keep).is_ok());
    assert_eq!(
        tab.load::<JournalDraft>(DRAFT_KEY, DRAFT_VERSION).unwrap(),
        None
    );
}
