//! The person's data, value by value: load, save (merging the journal with
//! other tabs' saves), replace all at once, and erase.

use super::*;

impl Tab {
    /// See [`load_wait_timer`]. A timer whose times lie ahead of this clock
    /// (the clock was put back) is kept aside, not deleted: the clock may
    /// be the thing that is wrong.
    pub fn load_wait_timer(&self, now: f64) -> Result<Option<UrgeTimer>, String> {
        let why = match self.load::<UrgeTimer>(WAIT_KEY, WAIT_VERSION) {
            Ok(None) => return Ok(None),
            Ok(Some(timer)) => match timer.check_current(now) {
                Ok(timer) => return Ok(Some(timer)),
                Err(problem @ TimerProblem::FromTheFuture) => {
                    let at_rest = self.read_at_rest(WAIT_KEY).unwrap_or_default();
                    if !self.quarantine(WAIT_KEY, &at_rest) {
                        self.guarded.borrow_mut().insert(WAIT_KEY.to_string());
                    }
                    problem.to_string()
                }
                Err(problem @ TimerProblem::EndedLongAgo) => problem.to_string(),
            },
            Err(unreadable) => unreadable.to_string(),
        };
        // An unreadable or future value was copied aside (or is guarded, and
        // `remove_raw` leaves it alone).
        self.remove_raw(WAIT_KEY);
        Err(why)
    }

    /// See [`load_timer_alerts`]. A value that is not an envelope (or is
    /// from a newer version) is kept aside like any other; one whose fields
    /// cannot be read turns those alerts off.
    pub fn load_timer_alerts(&self) -> TimerAlerts {
        self.load(TIMER_ALERTS_KEY, TIMER_ALERTS_VERSION)
            .ok()
            .flatten()
            .unwrap_or_default()
    }

    pub fn save_timer_alerts(&self, choice: TimerAlerts) -> Result<(), NotSaved> {
        self.write_raw(
            TIMER_ALERTS_KEY,
            &envelope::encode(TIMER_ALERTS_VERSION, &choice),
        )
    }

    pub fn load_journal(&self) -> Result<Journal, Unreadable> {
        self.load(JOURNAL_KEY, JOURNAL_VERSION)
            .map(Option::unwrap_or_default)
    }

    /// Saves `mine` merged with what is stored now, and returns the merged
    /// journal. Another tab may have saved since this one last read: merging
    /// by entry id and last change means neither tab's entries are dropped.
    pub async fn save_journal(&self, mine: &Journal) -> Result<Journal, NotSaved> {
        let turn = self.turn();
        let _turn = turn.lock().await;
        let Some(key) = self.vault_key() else {
            // No await between the read and the write: no other tab can
            // write in between.
            self.check_current()?;
            let mut merged = self.load_journal().unwrap_or_default();
            merged.merge(mine);
            self.write(JOURNAL_KEY, envelope::encode(JOURNAL_VERSION, &merged))
                .await?;
            return Ok(merged);
        };
        // Under the lock, opening and sealing wait on WebCrypto, and this
        // tab's memory may lag behind another tab's save. So: open what is
        // stored, merge, seal, and write only if what is stored is still
        // what was opened; otherwise start again.
        for _ in 0..LOCKED_SAVE_TRIES {
            self.check_current()?;
            let seen = self.read_at_rest(JOURNAL_KEY);
            if let Some(raw) = &seen {
                self.open_into_memory(&*key, JOURNAL_KEY, raw).await;
            }
            let mut merged = self.load_journal().unwrap_or_default();
            merged.merge(mine);
            let plain = envelope::encode(JOURNAL_VERSION, &merged);
            let sealed = key.seal(&plain).await.map_err(not_sealed)?.to_stored();
            if self.read_at_rest(JOURNAL_KEY) != seen {
                continue;
            }
            self.check_current()?;
            self.write_raw(JOURNAL_KEY, &sealed)?;
            self.remember_plain(JOURNAL_KEY, Some(plain));
            return Ok(merged);
        }
        Err(NotSaved(
            "Another tab of Steady kept saving the journal at the same moment, so this was not saved. Your text is still here: try again."
                .into(),
        ))
    }

