use leptos::prelude::*;

use crate::browser::paths::href;
use crate::components::title::Title;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Title text="Page not found" />
        <h1>"This page isn't here"</h1>
        <p class="lede">"The link may be old, or the address mistyped. Nothing you saved is affected."</p>
        <ul class="link-list">
            <li><a href=href("")>"Go to the home page"</a></li>
            <li><a href=href("learn")>"Browse the library"</a></li>
            <li><a href=href("help")>"Need help now?"</a></li>
        </ul>
    }
}
