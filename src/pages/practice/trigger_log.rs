//! The trigger log: what happened, what was felt where in the body, the
//! urge, and how strong it was.

use leptos::prelude::*;

use crate::components::practice::{IntensityPicker, SaveUse, Suggestions, TextField, ToolPage};
use crate::content::{BODY_PLACES, FEELING_WORDS, URGES};
use crate::domain::journal::{EntryKind, Intensity};
use crate::domain::practice::record::ToolUse;
use crate::routes::Tool;

#[component]
pub fn TriggerLog() -> impl IntoView {
    let happened = RwSignal::new(String::new());
    let places = RwSignal::new(Vec::<&'static str>::new());
    let feeling = RwSignal::new(String::new());
    let urge = RwSignal::new(String::new());
    let did = RwSignal::new(String::new());
    let before = RwSignal::new(None::<Intensity>);
    let after = RwSignal::new(None::<Intensity>);
    let build = Callback::new(move |()| {
        let where_ = places.with_untracked(|p| {
            BODY_PLACES
                .iter()
                .filter(|b| p.contains(b))
                .copied()
                .collect::<Vec<_>>()
                .join(", ")
        });
        ToolUse::new(EntryKind::Trigger)
            .field("What happened", &happened.get_untracked())
            .field("Where I felt it", &where_)
            .field("The urge", &urge.get_untracked())
            .field("What I did", &did.get_untracked())
            .feeling(&feeling.get_untracked())
            .intensity(before.get_untracked(), after.get_untracked())
    });
    let on_saved = Callback::new(move |()| {
        for s in [happened, feeling, urge, did] {
            s.set(String::new());
        }
        places.set(Vec::new());
        before.set(None);
        after.set(None);
    });
    view! {
        <ToolPage tool=Tool::TriggerLog>
            <TextField label="What happened".to_string() hint="Just the facts, briefly." value=happened rows=3 />
            <fieldset class="choice-group body-places">
                <legend class="field-label">"Where do you feel it in your body?"</legend>
                <div class="chips">
                    {BODY_PLACES.iter().map(|place| view! {
                        <label class="chip">
                            <input type="checkbox" prop:checked=move || places.with(|p| p.contains(place))
                                on:change=move |_| places.update(|p| if let Some(i) = p.iter().position(|x| x == place) { p.remove(i); } else { p.push(place); }) />
                            <span>{*place}</span>
                        </label>
                    }).collect_view()}
                </div>
            </fieldset>
            <TextField label="The feeling, named".to_string() hint="Pick a word from the list or use your own." value=feeling list="trigger-feelings" id="trigger-feeling" />
            <Suggestions id="trigger-feelings" words=FEELING_WORDS />
            <TextField label="The urge".to_string() hint="What you wanted to do." value=urge list="trigger-urges" />
            <Suggestions id="trigger-urges" words=URGES />
            <TextField label="What I did".to_string() value=did rows=3 />
            <div class="field-row">
                <IntensityPicker id="trigger-before" label="Intensity at the time" value=before />
                <IntensityPicker id="trigger-after" label="Intensity now" value=after />
            </div>
            <SaveUse answers=build on_saved />
        </ToolPage>
    }
}
