//! Three generous explanations: the situation, three kinder readings of
//! it, and what the person wants to do now.

use leptos::prelude::*;

use crate::components::kept_draft::{DraftFields, KeptDraft};
use crate::components::practice::{AfterPicker, IntensityPicker, SaveUse, TextField, ToolPage};
use crate::content::{REFRAME_FIELDS, REFRAME_SITUATION};
use crate::domain::journal::{EntryKind, Intensity};
use crate::domain::practice::record::ToolUse;
use crate::routes::Tool;

#[component]
pub fn Reframe() -> impl IntoView {
    let answers: [RwSignal<String>; 6] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let before = RwSignal::new(None::<Intensity>);
    let after = RwSignal::new(None::<Intensity>);
    let kept = KeptDraft::keep(
        Tool::Reframe.into(),
        DraftFields::new()
            .numbered("answer", answers)
            .rating("before", before)
            .rating("after", after),
    );
    let build = Callback::new(move |()| {
        REFRAME_FIELDS.iter().zip(answers).fold(
            ToolUse::new(EntryKind::Reframe)
                .intensity(before.get_untracked(), after.get_untracked()),
            |u, (f, a)| u.field(f.label, &a.get_untracked()),
        )
    });
    let on_saved = Callback::new(move |()| {
        for a in answers {
            a.set(String::new());
        }
        before.set(None);
        after.set(None);
    });
    // "After" is asked once something is written out.
    let used = Signal::derive(move || answers.iter().any(|a| a.with(|v| !v.trim().is_empty())));
    view! {
        <ToolPage tool=Tool::Reframe kept>
            <p>{REFRAME_SITUATION}</p>
            <IntensityPicker id="reframe-before" label="How upset are you now?" value=before />
            {REFRAME_FIELDS.iter().zip(answers).enumerate().map(|(n, (f, a))| view! {
                <TextField label=format!("{}. {}", n + 1, f.label) hint=f.hint value=a rows=3 />
            }).collect_view()}
            <AfterPicker id="reframe-after" label="And after writing it out?" value=after used />
            <SaveUse kept answers=build on_saved />
        </ToolPage>
    }
}
