//! Steady's project commands: `cargo xtask <command>`.
//!
//! Each command installs what it needs and is missing, skips what is already
//! there at the right version, and says what it is doing. Everything comes
//! from the package registries (crates.io, npm, Debian): tools that download
//! their own binaries from elsewhere fail on machines without the open web.

use std::env;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

mod offline;
mod split;

use steady_domain::routes;

const TRUNK_VERSION: &str = "0.21.14";
const BINARYEN_VERSION: &str = "132";
/// The sub-path the tests serve the release under, as GitHub Pages would for
/// a repository named `steady`.
const TEST_BASE: &str = "/steady/";
/// A second copy on the same origin, as another repository of one account.
const TEST_BASE_B: &str = "/steady-b/";
/// Debian's Chromium; `CHROMIUM_PATH` names another Chromium-based browser
/// (the Pages workflow uses the runner's Chrome).
const CHROMIUM: &str = "/usr/bin/chromium";

/// Set by `build_release` for the post-build hook: split this build's wasm.
const SPLIT_ENV: &str = "STEADY_SPLIT";

const HELP: &str = "\
usage: cargo xtask <command>

  serve        build and serve the app with live reload at http://127.0.0.1:8080/
  test         every check: fmt, clippy (host and wasm), unit tests, release
               build under /steady/, end-to-end tests in headless Chromium
  build [URL]  release build into dist/, its wasm split by route (public
               URL defaults to /)
  bench        build the release and measure it: asset bytes, first load,
               interaction latencies, Lighthouse (installed in tests/bench
               when missing); writes bench/latest.json and .md
  setup        install the toolchain only (add --browser for the test tools)
  post-build   (run by Trunk's hook) finish the staged build: 404.html; in
               releases also the CSP, static article pages and sw.js
";

type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(),
        Some("test") => test(),
        Some("build") => build_release(args.get(1).map_or("/", String::as_str), Path::new("dist")),
        Some("bench") => bench(),
        Some("setup") => setup(args.iter().any(|a| a == "--browser")),
        Some("post-build") => post_build(),
        _ => {
            eprint!("{HELP}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nxtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (where the app's Cargo.toml lives).
fn root() -> PathBuf {
    // `cargo run` sets CARGO_MANIFEST_DIR at run time too; prefer it over the
    // compile-time path, which is stale if the binary was built in another checkout.
    let manifest = env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from);
    manifest
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

fn say(what: &str) {
    println!("==> {what}");
}

/// PATH with the places our tools are installed to put first: cargo's bin
/// folder and the npm-installed binaryen.
fn tool_path() -> OsString {
    let mut dirs = vec![cargo_bin_dir(), root().join("tests/node_modules/.bin")];
    if let Some(path) = env::var_os("PATH") {
        dirs.extend(env::split_paths(&path));
    }
    env::join_paths(dirs).expect("PATH entries are valid")
}

fn cargo_bin_dir() -> PathBuf {
    env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
        .join("bin")
}

fn cmd(program: &str) -> Command {
    let mut c = Command::new(program);
    c.current_dir(root()).env("PATH", tool_path());
    c
}

fn run(c: &mut Command) -> Result {
    let shown = format!("{c:?}");
    let status = c
        .status()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

/// The first line a tool prints for `--version`, or None when it is absent.
fn version_of(program: &str) -> Option<String> {
    let out = cmd(program).arg("--version").output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

// ---------- installing ----------

fn setup(browser: bool) -> Result {
    ensure_wasm_target()?;
    ensure_trunk()?;
    ensure_wasm_bindgen()?;
    ensure_npm_packages()?;
    if browser {
        ensure_chromium()?;
    }
    Ok(())
}

fn ensure_wasm_target() -> Result {
    let out = cmd("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map_err(|e| format!("rustup is needed to add the wasm target: {e}"))?;
    if String::from_utf8_lossy(&out.stdout)
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    say("adding the Rust target wasm32-unknown-unknown");
    run(cmd("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

fn ensure_trunk() -> Result {
    if version_of("trunk").is_some_and(|v| v.split_whitespace().nth(1) == Some(TRUNK_VERSION)) {
        return Ok(());
    }
    say(&format!(
        "installing Trunk {TRUNK_VERSION} from crates.io (once; about 15-20 minutes on 2 cores)"
    ));
    run(cmd("cargo").args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"]))
}

/// The wasm-bindgen CLI must match the library in Cargo.lock exactly.
fn ensure_wasm_bindgen() -> Result {
    let want = locked_version("wasm-bindgen")?;
    if version_of("wasm-bindgen")
        .is_some_and(|v| v.split_whitespace().nth(1) == Some(want.as_str()))
    {
        return Ok(());
    }
    say(&format!(
        "installing wasm-bindgen-cli {want} (matches Cargo.lock; about 8 minutes)"
    ));
    // Not --locked: one of its locked dependencies is no longer on crates.io.
    run(cmd("cargo").args(["install", "wasm-bindgen-cli", "--version", &want]))
}

fn locked_version(package: &str) -> Result<String> {
    let lock =
        fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let needle = format!("name = \"{package}\"\nversion = \"");
    let start = lock
        .find(&needle)
        .ok_or_else(|| format!("{package} is not in Cargo.lock"))?
        + needle.len();
    Ok(lock[start..]
        .split('"')
        .next()
        .unwrap_or_default()
        .to_string())
}

/// Whether `npm ci` has run in `dir` since its lock file last changed.
fn npm_installed(dir: &Path) -> bool {
    let lock = dir.join("package-lock.json");
    let installed = dir.join("node_modules/.package-lock.json");
    match (
        fs::metadata(&lock).and_then(|m| m.modified()),
        fs::metadata(&installed).and_then(|m| m.modified()),
    ) {
        (Ok(l), Ok(i)) => i >= l,
        _ => false,
    }
}

/// Playwright and binaryen (wasm-opt) from npm, into tests/node_modules.
fn ensure_npm_packages() -> Result {
    let tests = root().join("tests");
    let wasm_opt_ok =
        version_of("wasm-opt").is_some_and(|v| v.contains(&format!("version_{BINARYEN_VERSION}")));
    if npm_installed(&tests) && wasm_opt_ok {
        return Ok(());
    }
    say("installing npm packages in tests/ (Playwright, binaryen for wasm-opt)");
    run(cmd("npm")
        .current_dir(&tests)
        .args(["ci", "--no-audit", "--no-fund"])
        // Playwright must never download a browser: Debian's Chromium is used.
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"))
}

/// Lighthouse, only for the benchmark: its own package in tests/bench, so the
/// test install (and CI) does not carry it.
fn ensure_bench_packages() -> Result {
    let bench = root().join("tests/bench");
    if npm_installed(&bench) {
        return Ok(());
    }
    say("installing Lighthouse in tests/bench (once; only the benchmark uses it)");
    run(cmd("npm")
        .current_dir(&bench)
        .args(["ci", "--no-audit", "--no-fund"]))
}

fn ensure_chromium() -> Result {
    if let Some(custom) = env::var_os("CHROMIUM_PATH") {
        return if Path::new(&custom).exists() {
            Ok(())
        } else {
            Err(format!(
                "CHROMIUM_PATH is set to {custom:?}, which does not exist"
            ))
        };
    }
    if Path::new(CHROMIUM).exists() {
        return Ok(());
    }
    say("installing Chromium from Debian (for the end-to-end tests)");
    let as_root = cmd("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    let apt = |args: &[&str]| {
        if as_root {
            run(cmd("apt-get")
                .args(args)
                .env("DEBIAN_FRONTEND", "noninteractive"))
        } else {
            run(cmd("sudo")
                .arg("apt-get")
                .args(args)
                .env("DEBIAN_FRONTEND", "noninteractive"))
        }
    };
    apt(&["update"])?;
    apt(&["install", "-y", "chromium"])
}

// ---------- commands ----------

fn serve() -> Result {
    setup(false)?;
    say("fetching crates");
    run(cmd("cargo").arg("fetch"))?;
    say("serving at http://127.0.0.1:8080/ (Ctrl-C to stop; edits rebuild and reload)");
    run(cmd("trunk").args(["serve", "--offline"]))
}

fn build_release(public_url: &str, dist: &Path) -> Result {
    setup(false)?;
    run(cmd("cargo").args(["fetch", "--quiet"]))?;
    say(&format!(
        "building the release for {public_url} into {}",
        dist.display()
    ));
    run(cmd("trunk")
        .args([
            "build",
            "--release",
            "--offline",
            "--features",
            "split",
            "--public-url",
            public_url,
            "--dist",
        ])
        .arg(dist)
        // Tells the post-build hook to split the wasm (src/lazy_pages.rs).
        .env(SPLIT_ENV, "1"))
}

fn test() -> Result {
    setup(true)?;
    say("checking formatting");
    run(cmd("cargo").args(["fmt", "--all", "--check"]))?;
    say("clippy on the host");
    run(cmd("cargo").args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    say("clippy on wasm32");
    run(cmd("cargo").args([
        "clippy",
        "--target",
        "wasm32-unknown-unknown",
        "--",
        "-D",
        "warnings",
    ]))?;
    say("unit tests");
    run(cmd("cargo").args(["test", "--workspace"]))?;
    let dist = root().join("target/e2e-dist");
    build_release(TEST_BASE, &dist)?;
    // A second copy in another folder of the same origin, for the test that
    // two copies keep their own offline caches. The wasm is the same crate
    // build (cargo's cache answers); only wasm-bindgen, wasm-opt and the
    // post-build step run again.
    let dist_b = root().join("target/e2e-dist-b");
    build_release(TEST_BASE_B, &dist_b)?;
    say(&format!(
        "end-to-end tests in headless Chromium, served like GitHub Pages under {TEST_BASE}"
    ));
    run(cmd("npx")
        .current_dir(root().join("tests"))
        .args(["playwright", "test"])
        .env("STEADY_DIST", &dist)
        .env("STEADY_BASE", TEST_BASE)
        .env("STEADY_DIST_B", &dist_b)
        .env("STEADY_BASE_B", TEST_BASE_B))
}

/// Measures a release build; figures are for comparing commits on one machine.
fn bench() -> Result {
    setup(true)?;
    ensure_bench_packages()?;
    let dist = root().join("target/bench-dist");
    build_release(TEST_BASE, &dist)?;
    say("measuring (headless Chromium; Lighthouse runs each page 3 times)");
    let chromium = env::var_os("CHROMIUM_PATH").unwrap_or_else(|| CHROMIUM.into());
    run(cmd("node")
        .current_dir(root().join("tests"))
        .arg("bench/bench.mjs")
        .arg(&dist)
        .arg(root().join("bench"))
        .env("CHROME_PATH", chromium))
}

/// Where cargo puts the build of the crate at `source`, as cargo itself
/// resolves it (`CARGO_TARGET_DIR`, a `build.target-dir` in any cargo config,
/// or `target/`), so the split reads the wasm Trunk's cargo run just wrote.
fn cargo_target_dir(source: &Path) -> Result<PathBuf> {
    let out = cmd(&env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
            "--manifest-path",
        ])
        .arg(source.join("Cargo.toml"))
        .output()
        .map_err(|e| format!("could not start cargo metadata: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "cargo metadata failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    let metadata: serde_json::Value = serde_json::from_slice(&out.stdout)
        .map_err(|e| format!("cargo metadata printed no JSON: {e}"))?;
    metadata["target_directory"]
        .as_str()
        .map(PathBuf::from)
        .ok_or_else(|| "cargo metadata names no target_directory".into())
}

/// Trunk's post_build hook: runs in the staging folder before it becomes dist.
fn post_build() -> Result {
    let staging = env::var("TRUNK_STAGING_DIR")
        .map_err(|_| "post-build runs from Trunk's hook (TRUNK_STAGING_DIR is unset)")?;
    let staging = Path::new(&staging);
    let index = staging.join("index.html");
    let html = fs::read_to_string(&index).map_err(|e| format!("reading index.html: {e}"))?;
    // Only releases get the CSP, the static pages and the service worker:
    // `trunk serve` injects an inline live-reload script, and a worker would
    // cache stale dev builds.
    let release = env::var("TRUNK_PROFILE").is_ok_and(|p| p == "release");
    if !release {
        return Ok(());
    }
    let source = env::var("TRUNK_SOURCE_DIR").map_or_else(|_| PathBuf::from("."), PathBuf::from);
    let (html, chunks) = if env::var_os(SPLIT_ENV).is_some() {
        let target = cargo_target_dir(&source)?;
        let (html, chunks) = split::split_release(staging, &html, &target)?;
        (html, Some(chunks))
    } else {
        (html, None)
    };
    let html = offline::add_csp(&html)?;
    fs::write(&index, &html).map_err(|e| format!("writing index.html: {e}"))?;
    let pages = render_pages(&source, staging)?;
    if let Some(chunks) = chunks {
        chunks.preload_on(staging, &pages)?;
    }
    // The cached home page answers every navigation offline, so it is
    // precached; the other pages are not (the app has their words built in).
    let mut not_precached: Vec<String> = pages.into_iter().filter(|p| p != "index.html").collect();
    not_precached.push("routes.json".into());
    offline::write_service_worker(staging, &not_precached)
}

/// Writes every route's static page, 404.html and routes.json into
/// `staging` from its shell (`index.html`), with the app's own views
/// rendered natively (render/); returns the pages written.
fn render_pages(source: &Path, staging: &Path) -> Result<Vec<String>> {
    say("rendering the static pages from the app's views");
    let out = cmd(&env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .current_dir(source)
        .args([
            "run",
            "--quiet",
            "--offline",
            "--package",
            "steady-render",
            "--",
        ])
        .arg(staging)
        .output()
        .map_err(|e| format!("could not start steady-render: {e}"))?;
    // Its messages are shown only when it fails: a debug build of Leptos
    // warns at every signal a static render reads, and rendering once
    // without reacting is what a static page is.
    if !out.status.success() {
        return Err(format!(
            "steady-render failed:\n{}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect())
}
