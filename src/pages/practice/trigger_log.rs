//! The trigger log: what happened, what was felt where in the body, the
//! urge, and how strong it was.

use leptos::prelude::*;

use crate::components::kept_draft::{DraftFields, KeptDraft};
use crate::components::practice::{
    AfterPicker, IntensityPicker, Pick, SaveUse, TextField, ToolPage, WordChips,
};
use crate::content::{BODY_PLACES, FEELING_WORDS, URGES};
use crate::domain::journal::{EntryKind, Intensity};
use crate::domain::practice::record::ToolUse;
use crate::routes::Tool;

use super::FIRST_FEELINGS;

#[component]
pub fn TriggerLog() -> impl IntoView {
    let happened = RwSignal::new(String::new());
    let places = RwSignal::new(String::new());
    let feeling = RwSignal::new(String::new());
    let urge = RwSignal::new(String::new());
    let did = RwSignal::new(String::new());
    let before = RwSignal::new(None::<Intensity>);
    let after = RwSignal::new(None::<Intensity>);
    let kept = KeptDraft::keep(
        Tool::TriggerLog.into(),
        DraftFields::new()
            .text("happened", happened)
            .text("places", places)
            .text("feeling", feeling)
            .text("urge", urge)
            .text("did", did)
            .rating("before", before)
            .rating("after", after),
    );
    let build = Callback::new(move |()| {
        ToolUse::new(EntryKind::Trigger)
            .field("What happened", &happened.get_untracked())
            .field("Where I felt it", &places.get_untracked())
            .field("The urge", &urge.get_untracked())
            .field("What I did", &did.get_untracked())
            .feeling(&feeling.get_untracked())
            .intensity(before.get_untracked(), after.get_untracked())
    });
    let on_saved = Callback::new(move |()| {
        for s in [happened, places, feeling, urge, did] {
            s.set(String::new());
        }
        before.set(None);
        after.set(None);
    });
    // "Now" is asked once something is written down.
    let used = Signal::derive(move || {
        [happened, places, feeling, urge, did]
            .iter()
            .any(|s| s.with(|v| !v.trim().is_empty()))
    });
    view! {
        <ToolPage tool=Tool::TriggerLog kept>
            <TextField label="What happened".to_string() hint="Just the facts, briefly." value=happened rows=3 />
            <TextField label="Where do you feel it in your body?".to_string() hint="Tap one or more places, or write your own." value=places id="trigger-body" />
            <WordChips label="Body places" words=BODY_PLACES value=places first=8 more="More places" />
            <TextField label="The feeling, named".to_string() hint="Tap a word or write your own." value=feeling id="trigger-feeling" />
            <WordChips label="Feeling words" words=FEELING_WORDS value=feeling first=FIRST_FEELINGS more="More feelings" />
            <TextField label="The urge".to_string() hint="What you wanted to do." value=urge id="trigger-urge" />
            <WordChips label="Urges" words=URGES value=urge pick=Pick::One first=6 more="More urges" />
            <TextField label="What I did".to_string() value=did rows=3 />
            <IntensityPicker id="trigger-before" label="Intensity at the time" value=before />
            <AfterPicker id="trigger-after" label="Intensity now" value=after used />
            <SaveUse kept answers=build on_saved />
        </ToolPage>
    }
}
