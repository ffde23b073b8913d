//! Compiles `content/` into `$OUT_DIR/content.rs` (see content-pipeline).
//! A problem in the content fails the build with `file:line: message`.

#[path = "src/routes.rs"]
#[allow(dead_code)]
mod routes;

use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=content");
    println!("cargo::rerun-if-changed=src/routes.rs");
    // The wasm splitter (run by `cargo xtask build`) needs the linker's
    // relocations; only the split release asks for them, and only for the
    // final link, so no dependency is rebuilt.
    if std::env::var_os("CARGO_FEATURE_SPLIT").is_some()
        && std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32")
    {
        println!("cargo::rustc-link-arg-bins=--emit-relocs");
    }
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("content.rs");
    let tools: Vec<String> = routes::Tool::ALL
        .iter()
        .map(|tool| format!("practice/{}", tool.slug()))
        .collect();
    let mut linkable: Vec<&str> = routes::STATIC_ROUTES.to_vec();
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
