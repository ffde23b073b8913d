//! The import direction, checked on every `cargo test`: a wrong-way `use`
//! fails here instead of in review. The layers are pages/components -> state
//! -> store -> domain (see ARCHITECTURE.md): only `state` calls `store`, and
//! `views` are pure (content and domain only).
//!
//! Each file is parsed with `syn`, and every path it names is resolved to
//! where it points: a `use` tree is flattened (`use crate::{store as db}`
//! names `crate::store`), `self` and `super` are resolved against the file's
//! module, and paths written inline (`crate::store::x()`) count too. A
//! comment or a string never does.

use std::fs;
use std::path::{Path, PathBuf};

use syn::visit::Visit;

/// One source file: its module path (`["state", "journal"]`) and every path
/// it names, resolved (`crate::store::Tab`, `leptos::prelude`), with lines.
struct Source {
    file: String,
    module: Vec<String>,
    paths: Vec<(String, usize)>,
    /// Method and function names called (`local_storage`), with lines.
    calls: Vec<(String, usize)>,
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            found.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
    found.sort();
    found
}

fn module_of(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts
        .last()
        .is_some_and(|p| p == "mod" || p == "lib" || p == "main")
    {
        parts.pop();
    }
    parts
}

struct Collector<'a> {
    module: &'a [String],
    paths: Vec<(String, usize)>,
    calls: Vec<(String, usize)>,
}

impl Collector<'_> {
    /// `segments` as an absolute path: `self::x` and `super::x` resolved
    /// against this file's module; anything else as written.
    fn resolve(&self, segments: &[String]) -> String {
        let mut out: Vec<String> = Vec::new();
        let mut rest = segments;
        match segments.first().map(String::as_str) {
            Some("self") => {
                out.push("crate".into());
                out.extend(self.module.iter().cloned());
                rest = &segments[1..];
            }
            Some("super") => {
                let ups = segments.iter().take_while(|s| *s == "super").count();
                out.push("crate".into());
                let keep = self.module.len().saturating_sub(ups);
                out.extend(self.module[..keep].iter().cloned());
                rest = &segments[ups..];
            }
            _ => {}
        }
        out.extend(rest.iter().cloned());
        out.join("::")
    }

    fn use_tree(&mut self, prefix: &mut Vec<String>, tree: &syn::UseTree, line: usize) {
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.use_tree(prefix, &p.tree, line);
                prefix.pop();
            }
            syn::UseTree::Name(n) => self.push_use(prefix, Some(n.ident.to_string()), line),
            syn::UseTree::Rename(r) => self.push_use(prefix, Some(r.ident.to_string()), line),
            syn::UseTree::Glob(_) => self.push_use(prefix, None, line),
            syn::UseTree::Group(g) => {
                for t in &g.items {
                    self.use_tree(prefix, t, line);
                }
            }
        }
    }

    fn push_use(&mut self, prefix: &[String], last: Option<String>, line: usize) {
        let mut segments = prefix.to_vec();
        if let Some(last) = last.filter(|l| l != "self") {
            segments.push(last);
        }
        let resolved = self.resolve(&segments);
        self.paths.push((resolved, line));
    }
}

