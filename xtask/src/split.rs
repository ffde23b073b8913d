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

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use sha2::{Digest, Sha256, Sha384};

use crate::offline::{base64, hex};
use crate::routes::{chunk_of, chunks};
use crate::run;

/// The folder, relative to the staging dir, that holds the split modules.
const PKG_PREFIX: &str = "pkg-";

/// Where the chunks are, and which files each split point needs.
pub struct Chunks {
    /// The public URL and the modules' folder: `/steady/pkg-<hash>/`.
    href: String,
    /// Split point name to the files (without `.wasm`) it loads.
    files: HashMap<String, Vec<String>>,
}

impl Chunks {
    /// Adds to each section's static page a preload of its chunks. A deep
    /// link (an article someone was sent) shows its static copy until the
    /// app starts; without this, the chunk's download would only begin then,
    /// and the page would wait blank on a slow connection.
    pub fn preload_on(&self, staging: &Path, pages: &[String]) -> Result<(), String> {
        for split in chunks() {
            if !self.files.contains_key(split) {
                return Err(format!(
                    "domain/src/routes.rs names a chunk `{split}` that the build does not have"
                ));
            }
        }
        for page in pages {
            let route = page.strip_suffix(".html").unwrap_or(page);
            let Some(split) = chunk_of(route) else {
                continue;
            };
            let path = staging.join(page);
            let html = fs::read_to_string(&path).map_err(|e| format!("reading {page}: {e}"))?;
            let links: String = self.files[split]
                .iter()
                .map(|file| {
                    // No integrity: the loader's fetch has none, and a preload
                    // is only used by a request that matches it.
                    format!(
                        "<link rel=\"preload\" href=\"{}{file}.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin=\"anonymous\" fetchpriority=\"low\">\n",
                        self.href
                    )
                })
                .collect();
            let Some(at) = html.find("</head>") else {
                return Err(format!("{page} has no </head>"));
            };
            let html = format!("{}{links}{}", &html[..at], &html[at..]);
            fs::write(&path, html).map_err(|e| format!("writing {page}: {e}"))?;
        }
        Ok(())
    }
}

