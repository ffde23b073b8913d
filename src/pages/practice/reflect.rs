//! Writing tools: three generous explanations, and the trigger log.

use leptos::prelude::*;

use crate::components::practice::{IntensityPicker, SaveUse, Suggestions, TextField, ToolPage};
use crate::content::{BODY_PLACES, FEELING_WORDS, REFRAME_FIELDS, REFRAME_SITUATION, URGES};
use crate::domain::journal::{EntryKind, Intensity};
use crate::domain::practice::record::ToolUse;

#[component]
pub fn Reframe() -> impl IntoView {
    let answers: [RwSignal<String>; 6] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let before = RwSignal::new(None::<Intensity>);
    let after = RwSignal::new(None::<Intensity>);
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
    view! {
        <ToolPage slug="reframe">
            <p>{REFRAME_SITUATION}</p>
            <IntensityPicker id="reframe-before" label="How upset are you now?" value=before />
            {REFRAME_FIELDS.iter().zip(answers).enumerate().map(|(n, (f, a))| view! {
                <TextField label=format!("{}. {}", n + 1, f.label) hint=f.hint value=a rows=3 />
            }).collect_view()}
            <IntensityPicker id="reframe-after" label="And after writing it out?" value=after />
            <SaveUse answers=build on_saved />
        </ToolPage>
    }
}

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
        <ToolPage slug="trigger-log">
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
