use std::sync::OnceLock;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::browser::paths::href;
use crate::components::title::Title;
use crate::content::{self, ARTICLES, Article};
use crate::domain::library::{self, Searchable, StyleFilter};
use crate::pages::not_found::NotFound;
use crate::state::{try_use_progress, try_use_results};
use crate::views::learn::{
    ArticleCard, ArticleView, LibraryOpening, LibrarySearch, SearchStatus, Shelves, showing,
};

/// Each article's search words and their stems, derived from its HTML on
/// the first search (not at start-up: most visits never search).
fn article_terms() -> &'static [(String, String)] {
    static TERMS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    TERMS.get_or_init(|| {
        ARTICLES
            .iter()
            .map(|a| {
                let terms = library::index_terms(a.html);
                let stems = library::index_stems(&terms);
                (terms, stems)
            })
            .collect()
    })
}

/// Every word search knows, for reading a misspelling as what was meant;
/// built with the index, on the first search.
fn vocabulary() -> &'static library::Vocabulary {
    static VOCABULARY: OnceLock<library::Vocabulary> = OnceLock::new();
    VOCABULARY.get_or_init(|| {
        let crisis: Vec<&str> = content::CRISIS_SEARCHES
            .iter()
            .flat_map(|c| c.words.iter().copied())
            .collect();
        library::Vocabulary::of(&search_index(), content::SYNONYMS, &crisis)
    })
}

fn search_index() -> Vec<Searchable<'static>> {
    ARTICLES
        .iter()
        .zip(article_terms())
        .map(|(a, (terms, stems))| Searchable {
            title: a.title,
            summary: a.summary,
            terms,
            stems,
        })
        .collect()
}

#[component]
pub fn Library() -> impl IntoView {
    let query = RwSignal::new(String::new());
    // The library opens on everything; someone who has taken the quiz gets
    // "For my style" one tap away, and a filter on always says so. While
    // Steady is locked there are no results to read.
    let latest = try_use_results().and_then(|r| {
        r.history()
            .with_untracked(|h| h.latest().map(|r| r.region()))
    });
    let mine = latest.map(StyleFilter::for_region);
    let style = RwSignal::new(StyleFilter::All);

    // The query as search reads it: misspellings forgiven.
    let forgiven = Memo::new(move |_| {
        let q = query.get();
        (!q.trim().is_empty()).then(|| vocabulary().forgive(&q))
    });
    // A reader who types a crisis word meets help before any article.
    let crisis = Memo::new(move |_| {
        forgiven.get().and_then(|q| {
            library::crisis_group(&q, content::CRISIS_SEARCHES.iter().map(|c| c.words))
                .map(|i| &content::CRISIS_SEARCHES[i])
        })
    });
    // `None` while the box is empty: the shelves show instead of results.
    let results = Memo::new(move |_| {
        let q = forgiven.get()?;
        let style = style.get();
        Some(
            library::search_forgiven(&search_index(), &q, content::SYNONYMS)
                .into_iter()
                .map(|i| &ARTICLES[i])
                .filter(|a| style.admits(a.tags))
                .collect::<Vec<_>>(),
        )
    });
    let status = move || match (results.get(), crisis.get()) {
        (Some(_), Some(c)) => c.message.to_string(),
        (None, _) => showing(style.get()),
        (Some(r), None) if r.is_empty() => {
            "No article matches. Try fewer or shorter words, or start with one of the styles below."
                .into()
        }
        (Some(r), None) if r.len() == 1 => "1 article matches.".into(),
        (Some(r), None) => format!("{} articles match.", r.len()),
    };
    let chips = NodeRef::<leptos::html::Fieldset>::new();

    let filter_note = view! {
        // One button that stays put as its job changes, so the focus
        // stays on it: "For my style" while everything shows, "Show all"
        // while a filter is on.
        <p class="filter-note" hidden=move || style.get() == StyleFilter::All && mine.is_none()>
            {move || {
                let s = style.get();
                (s != StyleFilter::All).then(|| {
                    let which = if mine == Some(s) {
                        format!("Showing: {} (your latest result)", s.label())
                    } else {
                        format!("Showing: {}", s.label())
                    };
                    view! { <span>{which}</span><span aria-hidden="true">" · "</span> }
                })
            }}
            <button type="button" class="link-button" on:click=move |_| {
                match (style.get_untracked(), mine) {
                    (StyleFilter::All, Some(m)) => style.set(m),
                    _ => {
                        style.set(StyleFilter::All);
                        if mine.is_none() {
                            // The button hides: the focus goes to "Everything".
                            if let Some(first) = chips
                                .get_untracked()
                                .and_then(|f| f.query_selector("input").ok().flatten())
                                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
                            {
                                let _ = first.focus();
                            }
                        }
                    }
                }
            }>
                {move || match (style.get(), mine) {
                    (StyleFilter::All, Some(m)) => format!("For my style ({})", m.label()),
                    _ => "Show all".to_string(),
                }}
            </button>
        </p>
    };
    view! {
        <Title text=crate::content::route_page("learn").title />
        <LibraryOpening />
        <LibrarySearch query style chips note=filter_note />
        // With a crisis word the kind words are read out here and shown once,
        // in the card below, rather than twice on screen.
        <SearchStatus text=status heard_only=move || crisis.get().is_some() />
        {move || crisis.get().map(|c| view! { <HelpFirst crisis=c /> })}
        {move || match results.get() {
            Some(found) if found.is_empty() && crisis.get().is_some() => ().into_any(),
            Some(found) if found.is_empty() => view! { <NoMatch /> }.into_any(),
            Some(found) => {
                view! {
                    <h2 class="visually-hidden">"Search results"</h2>
                    <ul class="card-list">
                        {found.into_iter().map(|a| view! { <ArticleCard article=a /> }).collect_view()}
                    </ul>
                }
                    .into_any()
            }
            None => view! { <Shelves style /> }.into_any(),
        }}
    }
}

