//! Secure functioning: the four principles, and a couple agreement the
//! person writes, saves and can print (the print stylesheet shows only the
//! agreement sheet).

use leptos::prelude::*;

use crate::components::kept_draft::{DraftFields, KeptDraft};
use crate::components::practice::{CopyShare, SaveUse, TextField, ToolPage};
use crate::content::{AGREEMENT_PROMPTS, SECURE_PRINCIPLES};
use crate::domain::journal::EntryKind;
use crate::domain::practice::record::{ToolUse, agreement_line, agreement_text};
use crate::routes::Tool;

#[component]
pub fn CoupleAgreement() -> impl IntoView {
    let names = RwSignal::new(String::new());
    let answers_by_prompt: Vec<RwSignal<String>> = AGREEMENT_PROMPTS
        .iter()
        .map(|_| RwSignal::new(String::new()))
        .collect();
    let answers_by_prompt = StoredValue::new(answers_by_prompt);
    let kept = KeptDraft::keep(
        Tool::CoupleAgreement.into(),
        DraftFields::new()
            .text("names", names)
            .numbered("line", answers_by_prompt.get_value()),
    );
    let answers = Callback::new(move |()| {
        answers_by_prompt.with_value(|a| {
            AGREEMENT_PROMPTS.iter().zip(a).fold(
                ToolUse::new(EntryKind::CoupleAgreement).field("Between", &names.get_untracked()),
                |u, (p, s)| u.field(p, &s.get_untracked()),
            )
        })
    });
    // The sheet as plain text, for Copy and Share.
    let sheet_text = Signal::derive(move || {
        let principles: Vec<&str> = SECURE_PRINCIPLES.iter().map(|p| p.title).collect();
        let answers: Vec<String> =
            answers_by_prompt.with_value(|a| a.iter().map(|s| s.get()).collect());
        let lines: Vec<(&str, &str)> = AGREEMENT_PROMPTS
            .iter()
            .zip(&answers)
            .map(|(p, a)| (*p, a.as_str()))
            .collect();
        agreement_text(&names.get(), &principles, &lines)
    });
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <ToolPage tool=Tool::CoupleAgreement kept>
            <section aria-labelledby="principles">
                <h2 id="principles">"The four principles"</h2>
                <ol class="principles">
                    {SECURE_PRINCIPLES.iter().map(|p| view! { <li><strong>{p.title}</strong>" "{p.text}</li> }).collect_view()}
                </ol>
            </section>
            <section aria-labelledby="write-agreement">
                <h2 id="write-agreement">"Write your agreement"</h2>
                <p>"Finish each sentence together, in your own words. Leave out any that do not fit you."</p>
                <TextField label="Between (your names)".to_string() value=names id="agreement-names" />
                {AGREEMENT_PROMPTS.iter().enumerate().map(|(n, p)| {
                    let value = answers_by_prompt.with_value(|a| a[n]);
                    view! { <TextField label=p.to_string() value rows=2 /> }
                }).collect_view()}
            </section>
            <article class="agreement-sheet" id="agreement-sheet" aria-labelledby="sheet-title">
                <h2 id="sheet-title">"Our agreement"</h2>
                {move || { let n = names.get(); (!n.trim().is_empty()).then(|| view! { <p class="meta">{format!("Between {}", n.trim())}</p> }) }}
                <ol>
                    {SECURE_PRINCIPLES.iter().map(|p| view! { <li>{p.title}</li> }).collect_view()}
                </ol>
                <ul class="agreement-lines">
                    {AGREEMENT_PROMPTS.iter().enumerate().map(|(n, p)| {
                        let value = answers_by_prompt.with_value(|a| a[n]);
                        move || agreement_line(p, &value.get()).map(|line| view! { <li>{line}</li> })
                    }).collect_view()}
                </ul>
            </article>
            <div class="actions">
                <button type="button" class="button" on:click=print>"Print the agreement"</button>
            </div>
            <CopyShare text=sheet_text target="agreement-sheet" title="Our agreement"
                empty="There is nothing to copy yet." />
            <SaveUse kept answers label="Save the agreement to my journal" />
        </ToolPage>
    }
}