    /// Puts the plain text of `raw` (as stored at `key`) in memory, so the
    /// next read sees it. A value this key cannot open is kept aside, as at
    /// unlock, and reads as nothing.
    pub(super) async fn open_into_memory(&self, key: &dyn Sealer, name: &'static str, raw: &str) {
        let text = plain_text_of(raw, Some(key)).await;
        if text.is_none() && !self.quarantine(name, raw) {
            self.guarded.borrow_mut().insert(name.to_string());
        }
        self.remember_plain(name, text);
    }

    pub fn load_history(&self) -> Result<History, Unreadable> {
        self.load(QUIZ_RESULTS_KEY, QUIZ_RESULTS_VERSION)
            .map(Option::unwrap_or_default)
    }

    pub async fn save_history(&self, history: &History) -> Result<(), NotSaved> {
        self.save_envelope(QUIZ_RESULTS_KEY, QUIZ_RESULTS_VERSION, history)
            .await
    }

    pub fn load_self_checks(&self) -> Result<Vec<SelfCheck>, Unreadable> {
        self.load(SELF_CHECKS_KEY, SELF_CHECKS_VERSION)
            .map(Option::unwrap_or_default)
    }

    pub fn load_plan(&self) -> Result<StarterPlan, Unreadable> {
        self.load(PLAN_KEY, PLAN_VERSION)
            .map(Option::unwrap_or_default)
    }

    pub fn load_comparisons(&self) -> Result<KeptComparisons, Unreadable> {
        self.load(COMPARISONS_KEY, COMPARISONS_VERSION)
            .map(Option::unwrap_or_default)
    }

    pub async fn save_comparisons(&self, kept: &KeptComparisons) -> Result<(), NotSaved> {
        self.save_envelope(COMPARISONS_KEY, COMPARISONS_VERSION, kept)
            .await
    }

    /// Everything the person made, as the backup sees it.
    pub fn load_app_data(&self) -> AppData {
        AppData {
            journal: self.load_journal().unwrap_or_default(),
            history: self.load_history().unwrap_or_default(),
            self_checks: self.load_self_checks().unwrap_or_default(),
            plan: self.load_plan().unwrap_or_default(),
            comparisons: self.load_comparisons().unwrap_or_default(),
            drafts: self.load_drafts(),
        }
    }

    /// The unsaved text and step of the tool `slug`, if any. One that cannot
    /// be read is kept aside like any other value, and reads as none.
    pub fn load_tool_draft(&self, slug: &str) -> Option<ToolDraft> {
        let key = tool_draft_key(slug)?;
        self.load(key, TOOL_DRAFT_VERSION).ok().flatten()
    }

    /// Keeps what a tool holds (sealed under the lock); an empty draft is
    /// simply forgotten.
    pub async fn save_tool_draft(&self, slug: &str, draft: &ToolDraft) -> Result<(), NotSaved> {
        let Some(key) = tool_draft_key(slug) else {
            return Err(NotSaved(format!(
                "Steady has no place to keep a draft of {slug:?}."
            )));
        };
        self.save_or_remove(key, TOOL_DRAFT_VERSION, draft, draft.is_empty())
            .await
    }

    /// Keeps a draft: writes `value` at `key` in its envelope, or removes
    /// the key when the value is `empty` (a draft saved or cleared), taking
    /// this tab's turn. When a newer keep of the same key was asked for
    /// meanwhile, this one writes nothing and the newer draft stays.
    pub(super) async fn save_or_remove<T: serde::Serialize>(
        &self,
        key: &'static str,
        version: u32,
        value: &T,
        empty: bool,
    ) -> Result<(), NotSaved> {
        let ticket = self.keep_ticket(key);
        let turn = self.turn();
        let _turn = turn.lock().await;
        if !self.is_latest_keep(key, ticket) {
            return Ok(());
        }
        if empty {
            self.remove_raw(key);
            return Ok(());
        }
        self.write(key, envelope::encode(version, value)).await
    }

