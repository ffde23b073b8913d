//! For the avoidant side: noticing deactivating strategies, building an
//! I-statement, and one small opposite action.

use leptos::prelude::*;

use crate::components::practice::{IntensityPicker, SaveUse, Suggestions, TextField, ToolPage};
use crate::content::{
    DEACTIVATING_STRATEGIES, FEELING_WORDS, I_STATEMENT_EXAMPLES, I_STATEMENT_FEELINGS_HINT,
    I_STATEMENT_NEEDS, OPPOSITE_ANXIOUS, OPPOSITE_AVOIDANT,
};
use crate::domain::journal::{EntryKind, Intensity};
use crate::domain::practice::record::{ToolUse, checklist, i_statement};

#[component]
pub fn Deactivation() -> impl IntoView {
    let ticked = RwSignal::new(Vec::<&'static str>::new());
    let before_it = RwSignal::new(String::new());
    let instead = RwSignal::new(String::new());
    let before = RwSignal::new(None::<Intensity>);
    let after = RwSignal::new(None::<Intensity>);
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
    view! {
        <ToolPage slug="deactivation">
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
            <p>"To put a feeling into words, try the "<a href=crate::paths::href("practice/i-statement")>"I-statement builder"</a>"; to reach out in a small way, "<a href=crate::paths::href("practice/opposite-action")>"opposite action"</a>"."</p>
            <IntensityPicker id="deactivation-after" label="And now, having noticed it?" value=after />
            <SaveUse answers on_saved />
        </ToolPage>
    }
}

#[component]
pub fn IStatement() -> impl IntoView {
    let feeling = RwSignal::new(String::new());
    let situation = RwSignal::new(String::new());
    let need = RwSignal::new(String::new());
    let before = RwSignal::new(None::<Intensity>);
    let after = RwSignal::new(None::<Intensity>);
    let sentence = Memo::new(move |_| i_statement(&feeling.get(), &situation.get(), &need.get()));
    let answers = Callback::new(move |()| {
        ToolUse::new(EntryKind::IStatement)
            .field(
                "My I-statement",
                &sentence.get_untracked().unwrap_or_default(),
            )
            .feeling(&feeling.get_untracked())
            .intensity(before.get_untracked(), after.get_untracked())
    });
    let on_saved = Callback::new(move |()| {
        for s in [feeling, situation, need] {
            s.set(String::new());
        }
        before.set(None);
        after.set(None);
    });
    view! {
        <ToolPage slug="i-statement">
            <IntensityPicker id="i-before" label="How strong is the feeling?" value=before />
            <TextField label="I feel …".to_string() hint=I_STATEMENT_FEELINGS_HINT value=feeling list="i-feelings" id="i-feeling" />
            <Suggestions id="i-feelings" words=FEELING_WORDS />
            <TextField label="when … (optional)".to_string() hint="What happens, said without blame: when plans change at the last minute." value=situation />
            <TextField label="and I need …".to_string() hint="Something small and concrete they could do. Pick one or write your own." value=need list="i-needs" />
            <Suggestions id="i-needs" words=I_STATEMENT_NEEDS />
            <section class="i-statement-preview" aria-labelledby="i-preview">
                <h2 id="i-preview">"Your sentence"</h2>
                <output class="said">{move || sentence.get().unwrap_or_else(|| "Fill in a feeling and a need to see your sentence.".into())}</output>
            </section>
            <details>
                <summary>"Examples"</summary>
                <ul>{I_STATEMENT_EXAMPLES.iter().map(|e| view! { <li>{*e}</li> }).collect_view()}</ul>
            </details>
            <IntensityPicker id="i-after" label="And after putting it into words?" value=after />
            <SaveUse answers on_saved />
        </ToolPage>
    }
}

#[component]
pub fn OppositeAction() -> impl IntoView {
    let side = RwSignal::new(None::<bool>); // Some(true): the urge is to chase
    let urge = RwSignal::new(String::new());
    let step = RwSignal::new(String::new());
    let how = RwSignal::new(String::new());
    let before = RwSignal::new(None::<Intensity>);
    let after = RwSignal::new(None::<Intensity>);
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
    view! {
        <ToolPage slug="opposite-action">
            <fieldset class="choice-group">
                <legend class="field-label">"Which way is the urge pulling you?"</legend>
                <label class="choice"><input type="radio" name="pull" prop:checked=move || side.get() == Some(true) on:change=move |_| side.set(Some(true)) />"Toward them: to chase, check or ask again"</label>
                <label class="choice"><input type="radio" name="pull" prop:checked=move || side.get() == Some(false) on:change=move |_| side.set(Some(false)) />"Away from them: to go quiet or withdraw"</label>
            </fieldset>
            <TextField label="The urge, in a few words".to_string() value=urge />
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
            <IntensityPicker id="opposite-after" label="How strong is the urge now?" value=after />
            <SaveUse answers on_saved />
        </ToolPage>
    }
}
