//! The home page's hero and its ways in.

use leptos::prelude::*;

use crate::browser::paths::href;
use crate::routes::HELP;

/// The name, what Steady is, and the two first steps.
#[component]
pub fn HomeHero() -> impl IntoView {
    view! {
        <section class="hero">
            <h1>"Steady"</h1>
            <p class="lede">
                "A quiet, private place to understand how you attach to the people close to you, and to practise feeling safer with them."
            </p>
            <div class="actions">
                <a class="button primary" href=href("quiz")>"Take the quiz"</a>
                <a class="button" href=href("practice/activated")>"I'm activated right now"</a>
            </div>
            <p class="hero-more">
                "Or straight to "<a href=href("practice/breathing")>"slow breathing"</a>
                ", or "<a href=href(HELP)>"help in a crisis"</a>"."
            </p>
        </section>
    }
}

/// "What you can do here": a card for each part of Steady.
#[component]
pub fn HomeWays() -> impl IntoView {
    view! {
        <section class="cards" aria-labelledby="what-heading">
            <h2 id="what-heading">"What you can do here"</h2>
            <ul class="card-list two-up">
                <li class="card">
                    <h3><a href=href("quiz")>"See where you start"</a></h3>
                    <p>"Answer statements about closeness and worry, and see your place on the two dimensions research uses: anxiety and avoidance."</p>
                </li>
                <li class="card">
                    <h3><a href=href("learn")>"Read, in plain words"</a></h3>
                    <p>"Short articles on each attachment style and on how people grow more secure at any age."</p>
                </li>
                <li class="card">
                    <h3><a href=href("practice")>"Practise in the moment"</a></h3>
                    <p>"Tools for the minute the old pattern fires: breathing, waiting before you text, repair after a fight."</p>
                </li>
                <li class="card">
                    <h3><a href=href("journal")>"Keep a private journal"</a></h3>
                    <p>"Notes that stay on this device unless you back them up, and a record of what helps you."</p>
                </li>
            </ul>
        </section>
    }
}
