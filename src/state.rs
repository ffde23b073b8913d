//! App-wide data that several pages read: the quiz history. Loaded once from
//! `store`, kept in a signal, and saved through `store` on every change.

use leptos::prelude::*;

use crate::components::notice::{Notices, use_notices};
use crate::domain::history::{History, QuizResult};
use crate::store;

#[derive(Clone, Copy)]
pub struct Results {
    history: RwSignal<History>,
    // Captured here because event handlers run outside the component tree.
    notices: Notices,
}

/// Loads the history. Unreadable history is never written over without a
/// copy: `store` keeps it aside, and the person is told.
pub fn provide_results() {
    let notices = use_notices();
    let history = match store::load_history() {
        Ok(history) => history,
        Err(problem) => {
            notices.show(format!(
                "Your saved quiz results could not be read ({problem}), so none are shown. The saved copy has been kept aside, unchanged, and new results are saved separately."
            ));
            History::default()
        }
    };
    provide_context(Results {
        history: RwSignal::new(history),
        notices,
    });
}

pub fn use_results() -> Results {
    expect_context::<Results>()
}

impl Results {
    pub fn history(self) -> RwSignal<History> {
        self.history
    }

    fn save(self) {
        let saved = self.history.with_untracked(store::save_history);
        if let Err(not_saved) = saved {
            self.notices.show(format!(
                "{not_saved} Your results are shown for now but will be gone after a reload."
            ));
        }
    }

    pub fn add(self, result: QuizResult) {
        self.history.update(|h| h.add(result));
        self.save();
    }

    pub fn remove(self, id: &str) -> Option<QuizResult> {
        let removed = self.history.try_update(|h| h.remove(id)).flatten();
        if removed.is_some() {
            self.save();
        }
        removed.map(|(_, r)| r)
    }

    pub fn restore(self, result: QuizResult) {
        self.history.update(|h| h.restore(result));
        self.save();
    }
}
