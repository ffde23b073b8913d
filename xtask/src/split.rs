//! The release's wasm, split by route (see src/lazy_pages.rs).
//!
//! Trunk has no split step (trunk#1022), so the release build goes: Trunk
//! runs cargo with `--features split` (the link keeps its relocations) and
//! its own wasm-bindgen; then this step, from Trunk's post-build hook, splits
//! cargo's raw wasm with `wasm_split_cli_support` (the crate cargo-leptos
//! uses), runs wasm-bindgen on the entry module and wasm-opt on every module,
//! puts them in one content-named folder (`pkg-<hash>/`, as their relative
//! imports need them side by side) and points index.html's loader and
//! preload links there in place of Trunk's unsplit pair, which it deletes.
//! The CSP, the static pages and the service worker are made afterwards from
//! the rewritten index.html, so they see only the split files.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use sha2::{Digest, Sha256, Sha384};

use crate::offline::base64;

/// The folder, relative to the staging dir, that holds the split modules.
const PKG_PREFIX: &str = "pkg-";

/// Splits the build whose unsplit wasm Trunk staged, and returns index.html
/// rewritten to load the split one.
pub fn split_release(staging: &Path, html: &str, target_dir: &Path) -> Result<String, String> {
    let (trunk_js, trunk_wasm) = trunk_pair(staging)?;
    let raw = target_dir.join("wasm32-unknown-unknown/release/steady.wasm");
    let input = fs::read(&raw).map_err(|e| format!("reading {}: {e}", raw.display()))?;
    let work = target_dir.join("split");
    let _ = fs::remove_dir_all(&work);
    let pkg = work.join("pkg");
    fs::create_dir_all(&pkg).map_err(|e| format!("creating {}: {e}", pkg.display()))?;

    let main = work.join("main.wasm");
    let mut options = wasm_split_cli_support::Options::new(&input);
    options.output_dir = &pkg;
    options.main_out_path = &main;
    // The link module imports wasm-bindgen's `initSync` from the entry's glue.
    options.main_module = "./steady.js";
    let split = wasm_split_cli_support::transform(options).map_err(|e| {
        format!(
            "splitting {} failed: {e:#} (was it linked with --emit-relocs, i.e. --features split?)",
            raw.display()
        )
    })?;
    if split.split_modules.is_empty() {
        return Err("the splitter found no split points: is `--features split` on?".into());
    }

    run(Command::new("wasm-bindgen")
        .arg(&main)
        .args([
            "--target",
            "web",
            // The chunks link against the entry's table, memory and stack
            // pointer, which wasm-bindgen would otherwise drop from its exports.
            "--keep-lld-exports",
            "--no-typescript",
            "--out-name",
            "steady",
            "--out-dir",
        ])
        .arg(&pkg))?;

    let mut modules: Vec<PathBuf> = fs::read_dir(&pkg)
        .map_err(|e| e.to_string())?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "wasm"))
        .collect();
    modules.sort();
    for module in &modules {
        optimise(module)?;
    }

    let hash = folder_hash(&pkg)?;
    let folder = format!("{PKG_PREFIX}{hash}");
    let dest = staging.join(&folder);
    let _ = fs::remove_dir_all(&dest);
    copy_dir(&pkg, &dest)?;
    for old in [&trunk_js, &trunk_wasm] {
        fs::remove_file(staging.join(old)).map_err(|e| format!("removing {old}: {e}"))?;
    }
    rewrite_index(html, &trunk_js, &trunk_wasm, &folder, &dest)
}

/// Trunk's unsplit glue and wasm in the staging dir: `steady-<hash>.js` and
/// `steady-<hash>_bg.wasm`.
fn trunk_pair(staging: &Path) -> Result<(String, String), String> {
    let mut js = None;
    let mut wasm = None;
    for entry in fs::read_dir(staging).map_err(|e| e.to_string())?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with("steady-") {
            continue;
        }
        if name.ends_with("_bg.wasm") {
            wasm = Some(name);
        } else if name.ends_with(".js") {
            js = Some(name);
        }
    }
    match (js, wasm) {
        (Some(js), Some(wasm)) => Ok((js, wasm)),
        _ => Err("Trunk's steady-<hash>.js and _bg.wasm are not in the staging dir".into()),
    }
}

/// wasm-opt for size, as Trunk's `data-wasm-opt="z"` did for the unsplit
/// build. The features are those rustc enables by default for wasm32.
fn optimise(module: &Path) -> Result<(), String> {
    run(Command::new("wasm-opt")
        .arg("-Oz")
        .args([
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-mutable-globals",
            "--enable-reference-types",
            "--enable-multivalue",
        ])
        .arg(module)
        .arg("-o")
        .arg(module))
}

/// 16 hex digits of the SHA-256 of every file's name and bytes, so a new
/// release is a new folder and no browser cache can mix two releases' chunks.
fn folder_hash(dir: &Path) -> Result<String, String> {
    let mut names: Vec<_> = fs::read_dir(dir)
        .map_err(|e| e.to_string())?
        .flatten()
        .map(|e| e.file_name())
        .collect();
    names.sort();
    let mut hasher = Sha256::new();
    for name in names {
        hasher.update(name.as_encoded_bytes());
        hasher.update(fs::read(dir.join(&name)).map_err(|e| e.to_string())?);
    }
    Ok(hasher
        .finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect())
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    fs::create_dir_all(to).map_err(|e| e.to_string())?;
    for entry in fs::read_dir(from).map_err(|e| e.to_string())?.flatten() {
        fs::copy(entry.path(), to.join(entry.file_name()))
            .map_err(|e| format!("copying {}: {e}", entry.path().display()))?;
    }
    Ok(())
}