/// Splits the build whose unsplit wasm Trunk staged, and returns index.html
/// rewritten to load the split one, with where its chunks are.
pub fn split_release(
    staging: &Path,
    html: &str,
    target_dir: &Path,
) -> Result<(String, Chunks), String> {
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

    for module in files_under(&pkg)?
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "wasm"))
    {
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
    let (html, base) = rewrite_index(html, &trunk_js, &trunk_wasm, &folder, &dest)?;
    Ok((
        html,
        Chunks {
            href: format!("{base}{folder}/"),
            files: split.prefetch_map,
        },
    ))
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
    // The splitter keeps the `name` section, whose newer subsections wasm-opt
    // warns about for every module; the release drops it anyway.
    let bytes = fs::read(module).map_err(|e| format!("reading {}: {e}", module.display()))?;
    fs::write(module, without_names(&bytes)?)
        .map_err(|e| format!("writing {}: {e}", module.display()))?;
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

/// A wasm module without its custom `name` section (debug names only).
fn without_names(wasm: &[u8]) -> Result<Vec<u8>, String> {
    /// A section size: an unsigned LEB128 of at most 32 bits (5 bytes).
    fn leb(bytes: &[u8], at: &mut usize) -> Result<usize, String> {
        let mut value = 0u32;
        for shift in (0..35).step_by(7) {
            let byte = *bytes.get(*at).ok_or("a truncated wasm module")?;
            *at += 1;
            let bits = u32::from(byte & 0x7f);
            if shift == 28 && bits > 0x0f {
                break;
            }
            value |= bits << shift;
            if byte & 0x80 == 0 {
                return usize::try_from(value).map_err(|e| e.to_string());
            }
        }
        Err("a malformed wasm module (a size over 32 bits)".into())
    }
    if wasm.get(..4) != Some(b"\0asm") || wasm.len() < 8 {
        return Err("not a wasm module".into());
    }
    let mut out = wasm[..8].to_vec();
    let mut at = 8;
    while at < wasm.len() {
        let start = at;
        let id = wasm[at];
        at += 1;
        let size = leb(wasm, &mut at)?;
        let body = at;
        at = at
            .checked_add(size)
            .filter(|&end| end <= wasm.len())
            .ok_or("a truncated wasm module")?;
        // A custom section starts with its name; read it within the section,
        // and keep one whose name does not parse as it is.
        let is_names = id == 0 && {
            let section = &wasm[..at];
            let mut name_at = body;
            leb(section, &mut name_at).is_ok_and(|len| {
                name_at
                    .checked_add(len)
                    .and_then(|end| section.get(name_at..end))
                    == Some(b"name")
            })
        };
        if !is_names {
            out.extend_from_slice(&wasm[start..at]);
        }
    }
    Ok(out)
}

/// 16 hex digits of the SHA-256 of every file's path and bytes, so a new
/// release is a new folder and no browser cache can mix two releases' chunks.
fn folder_hash(dir: &Path) -> Result<String, String> {
    let mut hasher = Sha256::new();
    for file in files_under(dir)? {
        let rel = file.strip_prefix(dir).map_err(|e| e.to_string())?;
        // Separators as '/', so the name is the same on every host.
        hasher.update(rel.to_string_lossy().replace('\\', "/").as_bytes());
        hasher.update([0]);
        hasher.update(fs::read(&file).map_err(|e| format!("reading {}: {e}", file.display()))?);
    }
    Ok(hex(&hasher.finalize()[..8]))
}

/// Every file under `dir`, in any folder depth (wasm-bindgen puts a crate's
/// JS snippets in `snippets/`), sorted.
fn files_under(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in
            fs::read_dir(&folder).map_err(|e| format!("reading {}: {e}", folder.display()))?
        {
            let entry = entry.map_err(|e| e.to_string())?;
            let path = entry.path();
            // Not following links: a link to a folder above would never end.
            if entry.file_type().map_err(|e| e.to_string())?.is_dir() {
                folders.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    for file in files_under(from)? {
        let dest = to.join(file.strip_prefix(from).map_err(|e| e.to_string())?);
        if let Some(parent) = dest.parent() {
            fs::create_dir_all(parent).map_err(|e| e.to_string())?;
        }
        fs::copy(&file, &dest).map_err(|e| format!("copying {}: {e}", file.display()))?;
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
/// Returns the page and the public URL Trunk put before its file names.
fn rewrite_index(
    html: &str,
    trunk_js: &str,
    trunk_wasm: &str,
    folder: &str,
    dest: &Path,
) -> Result<(String, String), String> {
    let js = format!("{folder}/steady.js");
    let wasm = format!("{folder}/steady_bg.wasm");
    let link = format!("{folder}/__wasm_split.js");
    let mut out = String::with_capacity(html.len() + 512);
    let mut rest = html;
    let mut preloads = 0;
    let mut public_url = String::new();
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
            public_url = base.to_string();
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
                "<link rel=\"preload\" href=\"{base}{wasm}\" crossorigin=\"anonymous\" integrity=\"{}\" as=\"fetch\" type=\"application/wasm\" fetchpriority=\"low\">",
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
    Ok((
        out.replace(trunk_js, &js).replace(trunk_wasm, &wasm),
        public_url,
    ))
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
        let (out, _) =
            rewrite_index(html, "steady-ab.js", "steady-ab_bg.wasm", "pkg-1", &dir).unwrap();
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
    fn a_sections_static_page_preloads_its_chunks_and_help_preloads_none() {
        let dir = std::env::temp_dir().join(format!("steady-preload-test-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("learn")).unwrap();
        for page in ["learn/x.html", "help.html", "report.html"] {
            fs::write(dir.join(page), "<head><title>t</title></head><body></body>").unwrap();
        }
        let mut files: HashMap<String, Vec<String>> = chunks()
            .into_iter()
            .map(|split| (split.to_string(), vec![format!("split_{split}")]))
            .collect();
        files.insert("learn".into(), vec!["chunk_3".into(), "split_learn".into()]);
        let chunks = Chunks {
            href: "/s/pkg-1/".into(),
            files,
        };
        let pages = ["learn/x.html", "help.html", "report.html"].map(String::from);
        chunks.preload_on(&dir, &pages).unwrap();
        let read = |p: &str| fs::read_to_string(dir.join(p)).unwrap();
        let (article, help, report) =
            (read("learn/x.html"), read("help.html"), read("report.html"));
        let _ = fs::remove_dir_all(&dir);
        for file in ["chunk_3", "split_learn"] {
            assert!(
                article.contains(&format!(
                    "<link rel=\"preload\" href=\"/s/pkg-1/{file}.wasm\" as=\"fetch\""
                )),
                "{article}"
            );
        }
        assert!(article.find("split_learn").unwrap() < article.find("</head>").unwrap());
        assert!(report.contains("/s/pkg-1/split_result.wasm"), "{report}");
        assert!(!help.contains("preload"), "{help}");

        let missing = Chunks {
            href: String::new(),
            files: HashMap::new(),
        };
        assert!(missing.preload_on(&dir, &[]).is_err());
    }

    #[test]
    fn a_nested_file_is_copied_and_changes_the_folder_hash() {
        let dir = std::env::temp_dir().join(format!("steady-split-nested-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let (from, to) = (dir.join("from"), dir.join("to"));
        fs::create_dir_all(from.join("snippets/a")).unwrap();
        fs::write(from.join("steady.js"), "glue").unwrap();
        fs::write(from.join("snippets/a/inline0.js"), "one").unwrap();
        let before = folder_hash(&from).unwrap();
        copy_dir(&from, &to).unwrap();
        assert_eq!(
            fs::read_to_string(to.join("snippets/a/inline0.js")).unwrap(),
            "one"
        );
        assert_eq!(folder_hash(&to).unwrap(), before);
        fs::write(from.join("snippets/a/inline0.js"), "two").unwrap();
        let after = folder_hash(&from).unwrap();
        let _ = fs::remove_dir_all(&dir);
        assert_ne!(before, after);
    }

    #[test]
    fn the_name_section_goes_and_every_other_section_stays() {
        let header = b"\0asm\x01\0\0\0";
        let names = [0u8, 6, 4, b'n', b'a', b'm', b'e', 9];
        let producers = [0u8, 4, 1, b'p', 7, 7];
        let types = [1u8, 1, 0];
        let module = [&header[..], &types, &names, &producers].concat();
        let kept = without_names(&module).unwrap();
        assert_eq!(kept, [&header[..], &types, &producers].concat());
        assert!(without_names(b"\0asm\x01\0\0\0\x01\x09").is_err());
        assert!(without_names(b"<html>").is_err());
        // A size that does not fit 32 bits, and one past the end: refused,
        // not wrapped or panicking.
        assert!(without_names(b"\0asm\x01\0\0\0\x01\xff\xff\xff\xff\x7f").is_err());
        assert!(without_names(b"\0asm\x01\0\0\0\x01\xff\xff\xff\xff\x0f").is_err());
        // A custom section whose name length runs past its end is not the
        // name section: kept as it is.
        let odd = b"\0asm\x01\0\0\0\0\x05\xff\xff\xff\xff\x0f";
        assert_eq!(without_names(odd).unwrap(), odd);
        // An empty custom section before the name section: its name is not
        // read from the next section's bytes, and the name section still goes.
        let empty = [&header[..], &[0u8, 0], &names].concat();
        assert_eq!(
            without_names(&empty).unwrap(),
            [&header[..], &[0u8, 0]].concat()
        );
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
