//! The live region where notices (`state::notices`) appear, announced to
//! screen readers.

use leptos::prelude::*;

use crate::state::notices::{Notices, use_notices};

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
