import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { test, expect } from "@playwright/test";

// Bytes are deterministic, unlike timings, so size is a test and speed is a
// benchmark (`cargo xtask bench`). This is a ratchet on the release's wasm
// and its JS glue, in two budgets: the entry (the home page, the quiz and
// help, with the chunk loader), which a first visit downloads, and all the
// modules together, which the service worker fetches in idle time. Lower a
// budget whenever a change makes the app smaller; raise it only with the
// measured figure and the reason in the commit (git log holds the history).
// The goal is still a first load of home of at most 200 KiB gzip.
const ENTRY_GZIP_BUDGET = 339 * 1024;
const ALL_MODULES_GZIP_BUDGET = 815 * 1024;

function gzipBytes(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

test("the entry module and all the chunks stay within their size budgets", async () => {
  test.skip(test.info().project.name !== "desktop", "one run is enough");
  const dist = process.env.STEADY_DIST!;
  const base = process.env.STEADY_BASE!;
  const html = readFileSync(join(dist, "index.html"), "utf8");
  // What index.html has the browser fetch before the app starts.
  const entry = [...html.matchAll(/<link rel="(?:modulepreload|preload)" href="([^"]+\.(?:js|wasm))"/g)]
    .map((m) => m[1])
    .filter((href) => href.startsWith(base) && !/theme-boot/.test(href))
    .map((href) => href.slice(base.length));
  expect(entry.map((f) => f.replace(/^pkg-[0-9a-f]{16}\//, "")).sort()).toEqual([
    "__wasm_split.js",
    "steady.js",
    "steady_bg.wasm",
  ]);
  const entryGzip = entry.reduce((sum, f) => sum + gzipBytes(join(dist, f)), 0);
  expect(entryGzip, `the entry is ${entryGzip} B gzip`).toBeLessThanOrEqual(ENTRY_GZIP_BUDGET);

  const pkg = readdirSync(dist).filter((f) => /^pkg-[0-9a-f]{16}$/.test(f));
  expect(pkg.length, "one folder of modules").toBe(1);
  const modules = readdirSync(join(dist, pkg[0])).filter((f) => /\.(wasm|js)$/.test(f));
  // A route split off at least: the data, journal and practice chunks.
  for (const chunk of ["split_data.wasm", "split_journal.wasm", "split_practice.wasm"]) expect(modules).toContain(chunk);
  const total = modules.reduce((sum, f) => sum + gzipBytes(join(dist, pkg[0], f)), 0);
  expect(total, `all modules are ${total} B gzip`).toBeLessThanOrEqual(ALL_MODULES_GZIP_BUDGET);
  // Nothing unsplit is left beside them.
  expect(readdirSync(dist).filter((f) => /^steady-.*\.(wasm|js)$/.test(f))).toEqual([]);
});
