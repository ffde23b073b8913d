//! A practice tool's text, ratings and step, kept as they change
//! (`state::tool_drafts`) and given back after a reload with a quiet "We
//! kept what you wrote", beside a way to start afresh that can be undone.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::clock;
use crate::components::toast::Toast;
use crate::domain::draft::ToolDraft;
use crate::domain::journal::Intensity;
use crate::state::notices::use_notices;
use crate::state::rules::Draft;
use crate::state::tool_drafts::{DraftSlot, ToolDrafts, try_use_tool_drafts};

/// What a tool keeps: its text boxes and ratings, each under a name of the
/// tool's own, and the step it is on.
#[derive(Default)]
pub struct DraftFields {
    texts: Vec<(String, RwSignal<String>)>,
    ratings: Vec<(String, RwSignal<Option<Intensity>>)>,
    /// Any other state, as text: how to read it and how to give it back.
    others: Vec<(String, Signal<String>, Callback<String>)>,
    step: Option<(Signal<u32>, Callback<u32>)>,
}

impl DraftFields {
    pub fn new() -> DraftFields {
        DraftFields::default()
    }

    pub fn text(mut self, name: impl Into<String>, value: RwSignal<String>) -> DraftFields {
        self.texts.push((name.into(), value));
        self
    }

    /// Several text boxes at once, named `prefix-0`, `prefix-1`, …
    pub fn numbered(
        mut self,
        prefix: &str,
        values: impl IntoIterator<Item = RwSignal<String>>,
    ) -> DraftFields {
        self.texts.extend(
            values
                .into_iter()
                .enumerate()
                .map(|(n, v)| (format!("{prefix}-{n}"), v)),
        );
        self
    }

    pub fn rating(
        mut self,
        name: impl Into<String>,
        value: RwSignal<Option<Intensity>>,
    ) -> DraftFields {
        self.ratings.push((name.into(), value));
        self
    }

    /// A choice that is not text (a radio group, ticked boxes), kept as the
    /// text `read` gives and given back through `restore` ("" when cleared).
    pub fn other(
        mut self,
        name: impl Into<String>,
        read: Signal<String>,
        restore: Callback<String>,
    ) -> DraftFields {
        self.others.push((name.into(), read, restore));
        self
    }

    /// The step shown (`current`), and how to go back to one (`go_to`,
    /// which gets 0 when the tool is cleared).
    pub fn step(mut self, current: Signal<u32>, go_to: Callback<u32>) -> DraftFields {
        self.step = Some((current, go_to));
        self
    }

    /// What the tool holds now; reading it tracks every field.
    fn read(&self) -> ToolDraft {
        let mut draft = ToolDraft::default();
        for (name, value) in &self.texts {
            value.with(|v| draft.set_field(name, v));
        }
        for (name, value) in &self.ratings {
            if let Some(i) = value.get() {
                draft.set_field(name, &i.value().to_string());
            }
        }
        for (name, read, _) in &self.others {
            read.with(|v| draft.set_field(name, v));
        }
        if let Some((current, _)) = self.step {
            draft.step = current.get();
        }
        draft
    }

    fn apply(&self, draft: &ToolDraft) {
        for (name, value) in &self.texts {
            value.set(draft.field(name).to_string());
        }
        for (name, value) in &self.ratings {
            value.set(draft.field(name).parse().ok().and_then(Intensity::new));
        }
        for (name, _, restore) in &self.others {
            restore.run(draft.field(name).to_string());
        }
        if let Some((_, go_to)) = self.step {
            go_to.run(draft.step);
        }
    }
}

