//! The I-statement builder: a feeling, a moment and a need, put together
//! into one sentence the person can say.

use leptos::prelude::*;

use crate::components::kept_draft::{DraftFields, KeptDraft};
use crate::components::practice::{
    AfterPicker, CopyShare, IntensityPicker, Pick, SaveUse, TextField, ToolPage, WordChips,
};
use crate::content::{
    FEELING_WORDS, I_STATEMENT_EXAMPLES, I_STATEMENT_FEELINGS_HINT, I_STATEMENT_NEEDS,
};
use crate::domain::journal::{EntryKind, Intensity};
use crate::domain::practice::record::{ToolUse, i_statement};
use crate::routes::Tool;

use super::FIRST_FEELINGS;

#[component]
pub fn IStatement() -> impl IntoView {
    let feeling = RwSignal::new(String::new());
    let situation = RwSignal::new(String::new());
    let need = RwSignal::new(String::new());
    let before = RwSignal::new(None::<Intensity>);
    let after = RwSignal::new(None::<Intensity>);
    let sentence = Memo::new(move |_| i_statement(&feeling.get(), &situation.get(), &need.get()));
    let kept = KeptDraft::keep(
        Tool::IStatement.into(),
        DraftFields::new()
            .text("feeling", feeling)
            .text("situation", situation)
            .text("need", need)
            .rating("before", before)
            .rating("after", after),
    );
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
        <ToolPage tool=Tool::IStatement kept>
            <IntensityPicker id="i-before" label="How strong is the feeling?" value=before />
            <TextField label="I feel …".to_string() hint=I_STATEMENT_FEELINGS_HINT value=feeling id="i-feeling" />
            <WordChips label="Feeling words" words=FEELING_WORDS value=feeling first=FIRST_FEELINGS more="More feelings" />
            <TextField label="when … (optional)".to_string() hint="What happens, said without blame: when plans change at the last minute." value=situation />
            <TextField label="and I need …".to_string() hint="Something small and concrete they could do. Tap one or write your own." value=need id="i-need" />
            <WordChips label="Needs" words=I_STATEMENT_NEEDS value=need pick=Pick::One first=5 more="More needs" />
            <section class="i-statement-preview" aria-labelledby="i-preview">
                <h2 id="i-preview">"Your sentence"</h2>
                <output class="said" id="i-said">{move || sentence.get().unwrap_or_else(|| "Fill in a feeling and a need to see your sentence.".into())}</output>
                <CopyShare text=Signal::derive(move || sentence.get().unwrap_or_default()) target="i-said"
                    title="My I-statement" empty="Fill in a feeling and a need first: there is no sentence to copy yet." />
            </section>
            <details>
                <summary>"Examples"</summary>
                <ul>{I_STATEMENT_EXAMPLES.iter().map(|e| view! { <li>{*e}</li> }).collect_view()}</ul>
            </details>
            <AfterPicker id="i-after" label="And after putting it into words?" value=after used=Signal::derive(move || sentence.with(Option::is_some)) />
            <SaveUse kept answers on_saved />
        </ToolPage>
    }
}