impl<'ast> Visit<'ast> for Collector<'_> {
    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        let line = item.use_token.span.start().line;
        let mut prefix = Vec::new();
        self.use_tree(&mut prefix, &item.tree, line);
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        if segments.len() > 1 {
            let line = path
                .segments
                .first()
                .map_or(0, |s| s.ident.span().start().line);
            let resolved = self.resolve(&segments);
            self.paths.push((resolved, line));
        }
        syn::visit::visit_path(self, path);
    }

    fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
        if let syn::Expr::Path(p) = &*call.func
            && let Some(last) = p.path.segments.last()
        {
            self.calls
                .push((last.ident.to_string(), last.ident.span().start().line));
        }
        syn::visit::visit_expr_call(self, call);
    }

    fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
        self.calls
            .push((call.method.to_string(), call.method.span().start().line));
        syn::visit::visit_expr_method_call(self, call);
    }

    // The views inside `view!` are tokens, not syntax: the paths in them
    // (components, `crate::x` in attributes) are read from the tokens.
    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        let mut segments: Vec<String> = Vec::new();
        let mut line = 0;
        let flush = |segments: &mut Vec<String>, line: usize, this: &mut Self| {
            if segments.len() > 1 {
                let resolved = this.resolve(segments);
                this.paths.push((resolved, line));
            }
            segments.clear();
        };
        let mut tokens = mac.tokens.clone().into_iter().peekable();
        let mut stack = Vec::new();
        loop {
            let Some(token) = tokens.next() else {
                flush(&mut segments, line, self);
                match stack.pop() {
                    Some(outer) => {
                        tokens = outer;
                        continue;
                    }
                    None => break,
                }
            };
            match token {
                proc_macro2::TokenTree::Ident(ident) => {
                    if segments.is_empty() {
                        line = ident.span().start().line;
                    }
                    segments.push(ident.to_string());
                    if matches!(tokens.peek(), Some(proc_macro2::TokenTree::Group(g)) if g.delimiter() == proc_macro2::Delimiter::Parenthesis)
                    {
                        self.calls.push((ident.to_string(), line));
                    }
                    let is_sep = matches!(tokens.peek(), Some(proc_macro2::TokenTree::Punct(p)) if p.as_char() == ':');
                    if !is_sep {
                        flush(&mut segments, line, self);
                    }
                }
                proc_macro2::TokenTree::Punct(p) if p.as_char() == ':' => {}
                proc_macro2::TokenTree::Group(g) => {
                    flush(&mut segments, line, self);
                    stack.push(std::mem::replace(
                        &mut tokens,
                        g.stream().into_iter().peekable(),
                    ));
                }
                _ => flush(&mut segments, line, self),
            }
        }
        syn::visit::visit_macro(self, mac);
    }
}

fn sources() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    rust_files(&root)
        .into_iter()
        .map(|file| {
            let text = fs::read_to_string(&file).expect("a readable source file");
            let parsed = syn::parse_file(&text)
                .unwrap_or_else(|e| panic!("{}: does not parse: {e}", file.display()));
            let relative = file.strip_prefix(&root).expect("under src/");
            let module = module_of(relative);
            let mut collector = Collector {
                module: &module,
                paths: Vec::new(),
                calls: Vec::new(),
            };
            collector.visit_file(&parsed);
            let (paths, calls) = (collector.paths, collector.calls);
            Source {
                file: format!("src/{}", relative.display()),
                module,
                paths,
                calls,
            }
        })
        .collect()
}

/// Whether `path` is the item `target` or inside it (`crate::store` covers
/// `crate::store::Tab`, not `crate::store_x`).
fn within(path: &str, target: &str) -> bool {
    path == target
        || path
            .strip_prefix(target)
            .is_some_and(|rest| rest.starts_with("::"))
}

fn in_layer(source: &Source, layer: &str) -> bool {
    source.module.first().is_some_and(|m| m == layer)
}

/// Every path a file in `from` (or all files, for `None`) names inside one
/// of `targets`, as `file:line: path`.
fn names(from: impl Fn(&Source) -> bool, targets: &[&str]) -> Vec<String> {
    let mut hits = Vec::new();
    for source in sources().iter().filter(|s| from(s)) {
        for (path, line) in &source.paths {
            if targets.iter().any(|t| within(path, t)) {
                hits.push(format!("{}:{line}: {path}", source.file));
            }
        }
    }
    hits
}

const BROWSER: &[&str] = &[
    "leptos",
    "leptos_router",
    "web_sys",
    "gloo_storage",
    "wasm_bindgen",
    "wasm_bindgen_futures",
    "js_sys",
    "crate::browser",
];

/// The domain is its own crate (`domain/`), so Cargo keeps out what it does
/// not depend on; this keeps its dependencies free of the browser.
#[test]
fn the_domain_is_plain_rust() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("domain/Cargo.toml");
    let text = fs::read_to_string(&manifest).expect("domain/Cargo.toml is readable");
    let parsed: toml::Table = text.parse().expect("domain/Cargo.toml parses");
    let deps = parsed
        .get("dependencies")
        .and_then(toml::Value::as_table)
        .expect("domain/Cargo.toml has [dependencies]");
    let browser: Vec<&String> = deps
        .keys()
        .filter(|name| {
            let name = name.replace('-', "_");
            BROWSER.iter().any(|b| *b == name) || name.starts_with("gloo")
        })
        .collect();
    assert!(
        browser.is_empty(),
        "the domain depends on a browser crate: {browser:?}"
    );
    assert!(
        deps.contains_key("serde"),
        "the manifest was read: {deps:?}"
    );
}

