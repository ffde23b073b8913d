//! The import direction, checked on every `cargo test`: a wrong-way `use`
//! fails here instead of in review. The layers are pages/components -> state
//! -> store -> domain (see ARCHITECTURE.md): only `state` calls `store`.

use std::fs;
use std::path::{Path, PathBuf};

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
    found
}

/// Every `file:line` under `dir` whose code (not comments) mentions one of
/// `words`.
fn mentions(dir: &str, words: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut hits = Vec::new();
    for file in rust_files(&root) {
        let text = fs::read_to_string(&file).expect("a readable source file");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if words.iter().any(|w| code.contains(w)) {
                hits.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    hits
}

#[test]
fn the_domain_is_plain_rust() {
    let hits = mentions(
        "src/domain",
        &["leptos", "web_sys", "gloo", "wasm_bindgen", "js_sys"],
    );
    assert!(
        hits.is_empty(),
        "the domain imports the browser:\n{}",
        hits.join("\n")
    );
}

#[test]
fn only_the_store_touches_local_storage() {
    let hits: Vec<String> = mentions("src", &["local_storage", "LocalStorage", "gloo_storage"])
        .into_iter()
        .filter(|hit| !hit.contains("/src/store/"))
        .collect();
    assert!(
        hits.is_empty(),
        "storage touched outside src/store:\n{}",
        hits.join("\n")
    );
}

#[test]
fn the_domain_and_the_store_know_nothing_of_the_pages() {
    let hits: Vec<String> = mentions(
        "src",
        &["crate::state", "crate::pages", "crate::components"],
    )
    .into_iter()
    .filter(|hit| hit.contains("/src/domain/") || hit.contains("/src/store/"))
    .collect();
    assert!(
        hits.is_empty(),
        "a lower layer imports a higher one:\n{}",
        hits.join("\n")
    );
}

#[test]
fn only_the_state_layer_calls_the_store() {
    let hits: Vec<String> = mentions("src", &["crate::store", "store::"])
        .into_iter()
        .filter(|hit| !hit.contains("/src/store/") && !hit.contains("/src/state/"))
        .collect();
    assert!(
        hits.is_empty(),
        "the store is called from above the state layer:\n{}",
        hits.join("\n")
    );
}

#[test]
fn the_state_layer_knows_nothing_of_the_pages() {
    let hits = mentions(
        "src/state",
        &["crate::pages", "crate::components", "crate::app"],
    );
    assert!(
        hits.is_empty(),
        "the state layer imports a page or a component:\n{}",
        hits.join("\n")
    );
}
