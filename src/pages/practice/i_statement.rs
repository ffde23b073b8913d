//! The I-statement builder: a feeling, a moment and a need, put together
//! into one sentence the person can say.

use leptos::prelude::*;

use crate::components::practice::{IntensityPicker, SaveUse, Suggestions, TextField, ToolPage};
use crate::content::{
    FEELING_WORDS, I_STATEMENT_EXAMPLES, I_STATEMENT_FEELINGS_HINT, I_STATEMENT_NEEDS,
};
use crate::domain::journal::{EntryKind, Intensity};
use crate::domain::practice::record::{ToolUse, i_statement};
use crate::routes::Tool;

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
        <ToolPage tool=Tool::IStatement>
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
