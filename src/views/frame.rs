//! The frame of every page: skip link, header with the sections and the
//! crisis link, and the footer with the care and privacy notes.

use leptos::prelude::*;

use crate::browser::paths::href;
use crate::content;
use crate::routes::HELP;
use crate::routes_gen::SECTIONS;
use crate::views::practice::PLAIN_BREATH_ID;

/// The first stop of the keyboard. A fragment link would resolve against
/// `<base>`, i.e. the home page, so `href` names the current path;
/// `rel=external` leaves the in-page jump to the browser, which also moves
/// focus.
#[component]
pub fn SkipLink(href: impl Fn() -> String + Send + Sync + 'static) -> impl IntoView {
    view! {
        <a class="skip-link" rel="external" href=href>"Skip to content"</a>
    }
}

/// The header: the name, help one step away, the `actions` (the lock and
/// theme buttons), and the sections with the current one marked. `route` is
/// relative to the base, without slashes.
#[component]
pub fn SiteHeader(route: Memo<String>, actions: impl IntoView + 'static) -> impl IntoView {
    let is_current = move |section: &'static str| {
        move || {
            let r = route.get();
            let here = if section.is_empty() {
                r.is_empty()
            } else {
                r == section || r.starts_with(&format!("{section}/"))
            };
            here.then_some("page")
        }
    };
    view! {
        <header class="site-header">
            <div class="wrap header-bar">
                <a class="brand" href=href("")>
                    <span class="brand-mark" aria-hidden="true"></span>
                    "Steady"
                </a>
                <div class="header-actions">
                    <a class="help-link" href=href(HELP)>"Need help now?"</a>
                    {actions}
                </div>
            </div>
            <nav class="site-nav" aria-label="Sections">
                <ul class="wrap">
                    {SECTIONS.iter().map(|&(route, label)| view! {
                        <li><a href=href(route) aria-current=is_current(route)>{label}</a></li>
                    }).collect_view()}
                </ul>
            </nav>
        </header>
    }
}

/// The footer's care and privacy notes.
#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="wrap">
                <p>
                    <strong>"Self-reflection, not a diagnosis."</strong>
                    " Steady helps you think about how you connect; it cannot assess you or replace a qualified therapist. "
                    <a href=href(HELP)>"Crisis lines and finding a therapist"</a>
                </p>
                <p>"Private by design: what you enter stays on this device. Nothing leaves it unless you share or back up."</p>
            </div>
        </footer>
    }
}

/// The theme button's place before the app can work it: the same box, so
/// the header does not move when the button arrives.
#[component]
pub fn ThemeTogglePlaceholder() -> impl IntoView {
    view! {
        <span class="theme-toggle is-placeholder" aria-hidden="true">
            <span class="theme-icon"></span>
            <span class="theme-label">"Dark theme"</span>
        </span>
    }
}

/// The frame as a static page paints it, around `children` in `<main>`;
/// the app's `Shell` composes the same pieces with its state. `route` is the
/// page's, or `None` for the page of any other path (404.html).
#[component]
pub fn StaticFrame(route: Option<String>, children: Children) -> impl IntoView {
    // Without a route, "#main" resolves against <base>: the home page, whose
    // <main> is the same place.
    let skip = route
        .as_deref()
        .map_or_else(|| "#main".to_string(), |r| format!("{}#main", href(r)));
    // No route marks no section as current.
    let route = route.unwrap_or_else(|| "-".into());
    view! {
        <SkipLink href=move || skip.clone() />
        <SiteHeader route=Memo::new(move |_| route.clone()) actions=view! { <ThemeTogglePlaceholder /> } />
        <div class="notice-area wrap" role="status" aria-live="polite"></div>
        <main id="main" class="wrap" tabindex="-1">
            {children()}
        </main>
        <SiteFooter />
        <AppWait />
    }
}

/// The static page's word on the app while it loads: the page looks ready
/// before its buttons work, so it says so; and if the app has not started
/// after a few seconds, or failed, it points to what works without it.
/// Shown only with script on, while `<html data-app>` is there
/// (`assets/theme-boot.js` sets it, `start()` removes it), and gone with the
/// static page once the app replaces it.
#[component]
pub fn AppWait() -> impl IntoView {
    view! {
        <div class="app-wait" role="status">
            <p class="app-wait-loading">{content::APP_LOADING}</p>
            <p class="app-wait-stalled">
                {content::APP_STALLED}" "<a href=href(HELP)>{content::APP_STALLED_HELP}</a>
                ", "<a href=format!("{}#{PLAIN_BREATH_ID}", href("practice/breathing"))>{content::APP_STALLED_BREATH}</a>
                ", "<a href=href("quiz")>{content::APP_STALLED_QUIZ}</a>
                ", "<a href=href("learn")>{content::APP_STALLED_LIBRARY}</a>
                {content::APP_STALLED_AFTER}
            </p>
        </div>
    }
}

/// Shown with JavaScript off only: what on this page needs the app.
#[component]
pub fn NeedsApp(what: &'static str) -> impl IntoView {
    view! {
        <noscript>
            <p class="noscript-note">
                "This part needs JavaScript: "{what}
                " runs inside your browser, so nothing you write leaves this device. Turn JavaScript on for this site and reload to use it. The "
                <a href=href("learn")>"library"</a>" and "<a href=href(HELP)>"help"</a>" read without it."
            </p>
        </noscript>
    }
}
