import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { test, expect } from "@playwright/test";

// Bytes are deterministic, unlike timings, so size is a test and speed is a
// benchmark (`cargo xtask bench`). This is a ratchet: it fails when the wasm
// and its JS glue grow past the figure below. The goal is issue 8's budget,
// a first load of home of at most 200 KiB gzip; we are not there yet (see
// bench/latest.md), so the ratchet stops growth while the cuts land. Lower
// it whenever a change makes the app smaller; raise it only with a reason
// written in the commit.
// 557 KiB since the merge of issues 17, 18, 19 and 20 (570,007 B measured):
// the help page for six countries, the therapies evidence, the new item bank
// and its answer checks, the search's stemmer and synonyms, the static-page
// words now shared with the app, and the store's tab and epoch checks. Issue
// 21 (splitting the wasm by route) is where this comes back down.
// 587 KiB with issue 22 (600,961 B measured, +30,954 B): the share route and
// its page, "Share this result", the pair plane and the pair wording, and kept
// comparisons in the store and the backup. The QR code is 12,257 B of that
// (the qrcode crate's matrix and Reed-Solomon code, in byte mode only).
// 565 KiB with issue 23 (577,756 B measured, +7.7 KB): the one-tap 0-10
// scale with Clear in every tool and the journal, the undo toast with its
// held timer, the I-statement parsed from typed parts, the same-day chart
// labels and the "Why this helps" pages.
// 611 KiB with issues 22 and 23 merged together with issue 19's state layer
// and lock fixes (623,570 B measured): about 14 KB of it is issue 19's (the
// sealing behind a trait with boxed futures, sealing kept-aside copies and
// plain values at unlock, the locked save's retry loop, every change of the
// history awaited before it shows, the score check and time clamp on import),
// not yet measured piece by piece. Issue 21 (split by route) brings it down.
// 617 KiB with issue 23's plans and library filter (631,756 B measured on
// branch issue-23-b, from bf0d488): the plan's auto-ticks and their reasons,
// the report's tool links and the library's "For my style" / "Show all".
// Issue 23's tap-first tools, measured alone on their branch, add 5.9 KB:
// word chips in every tool, "after" asked once used, Copy and Share with the
// hand-copy fallback, the couple agreement as text, focus after Undo/Clear.
// 634 KiB with both merged and the lock's calm path (648,630 B measured on
// main): 640,787 B before the chips merge, so about 9 KB for the calm tools
// behind the lock (locked routes, the held tool use, the timer above the
// lock), auto-lock with its idle watcher and setting, Lock now, and the
// workflows moved into state; then 7.8 KB for the chips and Copy/Share.
// Issue 21 (split by route) is the way down.
// 648 KiB with issue 23's timers that reach you and the focused mode,
// measured alone on branch issue-23-c (662,793 B, +14.2 KB over 648,630 B):
// the chime (Web Audio), vibration and notification edge with its
// permission, "When the time is up" on every timer, the end-of-timer hook,
// the full-screen dialog for breathing and the body scan, and the running
// timers that hold off auto-lock.
// 676 KiB with issue 23's drafts merged in (688,878 B measured on main,
// +26 KB): every tool's kept draft (DraftFields and KeptDraft on nine tools,
// "We kept what you wrote" with Start afresh and Undo), the drafts' keys,
// sealing and serde in the store and the backup (parse, preview, apply),
// the wait's unsent message with Copy and its keep choice, and the journal's
// feeling chips. Issue 21 (split by route) is still the way down; the
// practice tools would all leave the entry chunk.
// Issue 21 split the wasm by route (xtask/src/split.rs): the home page, the
// quiz and help are in the entry module; every other section is a chunk
// fetched the first time it is opened. The entry is what a first visit
// downloads (the wasm, its glue and the chunk loader): 331,411 B measured,
// against 688,878 B for the whole app before the split. All modules together
// are 797,316 B (each chunk is compressed alone, and the chunks carry their
// own imports and tables), which only the service worker fetches, in idle
// time. The goal is still issue 21's: a first load of at most 200 KiB.
// Issue 34 (care, round 3) measured 336,601 B for the entry (+5.2 KB) and
// 816,221 B for all modules (+18.9 KB): the help page grew from six places
// to 27 with lines for young people, LGBTQ+ people and after a loss, and a
// true monitored-phone section (help is in the entry so a crisis never waits
// on a chunk); the quiz's and results' care words; forgiving misspellings
// (strsim) and the crisis words of the library's search, in its chunk; and
// the articles' citations and hedges.
const ENTRY_GZIP_BUDGET = 330 * 1024;
const ALL_MODULES_GZIP_BUDGET = 800 * 1024;

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
