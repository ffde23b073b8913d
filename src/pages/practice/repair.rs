use leptos::prelude::*;
#[component]
pub fn Repair() -> impl IntoView {
    view! { <p>"todo"</p> }
}
