//! The library (its search box, filters and shelves) and an article.

use leptos::html::Fieldset;
use leptos::prelude::*;

use crate::browser::paths::href;
use crate::content::{self, ARTICLES, Article, SHELVES, route_page};
use crate::domain::library::StyleFilter;

/// The library's title and lead.
#[component]
pub fn LibraryOpening() -> impl IntoView {
    let page = route_page("learn");
    view! {
        <h1>{page.title}</h1>
        <p class="lede">{page.lead}</p>
    }
}

/// The search box and the style chips, which set `query` and `style`;
/// `note` follows the chips (the app's filter note).
#[component]
pub fn LibrarySearch(
    query: RwSignal<String>,
    style: RwSignal<StyleFilter>,
    #[prop(optional)] chips: NodeRef<Fieldset>,
    note: impl IntoView + 'static,
) -> impl IntoView {
    view! {
        <div class="library-tools" role="search">
            <label class="field">
                <span class="field-label">"Search the library"</span>
                <input
                    type="search"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder="reassurance, timeout, jealousy"
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))
                />
            </label>
            <fieldset class="chips" node_ref=chips>
                <legend>"Show articles for"</legend>
                {StyleFilter::ALL
                    .into_iter()
                    .map(|s| {
                        view! {
                            <label class="chip">
                                <input
                                    type="radio"
                                    name="style"
                                    // The attribute for the static page, the
                                    // property once the app runs.
                                    checked=style.get_untracked() == s
                                    prop:checked=move || style.get() == s
                                    on:change=move |_| style.set(s)
                                />
                                <span>{s.label()}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            {note}
        </div>
    }
}

/// What the search found, read out as it changes; `heard_only` hides it
/// from sight (the crisis card below says it).
#[component]
pub fn SearchStatus(
    text: impl Fn() -> String + Send + Sync + 'static,
    heard_only: impl Fn() -> bool + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <p class=move || if heard_only() { "search-status visually-hidden" } else { "search-status" } role="status" aria-live="polite">
            {text}
        </p>
    }
}

/// How many articles show with `style` and no search.
pub fn showing(style: StyleFilter) -> String {
    let shown = ARTICLES.iter().filter(|a| style.admits(a.tags)).count();
    format!("Showing {shown} of {} articles.", ARTICLES.len())
}

/// The library by topic, narrowed to one style when chosen.
#[component]
pub fn Shelves(style: RwSignal<StyleFilter>) -> impl IntoView {
    move || {
        let style = style.get();
        SHELVES
            .iter()
            .filter_map(|(key, name)| {
                let articles: Vec<&'static Article> = ARTICLES
                    .iter()
                    .filter(|a| a.topic == *key && style.admits(a.tags))
                    .collect();
                (!articles.is_empty()).then(|| {
                    let heading_id = format!("shelf-{key}");
                    let labelled_by = heading_id.clone();
                    view! {
                        <section class="shelf" aria-labelledby=labelled_by>
                            <h2 id=heading_id>{*name}</h2>
                            <ul class="card-list">
                                {articles
                                    .into_iter()
                                    .map(|a| view! { <ArticleCard article=a /> })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })
            })
            .collect_view()
    }
}

#[component]
pub fn ArticleCard(article: &'static Article) -> impl IntoView {
    view! {
        <li class="card">
            <h3 class="card-title">
                <a href=href(&format!("learn/{}", article.slug))>{article.title}</a>
            </h3>
            <p>{article.summary}</p>
            <p class="meta">{format!("{} min read", article.reading_minutes)}</p>
        </li>
    }
}

/// An article with its related reading.
#[component]
pub fn ArticleView(article: &'static Article) -> impl IntoView {
    let related: Vec<&'static Article> = article
        .related
        .iter()
        .filter_map(|s| content::article(s))
        .collect();
    view! {
        <article class="article">
            <p class="breadcrumb">
                <a href=href("learn")>"Learn"</a>
            </p>
            <h1>{article.title}</h1>
            <p class="meta">{format!("{} min read", article.reading_minutes)}</p>
            // Build-time HTML compiled from our own markdown in content/.
            <div class="prose" inner_html=article.html></div>
            {(!related.is_empty())
                .then(|| {
                    view! {
                        <aside class="related" aria-labelledby="related-heading">
                            <h2 id="related-heading">"Related reading"</h2>
                            <ul>
                                {related
                                    .into_iter()
                                    .map(|r| {
                                        view! {
                                            <li>
                                                <a href=href(&format!("learn/{}", r.slug))>{r.title}</a>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </aside>
                    }
                })}
        </article>
    }
}
