//! The base path the app is served under, and every href built from it.
//!
//! GitHub Pages serves a project at `/<repo>/`; a custom domain serves it at
//! `/`. Trunk's `public_url` is the single source of truth: it is written into
//! `<base href>` at build time and read here once at start. Routes and links
//! never hard-code a leading `/`, because leptos_router's `<A>` would leave the
//! base (see ../shared/BUILDING.md).

use std::sync::OnceLock;

/// A base path that always starts and ends with `/` (`/`, `/steady/`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BasePath(String);

impl BasePath {
    /// Accepts what `<base href>` may hold: a path, or a full URL whose path is
    /// taken. Anything unusable falls back to `/`.
    pub fn parse(raw: &str) -> Self {
        let raw = raw.trim();
        let path = match raw.find("://") {
            Some(scheme_end) => {
                let after = &raw[scheme_end + 3..];
                after.find('/').map_or("/", |i| &after[i..])
            }
            None => raw,
        };
        let path = path.split(['?', '#']).next().unwrap_or("");
        let trimmed = path.trim_matches('/');
        if trimmed.is_empty() {
            BasePath("/".into())
        } else {
            BasePath(format!("/{trimmed}/"))
        }
    }

    /// The base as Trunk writes it, with both slashes.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The router's `base`: no trailing slash, empty at the root.
    pub fn router_base(&self) -> &str {
        self.0.trim_end_matches('/')
    }

    /// An absolute href for an app route such as `""`, `"quiz"` or `"learn/x"`.
    pub fn href(&self, route: &str) -> String {
        format!("{}{}", self.0, route.trim_start_matches('/'))
    }

    /// The route of an absolute path under this base, without slashes at
    /// either end: `/steady/learn/x/` → `learn/x`. `None` when the path is
    /// outside the base.
    pub fn route_of<'a>(&self, path: &'a str) -> Option<&'a str> {
        let with_slash = path.strip_prefix(self.router_base())?;
        if !(with_slash.is_empty() || with_slash.starts_with('/')) {
            return None;
        }
        Some(with_slash.trim_matches('/'))
    }

    /// Whether Steady, served from `hostname` under this base, shares its
    /// origin with other sites: a folder of a `*.github.io` address is one
    /// project site among all of that account's Pages sites, which share
    /// storage, caches and service workers. At the root of such an address
    /// (the account's own `<name>.github.io` site) it may still share, but
    /// then the person chose that account for it.
    pub fn shares_github_origin(&self, hostname: &str) -> bool {
        let host = hostname.trim_end_matches('.').to_ascii_lowercase();
        host.ends_with(".github.io") && self.0 != "/"
    }
}

static BASE: OnceLock<BasePath> = OnceLock::new();

/// Sets the base once, at start. Later calls are ignored.
pub fn init(base_href: Option<&str>) {
    let _ = BASE.set(BasePath::parse(base_href.unwrap_or("/")));
}

/// The app's base path (`/` until [`init`] ran).
pub fn base() -> &'static BasePath {
    BASE.get_or_init(|| BasePath::parse("/"))
}

/// Shorthand for `base().href(route)`.
pub fn href(route: &str) -> String {
    base().href(route)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_of_a_github_io_address_shares_its_origin() {
        let steady = BasePath::parse("/steady/");
        assert!(steady.shares_github_origin("someone.github.io"));
        assert!(steady.shares_github_origin("Someone.GitHub.io."));
        assert!(!BasePath::parse("/").shares_github_origin("someone.github.io"));
        assert!(!steady.shares_github_origin("steady.example.org"));
        assert!(!steady.shares_github_origin("github.io.example.org"));
        assert!(!steady.shares_github_origin("127.0.0.1"));
    }

    #[test]
    fn parses_every_shape_trunk_or_a_browser_gives() {
        for (raw, want) in [
            ("/", "/"),
            ("", "/"),
            ("/steady/", "/steady/"),
            ("/steady", "/steady/"),
            ("steady", "/steady/"),
            ("https://me.github.io/steady/", "/steady/"),
            ("http://127.0.0.1:8080/", "/"),
            ("/a/b/", "/a/b/"),
        ] {
            assert_eq!(BasePath::parse(raw).as_str(), want, "from {raw:?}");
        }
    }

    #[test]
    fn hrefs_stay_under_the_base() {
        let b = BasePath::parse("/steady/");
        assert_eq!(b.href(""), "/steady/");
        assert_eq!(b.href("quiz"), "/steady/quiz");
        assert_eq!(b.href("/learn/x"), "/steady/learn/x");
        assert_eq!(b.router_base(), "/steady");
        let root = BasePath::parse("/");
        assert_eq!(root.href("quiz"), "/quiz");
        assert_eq!(root.router_base(), "");
    }

    #[test]
    fn route_of_strips_the_base_and_rejects_other_paths() {
        let b = BasePath::parse("/steady/");
        assert_eq!(b.route_of("/steady/"), Some(""));
        assert_eq!(b.route_of("/steady"), Some(""));
        assert_eq!(b.route_of("/steady/learn/x/"), Some("learn/x"));
        assert_eq!(b.route_of("/steadyish/quiz"), None);
        assert_eq!(b.route_of("/other/"), None);
        assert_eq!(BasePath::parse("/").route_of("/quiz"), Some("quiz"));
    }
}