#[test]
fn only_the_store_touches_local_storage() {
    let mut hits = names(|s| !in_layer(s, "store"), &["gloo_storage"]);
    for source in sources().iter().filter(|s| !in_layer(s, "store")) {
        for (call, line) in &source.calls {
            if call == "local_storage" || call == "session_storage" {
                hits.push(format!("{}:{line}: .{call}()", source.file));
            }
        }
    }
    assert!(
        hits.is_empty(),
        "storage touched outside src/store:\n{}",
        hits.join("\n")
    );
}

#[test]
fn the_store_knows_nothing_of_the_pages() {
    let hits = names(
        |s| in_layer(s, "store"),
        &[
            "crate::state",
            "crate::pages",
            "crate::components",
            "crate::views",
            "crate::app",
        ],
    );
    assert!(
        hits.is_empty(),
        "a lower layer imports a higher one:\n{}",
        hits.join("\n")
    );
}

#[test]
fn only_the_state_layer_calls_the_store() {
    let hits = names(
        |s| !in_layer(s, "store") && !in_layer(s, "state"),
        &["crate::store"],
    );
    assert!(
        hits.is_empty(),
        "the store is called from above the state layer:\n{}",
        hits.join("\n")
    );
}

#[test]
fn the_state_layer_knows_nothing_of_the_pages() {
    let hits = names(
        |s| in_layer(s, "state"),
        &[
            "crate::pages",
            "crate::components",
            "crate::views",
            "crate::app",
        ],
    );
    assert!(
        hits.is_empty(),
        "the state layer imports a page or a component:\n{}",
        hits.join("\n")
    );
}

/// The views are rendered natively into the static pages, so they read
/// nothing but their props, `content`, the domain and the route table.
#[test]
fn the_views_are_pure() {
    let mut hits = names(
        |s| in_layer(s, "views"),
        &[
            "crate::state",
            "crate::store",
            "crate::pages",
            "crate::components",
            "crate::app",
            "crate::lazy_pages",
            "web_sys",
            "wasm_bindgen",
            "js_sys",
            "gloo_storage",
            "leptos_router",
            "leptos::prelude::window",
            "leptos::prelude::document",
            // Of the browser's edges, only `paths` (plain string work).
            "crate::browser::alerts",
            "crate::browser::clock",
            "crate::browser::crypto",
            "crate::browser::files",
            "crate::browser::offline",
            "crate::browser::share_sheet",
        ],
    );
    for source in sources().iter().filter(|s| in_layer(s, "views")) {
        for (call, line) in &source.calls {
            if matches!(call.as_str(), "window" | "document" | "local_storage") {
                hits.push(format!("{}:{line}: .{call}()", source.file));
            }
        }
    }
    assert!(
        hits.is_empty(),
        "a view reads the browser or the app's state:\n{}",
        hits.join("\n")
    );
}

/// The checker itself: a renamed or grouped import, a `super` path and an
/// inline path are all seen; a comment and a string are not.
#[test]
fn the_checker_sees_through_renames_and_groups() {
    let module = vec!["pages".to_string(), "quiz".to_string()];
    let text = r#"
        use crate::{store as db, domain::quiz};
        use super::super::store::Tab;
        // use crate::store::Comment;
        fn f() { let _ = "crate::store::Text"; crate::store::inline(); }
        fn g() -> impl IntoView { view! { <p>{crate::store::in_view()}{window()}</p> } }
        fn h() { document().title(); }
    "#;
    let parsed = syn::parse_file(text).expect("parses");
    let mut c = Collector {
        module: &module,
        paths: Vec::new(),
        calls: Vec::new(),
    };
    c.visit_file(&parsed);
    let store: Vec<&str> = c
        .paths
        .iter()
        .map(|(p, _)| p.as_str())
        .filter(|p| within(p, "crate::store"))
        .collect();
    assert!(store.contains(&"crate::store"), "{store:?}");
    assert!(store.contains(&"crate::store::Tab"), "{store:?}");
    assert!(store.contains(&"crate::store::inline"), "{store:?}");
    assert!(store.contains(&"crate::store::in_view"), "{store:?}");
    assert!(
        !store
            .iter()
            .any(|p| p.contains("Comment") || p.contains("Text")),
        "{store:?}"
    );
    assert!(c.paths.iter().any(|(p, _)| p == "crate::domain::quiz"));
    let calls: Vec<&str> = c.calls.iter().map(|(n, _)| n.as_str()).collect();
    assert!(
        calls.contains(&"window") && calls.contains(&"document"),
        "{calls:?}"
    );
}
