use leptos::prelude::*;
#[component]
pub fn CoupleAgreement() -> impl IntoView {
    view! { <p>"todo"</p> }
}
