//! Light and dark: follows the device unless the reader chose, and the
//! choice is remembered. `components::theme::ThemeToggle` switches it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::domain::theme::ThemeChoice;
use crate::state::notices::use_notices;
use crate::state::rules::Draft;
use crate::store;

/// The choice is a draft: it applies at once, and is remembered after.
#[derive(Clone, Copy)]
pub struct Theme {
    choice: Draft<ThemeChoice>,
    pub prefers_dark: RwSignal<bool>,
}

impl Theme {
    pub fn choice(self) -> ReadSignal<ThemeChoice> {
        self.choice.shown()
    }

    pub fn is_dark(self) -> bool {
        let prefers_dark = self.prefers_dark.get();
        self.choice.with(|c| c.is_dark(prefers_dark))
    }

    /// Applies a choice, then remembers it; says so once if it could not be.
    pub fn choose(self, choice: ThemeChoice) {
        self.choice.show(choice);
        self.choice.kept(store::save_theme(choice));
    }
}

pub fn provide_theme() {
    let query = window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten();
    let prefers_dark = RwSignal::new(query.as_ref().is_some_and(|q| q.matches()));
    if let Some(query) = query {
        let on_change = Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(
            move |e: web_sys::MediaQueryListEvent| {
                prefers_dark.set(e.matches());
            },
        );
        let _ =
            query.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        // Lives as long as the page.
        on_change.forget();
    }
    let theme = Theme {
        choice: Draft::new(
            store::load_theme(),
            use_notices(),
            "Your theme applies until you close this tab.",
        ),
        prefers_dark,
    };
    provide_context(theme);

    // `data-theme` on <html> overrides the media query in style/; without it
    // the device decides. theme-boot.js sets the same attribute before paint.
    Effect::new(move |_| {
        let root = document().document_element().expect("<html>");
        let _ = match theme.choice().get() {
            ThemeChoice::System => root.remove_attribute("data-theme"),
            explicit => root.set_attribute("data-theme", explicit.as_str()),
        };
    });
}

pub fn use_theme() -> Theme {
    expect_context::<Theme>()
}