/// A tool's kept draft: see [`KeptDraft::keep`].
#[derive(Clone, Copy)]
pub struct KeptDraft {
    fields: StoredValue<DraftFields>,
    /// When the draft given back had last changed (0 when not known), while
    /// it is still on the page.
    restored: RwSignal<Option<f64>>,
    /// What "Start afresh" took away, while it can be undone.
    cleared: RwSignal<Option<ToolDraft>>,
    /// Where drafts are kept; `None` while Steady is locked.
    drafts: Option<ToolDrafts>,
    slot: DraftSlot,
    /// What was last kept (or given back), so an unchanged tool writes
    /// nothing. A draft: the fields show it first, keeping follows, and a
    /// failure to keep is said once, not at every key press.
    last: Draft<ToolDraft>,
}

impl KeptDraft {
    /// Gives `fields` back what `tool` held when it was last left, then
    /// keeps every change. While Steady is locked nothing is read or
    /// written: the text lives on this page only.
    pub fn keep(slot: DraftSlot, fields: DraftFields) -> KeptDraft {
        let drafts = try_use_tool_drafts();
        let kept = KeptDraft {
            fields: StoredValue::new(fields),
            restored: RwSignal::new(None),
            cleared: RwSignal::new(None),
            drafts,
            slot,
            last: Draft::new(
                ToolDraft::default(),
                use_notices(),
                "What you typed is still on this page; copy it somewhere safe before you close it.",
            ),
        };
        let Some(drafts) = drafts else {
            return kept;
        };
        if let Some(draft) = drafts.load(slot) {
            kept.fields.with_value(|f| f.apply(&draft));
            kept.restored.set(Some(draft.updated));
        }
        kept.last
            .show(kept.fields.with_value(|f| untrack(|| f.read())));
        Effect::new(move |_| {
            let now = kept.fields.with_value(DraftFields::read);
            if kept.last.with_untracked(|l| *l == now) {
                return;
            }
            if now.is_empty() {
                kept.restored.set(None);
            }
            let slot = kept.slot;
            spawn_local(kept.last.set(now, move |mut draft| async move {
                draft.updated = clock::now();
                drafts.save(slot, &draft).await
            }));
        });
        kept
    }

    /// Empties the tool and forgets its draft now, for a tool whose words
    /// moved elsewhere (a wait that started keeps the urge in its timer).
    pub fn forget(self) {
        self.fields.with_value(|f| {
            untrack(|| f.apply(&ToolDraft::default()));
        });
        self.saved();
    }

    /// The tool's use was saved to the journal: its draft is done with,
    /// though a tool may keep showing what was saved (a finished run, an
    /// agreement to print). A later change is kept again.
    pub fn saved(self) {
        self.restored.set(None);
        if let Some(drafts) = self.drafts {
            let slot = self.slot;
            spawn_local(async move {
                let _ = drafts.save(slot, &ToolDraft::default()).await;
            });
        }
    }

    /// "Start afresh": empties the tool, with Undo in a toast.
    fn start_afresh(self) {
        let before = self.fields.with_value(|f| untrack(|| f.read()));
        self.fields.with_value(|f| f.apply(&ToolDraft::default()));
        self.restored.set(None);
        self.cleared.set(Some(before));
    }

    fn undo(self) {
        if let Some(draft) = self.cleared.get_untracked() {
            self.fields.with_value(|f| f.apply(&draft));
            self.cleared.set(None);
        }
    }
}

/// The quiet note over a tool given back its draft, and the toast that
/// undoes "Start afresh".
#[component]
pub fn KeptNote(kept: KeptDraft) -> impl IntoView {
    view! {
        {move || kept.restored.get().map(|at| view! {
            <p class="hint draft-kept">
                "We kept what you wrote"
                {(at > 0.0).then(|| format!(" ({})", clock::date_time(at)))}
                ". "
                <button type="button" class="link-button" on:click=move |_| kept.start_afresh()>"Start afresh"</button>
            </p>
        })}
        <Toast message=Signal::derive(move || kept.cleared.with(|c| c.as_ref().map(|_| "Cleared what you wrote.".to_string())))
            action_label="Undo" on_action=Callback::new(move |()| kept.undo())
            on_close=Callback::new(move |()| kept.cleared.set(None)) />
    }
}
