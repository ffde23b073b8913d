use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::content::{self, ARTICLES, Article};
use crate::pages::not_found::NotFound;
use crate::paths::href;

#[component]
pub fn Library() -> impl IntoView {
    view! {
        <Title text="Learn" />
        <h1>"Learn"</h1>
        <p class="lede">"Plain-language articles on attachment, and on how people become more secure at any age."</p>
        <ul class="card-list">
            {ARTICLES.iter().map(|a| view! { <ArticleCard article=a /> }).collect_view()}
        </ul>
    }
}

#[component]
fn ArticleCard(article: &'static Article) -> impl IntoView {
    view! {
        <li class="card">
            <h2 class="card-title"><a href=href(&format!("learn/{}", article.slug))>{article.title}</a></h2>
            <p>{article.summary}</p>
            <p class="meta">{format!("{} min read", article.reading_minutes)}</p>
        </li>
    }
}

#[component]
pub fn ArticlePage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let slug = params.read().get("slug").unwrap_or_default();
        match content::article(&slug) {
            Some(article) => view! { <ArticleView article /> }.into_any(),
            None => view! { <NotFound /> }.into_any(),
        }
    }
}

#[component]
fn ArticleView(article: &'static Article) -> impl IntoView {
    let related: Vec<&'static Article> = article
        .related
        .iter()
        .filter_map(|s| content::article(s))
        .collect();
    view! {
        <Title text=article.title />
        <article class="article">
            <p class="breadcrumb"><a href=href("learn")>"Learn"</a></p>
            <h1>{article.title}</h1>
            <p class="meta">{format!("{} min read", article.reading_minutes)}</p>
            // Build-time HTML compiled from our own markdown in content/.
            <div class="prose" inner_html=article.html></div>
            {(!related.is_empty()).then(|| view! {
                <aside class="related" aria-labelledby="related-heading">
                    <h2 id="related-heading">"Related reading"</h2>
                    <ul>
                        {related.into_iter().map(|r| view! {
                            <li><a href=href(&format!("learn/{}", r.slug))>{r.title}</a></li>
                        }).collect_view()}
                    </ul>
                </aside>
            })}
        </article>
    }
}
