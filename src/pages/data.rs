use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::theme::use_theme;
use crate::domain::theme::ThemeChoice;

/// Settings and data. The theme setting is here now; export, import, lock
/// and erase arrive with the journal.
#[component]
pub fn DataPage() -> impl IntoView {
    let theme = use_theme();
    view! {
        <Title text="Your data and settings" />
        <h1>"Your data and settings"</h1>
        <p class="lede">
            "Everything Steady keeps is stored in this browser on this device, and nowhere else. Export, import, an optional lock and erase-everything will live on this page."
        </p>
        <fieldset class="choice-group">
            <legend>"Colour theme"</legend>
            {ThemeChoice::ALL.into_iter().map(|choice| view! {
                <label class="choice">
                    <input
                        type="radio"
                        name="theme"
                        value=choice.as_str()
                        prop:checked=move || theme.choice.get() == choice
                        on:change=move |_| theme.choose(choice)
                    />
                    {choice.label()}
                </label>
            }).collect_view()}
        </fieldset>
    }
}
