//! The header's theme switch.

use leptos::prelude::*;

use crate::state::theme::use_theme;

/// The header button: one press switches to the other theme.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let theme = use_theme();
    view! {
        <button
            type="button"
            class="theme-toggle"
            aria-pressed=move || theme.is_dark().to_string()
            on:click=move |_| theme.choose(theme.choice().get_untracked().toggled(theme.prefers_dark.get_untracked()))
        >
            <span aria-hidden="true" class="theme-icon"></span>
            <span class="theme-label">"Dark theme"</span>
        </button>
    }
}
