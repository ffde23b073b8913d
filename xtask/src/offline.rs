//! The post-build step that makes a release installable, offline and locked
//! down: a Content-Security-Policy `<meta>` carrying the hash of Trunk's
//! inline loader (its text changes with the hashed file names, so the hash is
//! computed on every build), and a service worker that precaches every file
//! of this build under a cache named after their contents.

use std::fs;
use std::path::Path;

use sha2::{Digest, Sha256};

/// The policy; `{loader}` becomes the loader script's hash. Pages cannot send
/// headers, so this travels in a `<meta>` (which cannot carry
/// `frame-ancestors`; see README for hosts that allow headers).
const POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' '{loader}'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'";

pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The inline `<script type="module">` Trunk writes to start the wasm.
fn loader_script(html: &str) -> Result<&str, String> {
    let open = "<script type=\"module\">";
    let start = html
        .find(open)
        .ok_or("Trunk's inline loader script is missing from index.html")?
        + open.len();
    let end = html[start..]
        .find("</script>")
        .ok_or("the loader script is not closed")?
        + start;
    if html[end..].contains(open) {
        return Err("more than one inline script: the CSP hashes exactly one".into());
    }
    Ok(&html[start..end])
}

/// Adds the CSP `<meta>` right after `<meta charset>`, before anything it governs.
pub fn add_csp(html: &str) -> Result<String, String> {
    let hash = base64(&Sha256::digest(loader_script(html)?.as_bytes()));
    let policy = POLICY.replace("{loader}", &format!("sha256-{hash}"));
    let anchor = "<meta charset=\"utf-8\">";
    if !html.contains(anchor) {
        return Err("index.html must start its head with <meta charset=\"utf-8\">".into());
    }
    Ok(html.replacen(
        anchor,
        &format!("{anchor}\n  <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">"),
        1,
    ))
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Every file of the build, relative to the staging dir, sorted.
fn files(dir: &Path, prefix: &str, out: &mut Vec<String>) -> Result<(), String> {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .map_err(|e| e.to_string())?
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = format!("{prefix}{}", e.file_name().to_string_lossy());
        if e.path().is_dir() {
            files(&e.path(), &format!("{name}/"), out)?;
        } else {
            out.push(name);
        }
    }
    Ok(())
}

/// Writes `sw.js` into the staging dir. `static_pages` (relative to
/// `staging`) are not precached: offline, the cached index routes every path
/// and the app has their words built in.
pub fn write_service_worker(staging: &Path, static_pages: &[String]) -> Result<(), String> {
    let mut list = Vec::new();
    files(staging, "", &mut list)?;
    // 404.html is a copy of index.html; the worker answers navigations with
    // the cached index instead.
    list.retain(|f| !matches!(f.as_str(), "sw.js" | "404.html") && !static_pages.contains(f));
    let mut hasher = Sha256::new();
    // Each file's SHA-256, which the worker checks before it serves a cached
    // copy (any page of the origin can write to CacheStorage).
    let mut digests = Vec::new();
    for f in &list {
        let bytes = fs::read(staging.join(f)).map_err(|e| e.to_string())?;
        hasher.update(f.as_bytes());
        hasher.update(&bytes);
        digests.push(hex(&Sha256::digest(&bytes)));
    }
    let version: String = hasher
        .finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    let urls: Vec<String> = list
        .iter()
        .zip(&digests)
        .map(|(f, digest)| {
            let url = if f == "index.html" { "./" } else { f.as_str() };
            format!("{url:?}: {digest:?}")
        })
        .collect();
    let sw = include_str!("sw.template.js")
        .replace("__VERSION__", &version)
        .replace("__FILES__", &urls.join(",\n  "));
    fs::write(staging.join("sw.js"), sw).map_err(|e| format!("writing sw.js: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard_alphabet_and_padding() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn the_csp_hashes_exactly_the_loader() {
        let html = "<head><meta charset=\"utf-8\"><script type=\"module\">go()</script></head>";
        let out = add_csp(html).unwrap();
        let expected = base64(&Sha256::digest(b"go()"));
        assert!(out.contains(&format!("'sha256-{expected}'")));
        assert!(out.find("Content-Security-Policy").unwrap() < out.find("<script").unwrap());
        assert!(add_csp("<meta charset=\"utf-8\">").is_err());
    }

    #[test]
    fn the_worker_carries_each_precached_files_digest_and_skips_static_pages() {
        let dir = std::env::temp_dir().join(format!("steady-sw-test-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("learn")).unwrap();
        fs::write(dir.join("index.html"), "<html>shell</html>").unwrap();
        fs::write(dir.join("404.html"), "<html>shell</html>").unwrap();
        fs::write(dir.join("steady-1.wasm"), b"\0asm").unwrap();
        fs::write(dir.join("learn/x.html"), "<html>x</html>").unwrap();
        write_service_worker(&dir, &["learn/x.html".to_string()]).unwrap();
        let sw = fs::read_to_string(dir.join("sw.js")).unwrap();
        let _ = fs::remove_dir_all(&dir);
        let index = hex(&Sha256::digest(b"<html>shell</html>"));
        let wasm = hex(&Sha256::digest(b"\0asm"));
        assert!(sw.contains(&format!("\"./\": \"{index}\"")), "{sw}");
        assert!(
            sw.contains(&format!("\"steady-1.wasm\": \"{wasm}\"")),
            "{sw}"
        );
        assert!(
            !sw.contains("learn/x.html") && !sw.contains("404.html"),
            "{sw}"
        );
        assert!(
            !sw.contains("__FILES__") && !sw.contains("__VERSION__"),
            "{sw}"
        );
    }
}