/// Before any article, for a search with a crisis word: kind words and the
/// way to the help page's section for it.
#[component]
fn HelpFirst(crisis: &'static content::CrisisSearch) -> impl IntoView {
    let to = if crisis.anchor.is_empty() {
        href("help")
    } else {
        format!("{}#{}", href("help"), crisis.anchor)
    };
    view! {
        <section class="care-note help-first" aria-labelledby="help-first-heading">
            <h2 id="help-first-heading">{content::page(crate::routes::HELP).expect("content/pages/help.md is checked at build time").title}</h2>
            <p>{crisis.message}</p>
            <p><a class="button primary" href=to>{crisis.link}</a></p>
        </section>
    }
}

/// What a search that found nothing offers instead: the style pages, and
/// help for someone who came here in distress.
#[component]
fn NoMatch() -> impl IntoView {
    const STYLE_PAGES: [&str; 4] = [
        "anxious-attachment",
        "avoidant-attachment",
        "fearful-avoidant-attachment",
        "secure-attachment",
    ];
    view! {
        <section class="no-match" aria-labelledby="no-match-heading">
            <h2 id="no-match-heading">"Start with the styles"</h2>
            <ul class="card-list">
                {STYLE_PAGES
                    .into_iter()
                    .filter_map(content::article)
                    .map(|a| view! { <ArticleCard article=a /> })
                    .collect_view()}
            </ul>
            <p>
                "If something is hard right now, the "
                <a href=href("help")>"help page"</a>
                " lists people you can talk to today."
            </p>
        </section>
    }
}

/// Opening the page for the latest result's style ticks the starter plan's
/// "Read the page for your style". Nothing is noted while Steady is locked.
fn note_style_page(article: &'static Article) {
    let (Some(results), Some(progress)) = (try_use_results(), try_use_progress()) else {
        return;
    };
    let latest = results
        .history()
        .with_untracked(|h| h.latest().map(|r| r.region()));
    if let Some(region) = latest.filter(|r| content::region_words(*r).article == article.slug) {
        leptos::task::spawn_local(async move {
            // Not noted only leaves the step for a tick by hand.
            let _ = progress
                .record_style_page(region, crate::browser::clock::now())
                .await;
        });
    }
}

#[component]
pub fn ArticlePage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let slug = params.read().get("slug").unwrap_or_default();
        match content::article(&slug) {
            Some(article) => view! { <ArticleRead article /> }.into_any(),
            None => view! { <NotFound /> }.into_any(),
        }
    }
}

#[component]
fn ArticleRead(article: &'static Article) -> impl IntoView {
    note_style_page(article);
    view! {
        <Title text=article.title />
        <ArticleView article />
    }
}