    /// Every unfinished draft, the journal's and each tool's. One that
    /// cannot be read was kept aside when found, and is left out.
    pub fn load_drafts(&self) -> Drafts {
        Drafts {
            journal: self.load(DRAFT_KEY, DRAFT_VERSION).ok().flatten(),
            tools: TOOL_DRAFT_KEYS
                .iter()
                .filter_map(|key| {
                    let draft: ToolDraft = self.load(key, TOOL_DRAFT_VERSION).ok().flatten()?;
                    let slug = key.strip_prefix(TOOL_DRAFT_PREFIX)?;
                    Some((slug.to_string(), draft))
                })
                .collect(),
        }
    }

    /// Writes all of `data` or none of it: if any write fails, the keys
    /// already written are put back as they were. Bumps the epoch, so no
    /// other tab writes its older copy back over the replacement.
    pub async fn replace_app_data(&self, data: &AppData) -> Result<(), NotSaved> {
        let turn = self.turn();
        let _turn = turn.lock().await;
        let mut plain = vec![
            (
                JOURNAL_KEY,
                envelope::encode(JOURNAL_VERSION, &data.journal),
            ),
            (
                QUIZ_RESULTS_KEY,
                envelope::encode(QUIZ_RESULTS_VERSION, &data.history),
            ),
            (
                SELF_CHECKS_KEY,
                envelope::encode(SELF_CHECKS_VERSION, &data.self_checks),
            ),
            (PLAN_KEY, envelope::encode(PLAN_VERSION, &data.plan)),
            (
                COMPARISONS_KEY,
                envelope::encode(COMPARISONS_VERSION, &data.comparisons),
            ),
        ];
        // Drafts are only ever added by an import (see `Drafts::missing_here`):
        // only a draft with none stored now is written, so a draft typed
        // meanwhile (here or in another tab) is never written over.
        if let Some(journal_draft) = &data.drafts.journal
            && self.read_raw(DRAFT_KEY).is_none()
        {
            plain.push((DRAFT_KEY, envelope::encode(DRAFT_VERSION, journal_draft)));
        }
        for (slug, draft) in &data.drafts.tools {
            if let Some(key) = tool_draft_key(slug)
                && self.read_raw(key).is_none()
            {
                plain.push((key, envelope::encode(TOOL_DRAFT_VERSION, draft)));
            }
        }
        let secret = self.vault_key();
        let mut at_rest = Vec::new();
        for (key, value) in &plain {
            at_rest.push((*key, seal_for_rest(secret.as_deref(), value).await?));
        }
        if self.lock_changed_elsewhere.get()
            || self.backend.get(LOCK_KEY) != *self.lock_seen.borrow()
        {
            self.lock_changed_elsewhere.set(true);
            return Err(lock_changed());
        }
        let (epoch, stored_epoch) = self.next_epoch();
        at_rest.push((EPOCH_KEY, stored_epoch));
        self.write_all_or_none(&at_rest)?;
        self.epoch.set(epoch);
        for (key, value) in plain {
            self.remember_plain(key, Some(value));
        }
        Ok(())
    }

    /// Removes every key of Steady's from this browser, then bumps the epoch
    /// so that no other open tab writes its copy back. Other sites' keys on
    /// the same origin are left alone.
    pub fn erase_everything(&self) {
        let (epoch, stored_epoch) = self.next_epoch();
        for key in self.our_keys() {
            self.backend.remove(&key);
        }
        let _ = self.backend.set(EPOCH_KEY, &stored_epoch);
        self.epoch.set(epoch);
        self.guarded.borrow_mut().clear();
        self.vault.borrow_mut().take();
        *self.lock_seen.borrow_mut() = None;
        self.lock_changed_elsewhere.set(false);
    }
}
