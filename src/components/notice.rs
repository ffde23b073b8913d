//! One polite, dismissable message at a time, announced to screen readers.
//! Used when something the user did could not be saved or read, and when an
//! update is ready. A notice may carry one action (for example "Reload").

use leptos::prelude::*;

#[derive(Clone)]
struct Notice {
    text: String,
    action: Option<(&'static str, Callback<()>)>,
}

#[derive(Clone, Copy)]
pub struct Notices(RwSignal<Option<Notice>>);

impl Notices {
    pub fn show(&self, message: impl Into<String>) {
        self.0.set(Some(Notice {
            text: message.into(),
            action: None,
        }));
    }

    /// A message with a button that runs `action`.
    pub fn show_with_action(
        &self,
        message: impl Into<String>,
        label: &'static str,
        action: impl Fn() + Send + Sync + 'static,
    ) {
        self.0.set(Some(Notice {
            text: message.into(),
            action: Some((label, Callback::new(move |()| action()))),
        }));
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
            {move || message.get().map(|notice| view! {
                <div class="notice">
                    <p>{notice.text}</p>
                    <div class="notice-actions">
                        {notice.action.map(|(label, action)| view! {
                            <button type="button" class="button primary" on:click=move |_| action.run(())>{label}</button>
                        })}
                        <button type="button" class="button quiet" on:click=move |_| message.set(None)>
                            "Dismiss"
                        </button>
                    </div>
                </div>
            })}
        </div>
    }
}
