use leptos::prelude::*;
#[component]
pub fn Activated() -> impl IntoView {
    view! { <p>"todo"</p> }
}
