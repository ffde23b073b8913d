use leptos::prelude::*;
#[component]
pub fn BodyScan() -> impl IntoView {
    view! { <p>"todo"</p> }
}
