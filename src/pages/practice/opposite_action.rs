//! Opposite action: one small step toward, when the urge is to pull away.

use leptos::prelude::*;

use crate::components::kept_draft::{DraftFields, KeptDraft};
use crate::components::practice::{
    AfterPicker, IntensityPicker, Pick, SaveUse, TextField, ToolPage, WordChips,
};
use crate::content::{OPPOSITE_ANXIOUS, OPPOSITE_AVOIDANT, URGES};
use crate::domain::journal::{EntryKind, Intensity};
use crate::domain::practice::record::ToolUse;
use crate::routes::Tool;

#[component]
pub fn OppositeAction() -> impl IntoView {
    let side = RwSignal::new(None::<bool>); // Some(true): the urge is to chase
    let urge = RwSignal::new(String::new());
    let step = RwSignal::new(String::new());
    let how = RwSignal::new(String::new());
    let before = RwSignal::new(None::<Intensity>);
    let after = RwSignal::new(None::<Intensity>);
    let kept = KeptDraft::keep(
        Tool::OppositeAction.into(),
        DraftFields::new()
            .other(
                "pull",
                Signal::derive(move || {
                    match side.get() {
                        Some(true) => "toward",
                        Some(false) => "away",
                        None => "",
                    }
                    .to_string()
                }),
                Callback::new(move |v: String| {
                    side.set(match v.as_str() {
                        "toward" => Some(true),
                        "away" => Some(false),
                        _ => None,
                    })
                }),
            )
            .text("urge", urge)
            .text("step", step)
            .text("how", how)
            .rating("before", before)
            .rating("after", after),
    );
    let answers = Callback::new(move |()| {
        let pull = match side.get_untracked() {
            Some(true) => "To reach for them more",
            Some(false) => "To pull away",
            None => "",
        };
        ToolUse::new(EntryKind::OppositeAction)
            .field("The pull", pull)
            .field("The urge", &urge.get_untracked())
            .field("My small step the other way", &step.get_untracked())
            .field("How it went", &how.get_untracked())
            .intensity(before.get_untracked(), after.get_untracked())
    });
    let on_saved = Callback::new(move |()| {
        side.set(None);
        for s in [urge, step, how] {
            s.set(String::new());
        }
        before.set(None);
        after.set(None);
    });
    // "Now" is asked once there is a step the other way.
    let used = Signal::derive(move || [step, how].iter().any(|s| s.with(|v| !v.trim().is_empty())));
    view! {
        <ToolPage tool=Tool::OppositeAction kept>
            <fieldset class="choice-group">
                <legend class="field-label">"Which way is the urge pulling you?"</legend>
                <label class="choice"><input type="radio" name="pull" prop:checked=move || side.get() == Some(true) on:change=move |_| side.set(Some(true)) />"Toward them: to chase, check or ask again"</label>
                <label class="choice"><input type="radio" name="pull" prop:checked=move || side.get() == Some(false) on:change=move |_| side.set(Some(false)) />"Away from them: to go quiet or withdraw"</label>
            </fieldset>
            <TextField label="The urge, in a few words".to_string() value=urge id="opposite-urge" />
            <WordChips label="Urges" words=URGES value=urge pick=Pick::One first=6 more="More urges" />
            <IntensityPicker id="opposite-before" label="How strong is the urge?" value=before />
            {move || side.get().map(|chase| {
                let examples = if chase { OPPOSITE_ANXIOUS } else { OPPOSITE_AVOIDANT };
                view! {
                    <div class="examples">
                        <p class="field-label">"Small steps the other way, for example:"</p>
                        <ul>{examples.iter().map(|e| view! { <li>{*e}</li> }).collect_view()}</ul>
                    </div>
                }
            })}
            <TextField label="My one small step the other way".to_string() value=step rows=2 />
            <TextField label="How it went".to_string() hint="Fill this in after, if you like. What happened, and how it felt." value=how rows=3 />
            <AfterPicker id="opposite-after" label="How strong is the urge now?" value=after used />
            <SaveUse kept answers on_saved />
        </ToolPage>
    }
}
