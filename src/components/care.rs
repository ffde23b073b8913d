//! The care note every quiz result carries: self-reflection, not a
//! diagnosis; the line for a reader afraid of the person they answered about;
//! the line after a loss; and help one step away.

use leptos::prelude::*;

use crate::browser::paths::href;
use crate::components::practice::SAFE_WITH_SOMEONE;
use crate::routes::HELP;

/// The help page's section on support after a loss (`content/pages/help.md`).
pub const AFTER_A_LOSS: &str = "after-a-loss";

/// The care note every result carries.
#[component]
pub fn CareNote() -> impl IntoView {
    let care = &crate::content::QUIZ_CARE;
    view! {
        <aside class="care-note" aria-label="About this result">
            <p>
                <strong>"This is self-reflection, not a diagnosis."</strong>
                " The quiz uses our own statements on the two research dimensions; it is not a clinical test, and scores move over time."
            </p>
            <p class="afraid-line">
                {care.afraid}" "
                <a href=format!("{}#{SAFE_WITH_SOMEONE}", href(HELP))>{care.afraid_link}</a>
            </p>
            <p class="grief-line">
                {care.grief}" "
                <a href=format!("{}#{AFTER_A_LOSS}", href(HELP))>{care.grief_link}</a>
            </p>
            <p>"If you are struggling right now, "<a href=href(HELP)>"find help and crisis lines"</a>"."</p>
        </aside>
    }
}
