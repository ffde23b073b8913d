//! One polite, dismissable message at a time: what could not be saved or
//! read, and when an update is ready. A notice may carry one action (for
//! example "Reload"). `components::notice::NoticeArea` shows it.

use leptos::prelude::*;

#[derive(Clone)]
pub struct Notice {
    // Read by the area that shows it.
    pub text: String,
    pub action: Option<(&'static str, Callback<()>)>,
}

#[derive(Clone, Copy)]
pub struct Notices(pub RwSignal<Option<Notice>>);

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
