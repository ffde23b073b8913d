//! Compiles `content/` into `$OUT_DIR/content.rs` (see content-pipeline).
//! A problem in the content fails the build with `file:line: message`.

use std::path::Path;
use steady_domain::routes;

fn main() {
    println!("cargo::rerun-if-changed=content");
    // The wasm splitter (run by `cargo xtask build`) needs the linker's
    // relocations; only the split release asks for them, and only for the
    // final link, so no dependency is rebuilt.
    if std::env::var_os("CARGO_FEATURE_SPLIT").is_some()
        && std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32")
    {
        println!("cargo::rustc-link-arg-bins=--emit-relocs");
    }
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("content.rs");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let (split_pages, router) = routes_code();
    std::fs::write(Path::new(&out_dir).join("split_pages.rs"), split_pages)
        .expect("write generated split pages");
    std::fs::write(Path::new(&out_dir).join("router.rs"), router).expect("write generated router");
    std::fs::write(Path::new(&out_dir).join("route_lists.rs"), route_lists())
        .expect("write generated route lists");
    let tools: Vec<String> = routes::Tool::ALL
        .iter()
        .map(|tool| format!("practice/{}", tool.slug()))
        .collect();
    let mut linkable: Vec<&str> = routes::fixed_routes();
    linkable.extend(tools.iter().map(String::as_str));
    match content_pipeline::compile(Path::new("content"), &linkable) {
        Ok(code) => std::fs::write(&out, code).expect("write generated content"),
        Err(problems) => {
            eprintln!(
                "\nThe content in content/ has {} problem(s):",
                problems.len()
            );
            for p in &problems {
                eprintln!("error: {p}");
            }
            eprintln!();
            std::process::exit(1);
        }
    }
}

/// The lists the app reads from the route table, as plain constants: the
/// table itself (its page paths, its static views) stays out of the wasm.
fn route_lists() -> String {
    use routes::ROUTES;
    let sections: Vec<String> = ROUTES
        .iter()
        .filter_map(|r| r.nav.map(|label| format!("({:?}, {label:?})", r.path)))
        .collect();
    let chunked: Vec<String> = ROUTES
        .iter()
        .filter_map(|r| r.chunk.map(|chunk| format!("({:?}, {chunk:?})", r.path)))
        .collect();
    format!(
        "/// The header's sections, in reading order: `(route, label)`.\n\
         pub const SECTIONS: &[(&str, &str)] = &[{}];\n\
         /// Each route whose page is in a chunk: `(path, chunk)`.\n\
         pub const CHUNKED: &[(&str, &str)] = &[{}];\n",
        sections.join(", "),
        chunked.join(", ")
    )
}

/// The Rust the route table (domain/src/routes.rs) stands for: the split pages
/// (`lazy_pages!`, included by src/lazy_pages.rs) and the open and locked
/// `<Routes>` (included by src/app.rs). A page path in the table that does
/// not exist fails the app's compile at that path.
fn routes_code() -> (String, String) {
    use routes::{ROUTES, WhileLocked};
    // The split page of each (component, chunk), each once: a page routed
    // twice (`report`, `report/:id`) is one split point.
    let mut split: Vec<(&str, &str)> = Vec::new();
    for r in ROUTES {
        if let Some(chunk) = r.chunk {
            split.push((r.page, chunk));
            if let WhileLocked::Shows(page) = r.locked {
                split.push((page, chunk));
            }
        }
    }
    split.sort_unstable();
    split.dedup();
    let name = |page: &str| page.rsplit("::").next().unwrap_or(page).to_string();
    let snake = |page: &str| {
        let mut s = String::new();
        for (i, c) in name(page).chars().enumerate() {
            if c.is_ascii_uppercase() && i > 0 {
                s.push('_');
            }
            s.push(c.to_ascii_lowercase());
        }
        s
    };
    let mut lazy = String::from("lazy_pages! {\n");
    for (page, chunk) in &split {
        lazy += &format!(
            "    {}Route in {chunk} as {}_split => crate::{page};\n",
            name(page),
            snake(page)
        );
    }
    lazy += "}\n";
    let view_of = |page: &str, chunk: Option<&str>| match chunk {
        Some(_) => format!("{{Lazy::<crate::lazy_pages::{}Route>::new()}}", name(page)),
        None => format!("crate::{page}"),
    };
    let route = |path: &str, view: String| {
        format!("            <Route path=path!({path:?}) view={view} />\n")
    };
    let mut open = String::from(
        "/// The open app's routes, one per row of `routes::ROUTES`.\n\
         pub fn open_routes() -> impl IntoView {\n    view! {\n        <Routes fallback=crate::pages::not_found::NotFound>\n",
    );
    let mut locked = String::from(
        "/// The routes while locked; any other route asks for the passphrase.\n\
         pub fn locked_routes(on_open: Callback<crate::state::lock::Opened>) -> impl IntoView {\n    \
         let unlock = move || view! { <crate::components::lock::UnlockPage on_open /> };\n    view! {\n        <Routes fallback=unlock>\n",
    );
    for r in ROUTES {
        open += &route(r.path, view_of(r.page, r.chunk));
        match r.locked {
            WhileLocked::Opens => locked += &route(r.path, view_of(r.page, r.chunk)),
            WhileLocked::Shows(page) => locked += &route(r.path, view_of(page, r.chunk)),
            WhileLocked::AsksPassphrase => {}
        }
    }
    let close = "        </Routes>\n    }\n}\n";
    (lazy, format!("{open}{close}\n{locked}{close}"))
}
