//! For the avoidant side: noticing the strategies that create distance.

use leptos::prelude::*;

use crate::components::kept_draft::{DraftFields, KeptDraft};
use crate::components::practice::{AfterPicker, IntensityPicker, SaveUse, TextField, ToolPage};
use crate::content::DEACTIVATING_STRATEGIES;
use crate::domain::journal::{EntryKind, Intensity};
use crate::domain::practice::record::{ToolUse, checklist};
use crate::routes::Tool;

#[component]
pub fn Deactivation() -> impl IntoView {
    let ticked = RwSignal::new(Vec::<&'static str>::new());
    let before_it = RwSignal::new(String::new());
    let instead = RwSignal::new(String::new());
    let before = RwSignal::new(None::<Intensity>);
    let after = RwSignal::new(None::<Intensity>);
    let kept = KeptDraft::keep(
        Tool::Deactivation.into(),
        DraftFields::new()
            // The ticked signs, one a line, in the list's own words.
            .other(
                "noticed",
                Signal::derive(move || ticked.with(|t| t.join("\n"))),
                Callback::new(move |v: String| {
                    ticked.set(
                        DEACTIVATING_STRATEGIES
                            .iter()
                            .copied()
                            .filter(|s| v.lines().any(|l| l == *s))
                            .collect(),
                    )
                }),
            )
            .text("before-it", before_it)
            .text("instead", instead)
            .rating("before", before)
            .rating("after", after),
    );
    let answers = Callback::new(move |()| {
        let chosen: Vec<&str> = ticked.with_untracked(|t| {
            DEACTIVATING_STRATEGIES
                .iter()
                .filter(|s| t.contains(s))
                .copied()
                .collect()
        });
        ToolUse::new(EntryKind::Deactivation)
            .field("What I noticed", &checklist(&chosen))
            .field("What came just before", &before_it.get_untracked())
            .field(
                "One small thing I could do instead",
                &instead.get_untracked(),
            )
            .intensity(before.get_untracked(), after.get_untracked())
    });
    let on_saved = Callback::new(move |()| {
        before.set(None);
        after.set(None);
        ticked.set(Vec::new());
        before_it.set(String::new());
        instead.set(String::new());
    });
    // "Now" is asked once something was noticed or written.
    let used = Signal::derive(move || {
        ticked.with(|t| !t.is_empty())
            || [before_it, instead]
                .iter()
                .any(|s| s.with(|v| !v.trim().is_empty()))
    });
    view! {
        <ToolPage tool=Tool::Deactivation kept>
            <IntensityPicker id="deactivation-before" label="How strong is the pull away?" value=before />
            <fieldset class="choice-group checklist">
                <legend class="field-label">"Which of these did you notice today?"</legend>
                {DEACTIVATING_STRATEGIES.iter().map(|s| view! {
                    <label class="choice">
                        <input type="checkbox" prop:checked=move || ticked.with(|t| t.contains(s))
                            on:change=move |_| ticked.update(|t| if let Some(i) = t.iter().position(|x| x == s) { t.remove(i); } else { t.push(s); }) />
                        {*s}
                    </label>
                }).collect_view()}
            </fieldset>
            <TextField label="What came just before?".to_string() hint="A moment of closeness, a request, a plan? Seeing the pattern is the point." value=before_it rows=3 />
            <TextField label="One small thing I could do instead".to_string() value=instead rows=2 />
            <p>"To put a feeling into words, try the "<a href=crate::browser::paths::href("practice/i-statement")>"I-statement builder"</a>"; to reach out in a small way, "<a href=crate::browser::paths::href("practice/opposite-action")>"opposite action"</a>"."</p>
            <AfterPicker id="deactivation-after" label="And now, having noticed it?" value=after used />
            <SaveUse kept answers on_saved />
        </ToolPage>
    }
}
