//! One polite, dismissable message at a time, announced to screen readers.
//! Used when something the user did could not be saved or read.

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Notices(RwSignal<Option<String>>);

impl Notices {
    pub fn show(&self, message: impl Into<String>) {
        self.0.set(Some(message.into()));
    }
}

pub fn provide_notices() {
    provide_context(Notices(RwSignal::new(None)));
}

pub fn use_notices() -> Notices {
    expect_context::<Notices>()
}

/// The live region. It is always in the page so that assistive technology
/// is already watching it when a message arrives.
#[component]
pub fn NoticeArea() -> impl IntoView {
    let Notices(message) = use_notices();
    view! {
        <div class="notice-area wrap" role="status" aria-live="polite">
            {move || message.get().map(|text| view! {
                <div class="notice">
                    <p>{text}</p>
                    <button type="button" class="button quiet" on:click=move |_| message.set(None)>
                        "Dismiss"
                    </button>
                </div>
            })}
        </div>
    }
}
