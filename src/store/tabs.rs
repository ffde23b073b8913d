//! Other tabs: the `storage` event, the epoch counter that erase and
//! replace bump, the lock record this tab last saw, and the turn that keeps
//! this tab's own writes apart (with a ticket per draft, so that the newest
//! draft is the one that stays).

use super::*;

pub(super) fn stale_epoch() -> NotSaved {
    NotSaved("Steady's data was erased or replaced in another tab, so this tab now shows what is saved there and did not save this change.".into())
}

pub(super) fn lock_changed() -> NotSaved {
    NotSaved(
        "The lock was changed in another tab, so this tab will not save until it is reloaded."
            .into(),
    )
}

/// What another tab changed, from the browser's `storage` event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangedElsewhere {
    Journal,
    Results,
    /// Self-checks or the starter plan.
    Progress,
    /// The wait timer was started, changed or answered.
    WaitTimer,
    /// A draft (the journal's or a tool's) changed. What is on screen here
    /// stays as typed here; the copy in memory is refreshed, so a backup or
    /// an import made in this tab sees the other tab's draft.
    Draft,
    /// Everything at once (another tab erased or replaced all data): reload
    /// everything from storage, merging nothing.
    All,
    /// The lock was turned on, off or changed (or storage was cleared under
    /// it): this tab must reload before it may save anything protected again.
    Lock,
}

impl Tab {
    /// Waits for the other writes of this tab to finish. Hold the guard for
    /// the whole read-change-write.
    pub fn turn(&self) -> Rc<futures::lock::Mutex<()>> {
        Rc::clone(&self.turn)
    }

    /// A ticket for keeping a draft at `key`, taken in the order the keeps
    /// were asked for. The turn's mutex does not hand out turns in that
    /// order (a new waiter can go before an older one), so a keep checks its
    /// ticket once it has the turn: see [`Tab::is_latest_keep`].
    pub(super) fn keep_ticket(&self, key: &'static str) -> u64 {
        let mut issued = self.keeps_issued.borrow_mut();
        match issued.iter_mut().find(|(k, _)| *k == key) {
            Some((_, ticket)) => {
                *ticket += 1;
                *ticket
            }
            None => {
                issued.push((key, 1));
                1
            }
        }
    }

    /// Forgets the draft at `key` now; a keep asked for before this, still
    /// waiting for its turn, then writes nothing.
    pub(super) fn forget_draft(&self, key: &'static str) {
        self.keep_ticket(key);
        self.remove_raw(key);
    }

    /// Whether no keep of `key` was asked for after `ticket`. A later one
    /// holds the newer draft, so this one writes nothing: written after it,
    /// it would put an older draft over the newer.
    pub(super) fn is_latest_keep(&self, key: &'static str, ticket: u64) -> bool {
        self.keeps_issued
            .borrow()
            .iter()
            .any(|(k, t)| *k == key && *t == ticket)
    }

    /// Calls `f` whenever this tab must reload what it shows.
    pub fn listen(&self, f: impl Fn(ChangedElsewhere) + 'static) {
        *self.listener.borrow_mut() = Some(Rc::new(f));
    }

    pub(super) fn tell(&self, what: ChangedElsewhere) {
        let f = self.listener.borrow().clone();
        if let Some(f) = f {
            f(what);
        }
    }

    pub(super) fn stored_epoch(&self) -> u64 {
        self.backend
            .get(EPOCH_KEY)
            .and_then(|raw| envelope::decode(&raw, EPOCH_VERSION, envelope::no_migrations).ok())
            .unwrap_or(0)
    }

    /// Refuses a data write from a tab whose memory predates an erase or a
    /// replace, or a lock change. Call right before writing, with no await
    /// in between, so no other tab can act between the check and the write.
    pub(super) fn check_current(&self) -> Result<(), NotSaved> {
        if self.lock_changed_elsewhere.get() {
            return Err(lock_changed());
        }
        if self.backend.get(LOCK_KEY) != *self.lock_seen.borrow() {
            self.lock_changed_elsewhere.set(true);
            self.tell(ChangedElsewhere::Lock);
            return Err(lock_changed());
        }
        let stored = self.stored_epoch();
        if stored != self.epoch.get() {
            // Load what is stored now instead of merging the stale copy.
            self.epoch.set(stored);
            self.tell(ChangedElsewhere::All);
            return Err(stale_epoch());
        }
        Ok(())
    }

    pub(super) fn next_epoch(&self) -> (u64, String) {
        let next = self.stored_epoch().max(self.epoch.get()) + 1;
        (next, envelope::encode(EPOCH_VERSION, &next))
    }

    /// What another tab's change of `key` means here (`None`: the whole
    /// area was cleared). Marks this tab stale where it must reload.
    pub fn changed_elsewhere(&self, key: Option<&str>) -> Option<ChangedElsewhere> {
        if self.lock_changed_elsewhere.get() {
            return Some(ChangedElsewhere::Lock);
        }
        if key.is_none() || key == Some(LOCK_KEY) || key == Some(EPOCH_KEY) {
            if self.backend.get(LOCK_KEY) != *self.lock_seen.borrow() {
                self.lock_changed_elsewhere.set(true);
                return Some(ChangedElsewhere::Lock);
            }
            if key.is_none() || key == Some(EPOCH_KEY) {
                self.epoch.set(self.stored_epoch());
                return Some(ChangedElsewhere::All);
            }
            return None;
        }
        Some(match key? {
            JOURNAL_KEY => ChangedElsewhere::Journal,
            QUIZ_RESULTS_KEY => ChangedElsewhere::Results,
            SELF_CHECKS_KEY | PLAN_KEY => ChangedElsewhere::Progress,
            WAIT_KEY => ChangedElsewhere::WaitTimer,
            DRAFT_KEY => ChangedElsewhere::Draft,
            k if TOOL_DRAFT_KEYS.contains(&k) => ChangedElsewhere::Draft,
            _ => return None,
        })
    }
}

/// Calls `f` whenever another tab of this origin changes one of our keys, or
/// a write finds this tab stale. The browser fires `storage` only in the
/// *other* tabs, never the writer.
pub fn watch_other_tabs(f: impl Fn(ChangedElsewhere) + 'static) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    let tab = tab();
    let f = Rc::new(f);
    {
        let f = Rc::clone(&f);
        tab.listen(move |what| f(what));
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let handler =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
            let tab = self::tab();
            let Some(what) = tab.changed_elsewhere(ev.key().as_deref()) else {
                return;
            };
            let key = ev.key().as_deref().and_then(protected);
            match (key, tab.vault_key(), what) {
                // Under the lock, open the new sealed value before anyone
                // reads it from memory.
                (Some(key), Some(secret), w) if w != ChangedElsewhere::Lock => {
                    let f = Rc::clone(&f);
                    let raw = ev.new_value();
                    wasm_bindgen_futures::spawn_local(async move {
                        let opened = match raw.as_deref().map(Sealed::from_stored) {
                            None => None,
                            Some(Some(Ok(sealed))) => match secret.open(&sealed).await {
                                Ok(text) => Some(text),
                                Err(_) => return,
                            },
                            Some(_) => return,
                        };
                        self::tab().remember_plain(key, opened);
                        f(what);
                    });
                }
                _ => f(what),
            }
        });
    let _ = window.add_event_listener_with_callback("storage", handler.as_ref().unchecked_ref());
    // Lives as long as the page.
    handler.forget();
}