/// The Subresource Integrity value of a file.
fn integrity(path: &Path) -> Result<String, String> {
    let bytes = fs::read(path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    Ok(format!("sha384-{}", base64(&Sha384::digest(bytes))))
}

/// Points index.html at the split build: the loader script's two URLs, and
/// each `<link>` that preloads Trunk's pair becomes one for the split pair
/// (with its own integrity); the link module, imported by the entry's glue,
/// gets a modulepreload too so it is not fetched one round trip later.
fn rewrite_index(
    html: &str,
    trunk_js: &str,
    trunk_wasm: &str,
    folder: &str,
    dest: &Path,
) -> Result<String, String> {
    let js = format!("{folder}/steady.js");
    let wasm = format!("{folder}/steady_bg.wasm");
    let link = format!("{folder}/__wasm_split.js");
    let mut out = String::with_capacity(html.len() + 512);
    let mut rest = html;
    let mut preloads = 0;
    while let Some(start) = rest.find("<link") {
        let end = rest[start..]
            .find('>')
            .ok_or("an unclosed <link> in index.html")?
            + start
            + 1;
        let tag = &rest[start..end];
        out.push_str(&rest[..start]);
        if tag.contains(trunk_js) {
            let base = href_base(tag, trunk_js)?;
            out.push_str(&module_preload(
                &format!("{base}{js}"),
                &dest.join("steady.js"),
            )?);
            out.push_str("\n  ");
            out.push_str(&module_preload(
                &format!("{base}{link}"),
                &dest.join("__wasm_split.js"),
            )?);
            preloads += 1;
        } else if tag.contains(trunk_wasm) {
            let base = href_base(tag, trunk_wasm)?;
            out.push_str(&format!(
                "<link rel=\"preload\" href=\"{base}{wasm}\" crossorigin=\"anonymous\" integrity=\"{}\" as=\"fetch\" type=\"application/wasm\">",
                integrity(&dest.join("steady_bg.wasm"))?
            ));
            preloads += 1;
        } else {
            out.push_str(tag);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    if preloads != 2 {
        return Err(format!(
            "expected Trunk's two preload links in index.html, found {preloads}"
        ));
    }
    // The inline loader names each file once.
    if out.matches(trunk_js).count() != 1 || out.matches(trunk_wasm).count() != 1 {
        return Err("Trunk's loader script does not name its glue and wasm once each".into());
    }
    Ok(out.replace(trunk_js, &js).replace(trunk_wasm, &wasm))
}

/// The base path Trunk put before `file` in a tag's href (the public URL).
fn href_base<'a>(tag: &'a str, file: &str) -> Result<&'a str, String> {
    let at = tag.find(file).ok_or("the file is not in the tag")?;
    let open = tag[..at]
        .rfind('"')
        .ok_or_else(|| format!("no quoted href in {tag}"))?;
    Ok(&tag[open + 1..at])
}

fn module_preload(href: &str, file: &Path) -> Result<String, String> {
    Ok(format!(
        "<link rel=\"modulepreload\" href=\"{href}\" crossorigin=\"anonymous\" integrity=\"{}\">",
        integrity(file)?
    ))
}

fn run(c: &mut Command) -> Result<(), String> {
    let shown = format!("{:?}", c.get_program());
    let status = c
        .status()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_loads_the_split_pair_and_preloads_the_link_module() {
        let dir = std::env::temp_dir().join(format!("steady-split-test-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        for (f, body) in [
            ("steady.js", "glue"),
            ("steady_bg.wasm", "wasm"),
            ("__wasm_split.js", "link"),
        ] {
            fs::write(dir.join(f), body).unwrap();
        }
        let html = "<head>\
            <link rel=\"modulepreload\" href=\"/s/steady-ab.js\" crossorigin=\"anonymous\" integrity=\"sha384-old\">\
            <link rel=\"preload\" href=\"/s/steady-ab_bg.wasm\" crossorigin=\"anonymous\" integrity=\"sha384-old\" as=\"fetch\" type=\"application/wasm\">\
            <link rel=\"stylesheet\" href=\"/s/main-1.css\">\
            <script type=\"module\">import init from '/s/steady-ab.js'; await init({ module_or_path: '/s/steady-ab_bg.wasm' });</script>";
        let out = rewrite_index(html, "steady-ab.js", "steady-ab_bg.wasm", "pkg-1", &dir).unwrap();
        let _ = fs::remove_dir_all(&dir);
        assert!(
            !out.contains("steady-ab") && !out.contains("sha384-old"),
            "{out}"
        );
        assert!(
            out.contains("import init from '/s/pkg-1/steady.js'"),
            "{out}"
        );
        assert!(
            out.contains("module_or_path: '/s/pkg-1/steady_bg.wasm'"),
            "{out}"
        );
        assert!(
            out.contains(&format!(
                "href=\"/s/pkg-1/__wasm_split.js\" crossorigin=\"anonymous\" integrity=\"sha384-{}\"",
                base64(&Sha384::digest(b"link"))
            )),
            "{out}"
        );
        assert!(out.contains("<link rel=\"stylesheet\" href=\"/s/main-1.css\">"));
    }

    #[test]
    fn an_index_without_trunks_preloads_is_refused() {
        let html = "<script type=\"module\">import init from '/steady-ab.js';</script>";
        assert!(
            rewrite_index(
                html,
                "steady-ab.js",
                "steady-ab_bg.wasm",
                "pkg-1",
                Path::new(".")
            )
            .is_err()
        );
    }
}
