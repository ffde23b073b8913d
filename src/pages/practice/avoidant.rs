use leptos::prelude::*;
#[component]
pub fn Deactivation() -> impl IntoView {
    view! { <p>"todo"</p> }
}
#[component]
pub fn IStatement() -> impl IntoView {
    view! { <p>"todo"</p> }
}
#[component]
pub fn OppositeAction() -> impl IntoView {
    view! { <p>"todo"</p> }
}
