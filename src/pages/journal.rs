//! The private journal: write (with a draft that survives a closed tab),
//! read newest first, filter and search, edit, delete with undo.
//! Everything the person wrote is rendered as text.

use crate::components::practice::{IntensityScale, WordChips};
use crate::components::title::Title;
use crate::components::toast::Toast;
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::clock;
use crate::components::focus::{focus_after_render, focus_first_of_after_render};
use crate::domain::draft::{DraftProblem, JournalDraft};
use crate::domain::journal::{EntryKind, Intensity, JournalEntry, JournalQuery, intensity_words};
use crate::state::journal::{clear_draft, keep_draft, load_draft};
use crate::state::notices::use_notices;
use crate::state::rules::Draft;
use crate::state::use_journal;

/// Entries rendered at first; "Show more" adds this many again. Keeps opening
/// a journal of thousands of entries fast.
const PAGE: usize = 30;

#[component]
pub fn JournalPage() -> impl IntoView {
    let data = use_journal();
    let journal = data.journal();

    let text = RwSignal::new(String::new());
    let kind = RwSignal::new(None::<EntryKind>);
    let tag = RwSignal::new(None::<String>);
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let shown = RwSignal::new(PAGE);
    let deleted = RwSignal::new(None::<JournalEntry>);
    let draft = Draft::new(
        load_draft().unwrap_or_default(),
        use_notices(),
        "Your text is still here; copy it somewhere safe if you need to close this page.",
    );

    let matches = Memo::new(move |_| {
        let query = JournalQuery {
            text: text.get(),
            kind: kind.get(),
            tag: tag.get(),
            from: clock::day_start(&from.get()),
            to: clock::day_start(&to.get()).map(|t| t + crate::domain::units::DAY_MS - 1.0),
        };
        journal.with(|j| {
            j.search(&query)
                .into_iter()
                .map(|e| e.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let total = Memo::new(move |_| journal.with(|j| j.len()));
    let tags = Memo::new(move |_| journal.with(|j| j.all_tags()));

    let delete = move |id: String| {
        spawn_local(async move {
            let mut removed = None;
            if data
                .change_or_tell(|j| removed = j.delete(&id, clock::now()))
                .await
            {
                deleted.set(removed);
            }
        });
    };
    let undo = move |()| {
        let Some(entry) = deleted.get_untracked() else {
            return;
        };
        let id = entry.id.clone();
        spawn_local(async move {
            if data
                .change_or_tell(|j| j.restore(entry, clock::now()))
                .await
            {
                deleted.set(None);
                // The Undo button goes with the toast: land on the entry put
                // back (or the list, if a filter hides it), not on the page.
                focus_first_of_after_render(vec![entry_dom_id(&id), "entries-heading".into()]);
            }
        });
    };
    let edit = move |id: String| {
        if let Some(e) = journal.with_untracked(|j| j.get(&id).cloned()) {
            spawn_local(
                draft.set(
                    JournalDraft {
                        editing: Some(e.id.clone()),
                        title: e.title.clone(),
                        body: e.body.clone(),
                        feeling: e.feeling.clone().unwrap_or_default(),
                        intensity: e
                            .intensity_before
                            .map(|i| i.value().to_string())
                            .unwrap_or_default(),
                        tags: e.tags.join(", "),
                    },
                    keep_draft,
                ),
            );
            focus_after_render("entry-body");
        }
    };

    view! {
        // The same words as the journal's static page (content/route-pages.toml).
        <Title text=crate::content::route_page("journal").title />
        <crate::views::openings::JournalOpening />
        <EntryForm draft />
        <section class="journal-list" aria-labelledby="entries-heading">
            <h2 id="entries-heading" tabindex="-1">"Your entries"</h2>
            <div class="journal-filters" role="search">
                <label class="field">
                    <span class="field-label">"Search your journal"</span>
                    <input type="search" prop:value=move || text.get() on:input=move |ev| { text.set(event_target_value(&ev)); shown.set(PAGE); } />
                </label>
                <details class="more-filters">
                <summary>"Filter by kind, tag or date"</summary>
                <div class="more-filters-grid">
                <div class="field">
                    <label class="field-label" for="filter-kind">"Kind"</label>
                    <select id="filter-kind" on:change=move |ev| { kind.set(EntryKind::parse(&event_target_value(&ev))); shown.set(PAGE); }>
                        <option value="">"All kinds"</option>
                        {EntryKind::ALL.into_iter().map(|k| view! { <option value=k.key()>{k.label()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label class="field-label" for="filter-tag">"Tag"</label>
                    <select id="filter-tag" on:change=move |ev| { let v = event_target_value(&ev); tag.set((!v.is_empty()).then_some(v)); shown.set(PAGE); }>
                        <option value="">"All tags"</option>
                        {move || tags.get().into_iter().map(|t| view! { <option value=t.clone()>{t.clone()}</option> }).collect_view()}
                    </select>
                </div>
                <label class="field">
                    <span class="field-label">"From"</span>
                    <input type="date" on:change=move |ev| from.set(event_target_value(&ev)) />
                </label>
                <label class="field">
                    <span class="field-label">"To"</span>
                    <input type="date" on:change=move |ev| to.set(event_target_value(&ev)) />
                </label>
                </div>
                </details>
            </div>
            <p class="search-status" role="status">
                {move || {
                    let (n, all) = (matches.with(Vec::len), total.get());
                    match (n, all) {
                        (_, 0) => "No entries yet. What you write above appears here.".to_string(),
                        (0, _) => "No entry matches. Try fewer words or clear a filter.".to_string(),
                        (n, all) if n == all => format!("{all} entries."),
                        (n, all) => format!("{n} of {all} entries match."),
                    }
                }}
            </p>
            <Toast message=Signal::derive(move || deleted.with(|d| d.as_ref().map(|e| format!("Deleted \u{201c}{}\u{201d}.", e.display_title()))))
                action_label="Undo" on_action=Callback::new(undo) on_close=Callback::new(move |()| deleted.set(None)) />
            <ol class="entries">
                <For
                    each=move || matches.with(|ids| ids.iter().take(shown.get()).cloned().collect::<Vec<_>>())
                    key=|id| id.clone()
                    children=move |id| {
                        let entry = Memo::new({
                            let id = id.clone();
                            move |_| journal.with(|j| j.get(&id).cloned())
                        });
                        move || entry.get().map(|e| view! { <EntryView entry=e on_edit=edit on_delete=delete /> })
                    }
                />
            </ol>
            {move || (matches.with(Vec::len) > shown.get()).then(|| view! {
                <button type="button" class="button" on:click=move |_| shown.update(|n| *n += PAGE)>
                    {move || format!("Show more ({} more)", matches.with(Vec::len) - shown.get())}
                </button>
            })}
        </section>
    }
}

/// A new entry, or the one being edited. The draft is saved on every change,
/// so nothing typed is lost; it is cleared only after the entry is saved.
#[component]
fn EntryForm(draft: Draft<JournalDraft>) -> impl IntoView {
    let data = use_journal();
    let problem = RwSignal::new(None::<String>);
    let saved_note = RwSignal::new(None::<&'static str>);
    let restored = draft.with_untracked(|d| !d.is_empty() && d.editing.is_none());
    // Every change to the draft is kept as it is typed (or tapped).
    let change = move |f: Box<dyn FnOnce(&mut JournalDraft)>| {
        saved_note.set(None);
        spawn_local(draft.update(|d| f(d), keep_draft));
    };
    // The feeling has its own box, so its word chips can fill it; it and
    // the draft follow each other (an edit loaded, a form cleared, a tap).
    let feeling = RwSignal::new(draft.with_untracked(|d| d.feeling.clone()));
    Effect::new(move |_| {
        let kept = draft.with(|d| d.feeling.clone());
        if feeling.with_untracked(|f| *f != kept) {
            feeling.set(kept);
        }
    });
    Effect::new(move |_| {
        let typed = feeling.get();
        if draft.with_untracked(|d| d.feeling != typed) {
            change(Box::new(move |d: &mut JournalDraft| d.feeling = typed));
        }
    });
    let set = move |f: fn(&mut JournalDraft, String)| {
        move |ev: ev::Event| {
            let value = event_target_value(&ev);
            change(Box::new(move |d: &mut JournalDraft| f(d, value)));
        }
    };
    let submit = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        let d = draft.get_untracked();
        let existing = d
            .editing
            .as_ref()
            .and_then(|id| data.journal().with_untracked(|j| j.get(id).cloned()));
        let entry = match d.to_entry(existing.as_ref(), clock::random_id, clock::now()) {
            Ok(entry) => entry,
            Err(problem_found) => {
                let empty = problem_found == DraftProblem::Empty;
                problem.set(Some(problem_found.to_string()));
                if empty {
                    focus_after_render("entry-body");
                }
                return;
            }
        };
        spawn_local(async move {
            match data.change(|j| j.upsert(entry)).await {
                Ok(()) => {
                    problem.set(None);
                    saved_note.set(Some(if existing.is_some() {
                        "Changes saved."
                    } else {
                        "Entry saved."
                    }));
                    draft.show(JournalDraft::default());
                    clear_draft();
                }
                Err(not_saved) => problem.set(Some(format!(
                    "{not_saved} Your entry is still here in the form; nothing was lost."
                ))),
            }
        });
    };
    let cancel = move |_| {
        draft.show(JournalDraft::default());
        clear_draft();
    };
    let editing = move || draft.with(|d| d.editing.is_some());
    view! {
        <section class="entry-form-section" aria-labelledby="form-heading">
            <h2 id="form-heading">{move || if editing() { "Edit entry" } else { "New entry" }}</h2>
            {restored.then(|| view! { <p class="hint">"Your unsaved draft is back, just as you left it."</p> })}
            <form class="entry-form" on:submit=submit novalidate>
                <label class="field">
                    <span class="field-label">"Title "<span class="optional">"(optional)"</span></span>
                    <input id="entry-title" type="text" maxlength="200" prop:value=move || draft.with(|d| d.title.clone()) on:input=set(|d, v| d.title = v) />
                </label>
                <label class="field">
                    <span class="field-label">"What happened, and how it felt"</span>
                    <textarea id="entry-body" rows="6" prop:value=move || draft.with(|d| d.body.clone()) on:input=set(|d, v| d.body = v)></textarea>
                </label>
                <div class="field-row">
                    <div class="field-column">
                        <label class="field">
                            <span class="field-label">"Feeling "<span class="optional">"(optional)"</span></span>
                            <span class="hint">"Tap a word or write your own."</span>
                            <input id="entry-feeling" type="text" maxlength="60" prop:value=move || feeling.get() on:input=move |ev| feeling.set(event_target_value(&ev)) />
                        </label>
                        <WordChips label="Feeling words" words=crate::content::FEELING_WORDS value=feeling
                            first=crate::pages::practice::FIRST_FEELINGS more="More feelings" />
                    </div>
                    <IntensityScale id="entry-intensity" label="Intensity"
                        value=Signal::derive(move || draft.with(|d| d.intensity.parse().ok().and_then(Intensity::new)))
                        on_change=Callback::new(move |v: Option<Intensity>| change(Box::new(move |d: &mut JournalDraft| d.intensity = v.map(|i| i.value().to_string()).unwrap_or_default()))) />
                </div>
                <label class="field">
                    <span class="field-label">"Tags "<span class="optional">"(optional, separated by commas)"</span></span>
                    <input type="text" prop:value=move || draft.with(|d| d.tags.clone()) on:input=set(|d, v| d.tags = v) />
                </label>
                <div class="actions">
                    <button type="submit" class="button primary">{move || if editing() { "Save changes" } else { "Save entry" }}</button>
                    {move || editing().then(|| view! { <button type="button" class="button quiet" on:click=cancel>"Cancel editing"</button> })}
                </div>
                <div role="status" class="form-status">
                    {move || problem.get().map(|p| view! { <p class="warning">{p}</p> })}
                    {move || saved_note.get().map(|n| view! { <p>{n}</p> })}
                </div>
            </form>
        </section>
    }
}

/// The element id of an entry in the list, to move focus to it.
fn entry_dom_id(id: &str) -> String {
    format!("entry-{id}")
}

#[component]
fn EntryView(
    entry: JournalEntry,
    on_edit: impl Fn(String) + Copy + Send + Sync + 'static,
    on_delete: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let (edit_id, delete_id) = (entry.id.clone(), entry.id.clone());
    let title = entry.display_title().to_string();
    let dom_id = entry_dom_id(&entry.id);
    let label = format!("Delete \u{201c}{title}\u{201d}");
    let intensity = intensity_words(entry.intensity_before, entry.intensity_after);
    view! {
        <li class="entry">
            <article id=dom_id tabindex="-1">
                <h3 class="entry-title">{title}</h3>
                <p class="meta">
                    <time>{clock::date_time(entry.created)}</time>
                    " · "{entry.kind.label()}
                    {entry.feeling.clone().map(|f| view! { " · "<span class="entry-feeling">{f}</span> })}
                    {intensity.map(|i| view! { " · "{i} })}
                </p>
                {(!entry.fields.is_empty()).then(|| view! {
                    <dl class="entry-fields">
                        {entry.fields.iter().map(|f| view! { <dt>{f.label.clone()}</dt><dd>{f.value.clone()}</dd> }).collect_view()}
                    </dl>
                })}
                {(!entry.body.is_empty()).then(|| view! { <p class="entry-body">{entry.body.clone()}</p> })}
                {(!entry.tags.is_empty()).then(|| view! {
                    <ul class="entry-tags" aria-label="Tags">{entry.tags.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view()}</ul>
                })}
                <div class="entry-actions">
                    <button type="button" class="button quiet" on:click=move |_| on_edit(edit_id.clone())>"Edit"</button>
                    <button type="button" class="button quiet" aria-label=label on:click=move |_| on_delete(delete_id.clone())>"Delete"</button>
                </div>
            </article>
        </li>
    }
}
