// Steady's benchmark: `cargo xtask bench` builds the release under /steady/
// and runs this. It prints every figure against its budget and writes
// bench/latest.json and bench/latest.md so commits can be compared.
// Timings come from headless Chromium on this machine: compare runs on the
// same machine, never across machines.
//
// Two switches shorten a run while working on one figure:
//   STEADY_BENCH_SKIP_LIGHTHOUSE=1    everything but Lighthouse (its 15 audits
//                                     are most of a run's time)
//   STEADY_BENCH_ONLY_FIRST_VISIT=1   only the bytes, the first loads, the
//                                     throttled first visits and the wasm
//                                     modules (no interactions, no Lighthouse)
// And one to compare with a peer in the same run:
//   STEADY_BENCH_PEER=<dir>           a checkout of the plain Svelte quiz
//                                     oshx/ecr: built here with its own
//                                     `npm ci` and `npx parcel build`, served
//                                     beside Steady, and its first answer
//                                     timed on the same profile
import { chromium } from "@playwright/test";
import { execFileSync, spawn } from "node:child_process";
import { cpSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { join } from "node:path";

const [dist, outDir] = process.argv.slice(2);
const BASE = "/steady/";
const PORT = 4399;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const KIB = 1024;
const ONLY_FIRST_VISIT = process.env.STEADY_BENCH_ONLY_FIRST_VISIT === "1";
const SKIP_LIGHTHOUSE = ONLY_FIRST_VISIT || process.env.STEADY_BENCH_SKIP_LIGHTHOUSE === "1";

const budgets = {
  // Every file a first visit fetches, as gzip: applies to home and to the quiz.
  firstLoadGzip: 200 * KIB,
  // A first visit on a slow phone, from navigation to the app mounted and
  // answering (see FIRST_VISIT): applies to home and to the quiz, median of 5.
  usableMs: 1500,
  quizAnswerP95: 16,
  searchKeystrokeP95: 16,
  openJournal5000: 100,
  lighthouse: {
    // Performance and LCP apply to the pages people land on first.
    landing: ["home", "quiz", "article"],
    performance: 100,
    lcpMs: 1500,
    tbtMs: 0,
    cls: 0,
    accessibility: 100,
    bestPractices: 100,
    seo: 95,
  },
};
// Lighthouse's pages: median of 3 runs each.
const LIGHTHOUSE_PAGES = [
  { name: "home", path: "" },
  { name: "quiz", path: "quiz" },
  { name: "article", path: "learn/secure-attachment" },
  { name: "journal", path: "journal" },
  { name: "tool", path: "practice/breathing" },
];

// ---------- bytes ----------
const gz = (b) => gzipSync(b, { level: 9 }).length;
const br = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
// Every file, sub-folders included (the static article pages live in learn/).
const assets = readdirSync(dist, { recursive: true })
  .filter((f) => !f.endsWith(".map") && statSync(join(dist, f)).isFile())
  .sort()
  .map((file) => {
    const bytes = readFileSync(join(dist, file));
    return { file, raw: bytes.length, gzip: gz(bytes), brotli: br(bytes) };
  });
const byName = Object.fromEntries(assets.map((a) => [a.file, a]));

// Every wasm module, wherever it lies: the split release keeps its entry
// module and its chunks together in a content-named folder (pkg-<hash>/).
// The entry is the module index.html's loader starts (its `module_or_path`)
// or preloads as application/wasm; every other module is a chunk fetched when
// its page is first opened. A path in index.html is resolved as the browser
// would, against the page's URL, then made relative to the dist.
const wasm = (() => {
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const loader = [...html.matchAll(/module_or_path:\s*(['"])([^'"]+?\.wasm)\1/g)].map((m) => m[2]);
  const preloads = [...html.matchAll(/<link\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => /\brel=["']?preload\b/.test(tag) && /application\/wasm/.test(tag))
    .map((tag) => tag.match(/\bhref=(["'])([^"']+)\1/)?.[2])
    .filter(Boolean);
  const inDist = (href) => decodeURIComponent(new URL(href, ORIGIN + BASE).pathname).slice(BASE.length);
  const named = [...new Set([...loader, ...preloads].map(inDist))];
  if (named.length > 1) console.warn(`index.html names ${named.length} wasm modules (${named.join(", ")}); the first is taken as the entry`);
  const entryFile = named.find((f) => byName[f]);
  if (!entryFile) console.warn(`no wasm module named by index.html is in the dist (named: ${named.join(", ") || "none"})`);
  const modules = assets
    .filter((a) => a.file.endsWith(".wasm"))
    .map(({ file, raw, gzip, brotli }) => ({ file, raw, gzip, brotli, entry: file === entryFile }))
    .sort((a, b) => b.entry - a.entry || a.file.localeCompare(b.file));
  const sum = (k) => modules.reduce((s, m) => s + m[k], 0);
  const entry = modules.find((m) => m.entry);
  return {
    entry: entry ? { file: entry.file, raw: entry.raw, gzip: entry.gzip } : null,
    total: { raw: sum("raw"), gzip: sum("gzip") },
    modules,
  };
})();

// ---------- the peer ----------
// Built from its own lock file, in a copy, so the checkout stays as it was.
const PEER = process.env.STEADY_BENCH_PEER;
const PEER_BASE = "/ecr/";
const peerDist = (() => {
  if (!PEER) return null;
  const work = join(tmpdir(), "steady-bench-peer");
  rmSync(work, { recursive: true, force: true });
  cpSync(PEER, work, { recursive: true, filter: (src) => !/[/\\](\.git|node_modules|\.parcel-cache|public)$/.test(src) });
  execFileSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: work, stdio: "inherit" });
  execFileSync("npx", ["parcel", "build", "--no-cache"], { cwd: work, stdio: "inherit" });
  return join(work, "public");
})();

// ---------- a browser against a Pages-like server ----------
// Exactly like Pages: every route answers 200 with its own static page.
const server = spawn(
  "node",
  [new URL("../e2e/pages-server.mjs", import.meta.url).pathname, dist, String(PORT), BASE, ...(peerDist ? ["--also", peerDist, PEER_BASE] : [])],
  { stdio: ["ignore", "pipe", "inherit"] },
);
await new Promise((resolve) => server.stdout.once("data", resolve));
// A measurement that throws must not leave the server running (it holds
// the terminal's output open, so the run would seem to hang).
process.on("exit", () => server.kill());
const browser = await chromium.launch({
  // The same variables, in the same order, as lighthouse.mjs (`cargo xtask
  // bench` sets CHROME_PATH).
  executablePath: process.env.CHROME_PATH || process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});

async function fresh() {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: "block" });
  const page = await context.newPage();
  return { context, page };
}
const ready = (page) => page.waitForSelector(".theme-toggle:not(.is-placeholder)");

// The dist file the server answers a path with, as pages-server.mjs finds
// it: the file, the file with .html, the folder's index.html.
const fileFor = (rel) => [rel, `${rel}.html`, `${rel}${rel && !rel.endsWith("/") ? "/" : ""}index.html`].find((f) => byName[f]);

// First-load transfer of a page (`path` under the base): every file the
// browser fetches until the network is idle, summed from the files' own
// bytes at gzip -9, brotli and raw, so the figure does not depend on the
// server's compression or on headers.
async function firstLoadOf(path) {
  const { context, page } = await fresh();
  const files = new Set();
  page.on("request", (r) => {
    const p = new URL(r.url()).pathname;
    if (p.startsWith(BASE)) files.add(fileFor(decodeURIComponent(p.slice(BASE.length))));
  });
  await page.goto(ORIGIN + BASE + path);
  await ready(page);
  await page.waitForLoadState("networkidle");
  await context.close();
  const list = [...files].filter(Boolean).sort();
  return {
    files: list,
    gzip: list.reduce((s, f) => s + byName[f].gzip, 0),
    brotli: list.reduce((s, f) => s + byName[f].brotli, 0),
    raw: list.reduce((s, f) => s + byName[f].raw, 0),
  };
}
const firstLoad = await firstLoadOf("");
const firstLoadQuiz = await firstLoadOf("quiz");

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const round = (x) => Math.round(x * 10) / 10;

// In the page: run `act`, then resolve once the next frame has been
// rendered. The app updates the DOM in the microtasks that follow an event;
// the frame then runs its animation callbacks, style, layout and paint, and a
// message posted from the frame's animation callback is delivered only after
// that rendering, so this is the time from the input to the frame that shows
// its result, painted. `selector` must exist, so a measurement cannot pass on
// a missing page.
// With `heading`, the input opens a page, which in the split build may first
// fetch its wasm chunk (src/lazy_pages.rs): the frame waited for is then the
// first after main's <h1> reads `heading` and main is no longer aria-busy.
// When the page renders at once (the unsplit build, a chunk already loaded)
// that is the same frame as without it.
const MEASURE = `window.__measure = (selector, act, heading) => new Promise((resolve, reject) => {
  if (!document.querySelector(selector)) return reject(new Error("missing " + selector));
  const channel = new MessageChannel();
  const t0 = performance.now();
  channel.port1.onmessage = () => resolve(performance.now() - t0);
  const painted = () => requestAnimationFrame(() => channel.port2.postMessage(0));
  act();
  if (heading === undefined) return painted();
  const arrived = () =>
    document.querySelector("main h1")?.textContent.trim() === heading && document.querySelector("main")?.getAttribute("aria-busy") !== "true";
  if (arrived()) return painted();
  const timeout = setTimeout(() => {
    observer.disconnect();
    reject(new Error("no page headed " + JSON.stringify(heading) + " after 10 s"));
  }, 10000);
  const observer = new MutationObserver(() => {
    if (!arrived()) return;
    observer.disconnect();
    clearTimeout(timeout);
    painted();
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ["aria-busy"] });
});
// The app's own share of that time: from the input until the DOM is updated
// and laid out, without waiting for the frame. A message-channel task runs
// after every microtask the event queued (Leptos renders in microtasks), and
// reading offsetHeight forces the style and layout work the frame would do.
window.__work = (selector, act) => new Promise((resolve, reject) => {
  if (!document.querySelector(selector)) return reject(new Error("missing " + selector));
  const channel = new MessageChannel();
  const t0 = performance.now();
  channel.port1.onmessage = () => {
    void document.body.offsetHeight;
    resolve(performance.now() - t0);
  };
  act();
  channel.port2.postMessage(0);
});`;

// Summary of a list of timings, with the samples kept for comparing runs.
const stats = (xs) => ({ p50: round(pct(xs, 50)), p95: round(pct(xs, 95)), n: xs.length, samples: xs.map(round) });

// ---------- first visit on a slow phone ----------
// The throttling of Lighthouse's mobileSlow4G profile (its constants.js:
// `rttMs: 150`, `throughputKbps: 1.6 * 1024`, `uploadThroughputKbps: 750 *
// 0.9`, `cpuSlowdownMultiplier: 4`), applied through DevTools as Lighthouse's
// own devtools throttling does, with kbps as 1024 bits/s. Lighthouse's
// devtools method also multiplies the RTT by 3.75 and the download by 0.9,
// because DevTools adds the latency to each request instead of each round
// trip; these figures take the profile's own RTT and download, so they are
// kinder than Lighthouse's devtools mode and, like its simulated mode (the
// default, used below), model a phone on a slow 4G link.
const SLOW_4G_RTT_MS = 150;
const SLOW_4G_DOWN_KBPS = 1.6 * 1024; // 1638.4
const SLOW_4G_UP_KBPS = 750 * 0.9; // 675
const CPU_SLOWDOWN = 4;
const kbpsToBytesPerSecond = (kbps) => (kbps * 1024) / 8;
const FIRST_VISIT_RUNS = 5;
// Lighthouse's mobile screen (a Moto G Power).
const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };

// When a page counts as usable: the app (not index.html's static shell, whose
// theme toggle is a placeholder) is mounted, and the page's first controls
// are the app's own and enabled. On a first visit the quiz shows its intro:
// the first thing asked is which relationship to reflect on, with "Start the
// quiz"; the static quiz.html has neither, so both come from the wasm app.
const MOUNTED = ".theme-toggle:not(.is-placeholder)";
const FIRST_VISIT = [
  { name: "home", path: "", usable: [MOUNTED] },
  {
    name: "quiz",
    path: "quiz",
    usable: [MOUNTED, 'form.quiz-start input[type="radio"]:enabled', 'form.quiz-start button[type="submit"]:enabled'],
  },
  // The first answer, tapped on the plain page as soon as it can be (Start,
  // then "Agree" on the first statement), and when the app, once arrived,
  // has kept that answer as the quiz in progress.
  {
    name: "quiz, first answer",
    path: "quiz",
    usable: [MOUNTED],
    act: async (page) => {
      await page.locator('.quiz-start a[href$="#statement-1"]').click();
      await page.locator("#statement-1 .likert-option").nth(5).click();
    },
    moments: { firstAnswerMs: "__steadyFirstAnswerAt", appHoldsAnswerMs: "__steadyAppHeldAt" },
  },
  // Breathing's Start tapped on the plain page: until its circle moves.
  {
    name: "breathing, first breath",
    path: "practice/breathing",
    usable: [MOUNTED],
    act: (page) => page.locator('a[href$="#breathe"]').first().click(),
    moments: { breathMovesMs: "__steadyBreathAt" },
  },
];

// Installed before any of the page's scripts: when the first quiz answer is
// chosen on the plain page, when the breath guide's animation starts, and
// when the app first keeps a quiz in progress with an answer in it.
function watchMoments() {
  if (window.top !== window) return;
  document.addEventListener(
    "change",
    (e) => {
      // An answer: any radio but Steady's choice of relationship (the
      // peer's radios have names of their own).
      const t = e.target;
      if (window.__steadyFirstAnswerAt === undefined && t?.type === "radio" && t.name !== "focus") window.__steadyFirstAnswerAt = performance.now();
    },
    true,
  );
  document.addEventListener(
    "animationstart",
    (e) => {
      if (window.__steadyBreathAt === undefined && e.animationName === "plain-breath") window.__steadyBreathAt = performance.now();
    },
    true,
  );
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (key === "steady.quiz.progress" && window.__steadyAppHeldAt === undefined && /"answers":\{"/.test(value)) {
      window.__steadyAppHeldAt = performance.now();
    }
    return setItem.call(this, key, value);
  };
}

// Installed before any of the page's scripts: the first time every selector
// matches, the time since navigation began goes to window.__steadyUsableAt.
// A MutationObserver sees each change to the DOM as it happens (its callback
// runs in the microtasks right after), so the time does not depend on how
// often the test polls.
function watchUsable(selectors) {
  if (window.top !== window) return;
  const check = () => {
    if (window.__steadyUsableAt !== undefined || !selectors.every((s) => document.querySelector(s))) return;
    window.__steadyUsableAt = performance.now();
    observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["class", "disabled"] });
  check();
}

// One first visit, as a new phone with nothing cached would make it: a new
// context (empty HTTP and code caches, no service worker: a first visit's
// service worker only starts installing after the page has loaded, and is
// blocked here as in fresh()). Bytes are what crossed the network for the
// page, headers included, as DevTools counts them (Network.loadingFinished),
// until the network has been idle for 500 ms after the page became usable.
async function firstVisit({ base = BASE, path, usable, act, moments = {} }) {
  const context = await browser.newContext({ ...PHONE, serviceWorkers: "block" });
  await context.addInitScript(watchUsable, usable);
  await context.addInitScript(watchMoments);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const urls = new Map();
  const fetched = [];
  cdp.on("Network.responseReceived", (e) => urls.set(e.requestId, e.response.url));
  cdp.on("Network.loadingFinished", (e) => fetched.push({ url: urls.get(e.requestId), bytes: e.encodedDataLength }));
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: SLOW_4G_RTT_MS,
    downloadThroughput: kbpsToBytesPerSecond(SLOW_4G_DOWN_KBPS),
    uploadThroughput: kbpsToBytesPerSecond(SLOW_4G_UP_KBPS),
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  await page.goto(ORIGIN + base + path, { waitUntil: "commit" });
  if (act) await act(page);
  await page.waitForFunction(() => window.__steadyUsableAt !== undefined, null, { timeout: 60_000 });
  for (const name of Object.values(moments)) {
    await page.waitForFunction((name) => window[name] !== undefined, name, { timeout: 60_000 });
  }
  await page.waitForLoadState("networkidle");
  const { usableMs, fcpMs, at } = await page.evaluate((moments) => ({
    usableMs: window.__steadyUsableAt,
    fcpMs: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
    at: Object.fromEntries(Object.entries(moments).map(([k, name]) => [k, window[name]])),
  }), moments);
  await context.close();
  const files = fetched
    .filter((f) => f.url?.startsWith(ORIGIN + base))
    .map((f) => ({ file: (base === BASE && fileFor(decodeURIComponent(new URL(f.url).pathname.slice(BASE.length)))) || f.url, bytes: f.bytes }));
  return { usableMs, fcpMs, ...at, bytes: fetched.reduce((s, f) => s + f.bytes, 0), files };
}

// The peer's quiz: all its statements on one page, each a radio group; its
// first answer is its Start, then a tap on the first statement's first
// option, as Steady's is Start, then a tap.
if (peerDist) {
  FIRST_VISIT.push({
    name: "peer quiz (oshx/ecr), first answer",
    base: PEER_BASE,
    path: "",
    usable: ["#_0 input[type=radio]"],
    // Its Start ("검사시작", "begin the test") closes the intro sheet.
    act: async (page) => {
      await page.locator("button", { hasText: "검사시작" }).click();
      await page.locator("#_0 label").first().click();
    },
    moments: { firstAnswerMs: "__steadyFirstAnswerAt" },
  });
}

// Each page FIRST_VISIT_RUNS times, each figure the median of its runs; the
// samples are kept to see the spread, and the files of the first run.
const firstVisits = [];
for (const page of FIRST_VISIT) {
  const runs = [];
  for (let i = 0; i < FIRST_VISIT_RUNS; i++) runs.push(await firstVisit(page));
  const median = (get) => round(pct(runs.map(get), 50));
  firstVisits.push({
    name: page.name,
    base: page.base ?? BASE,
    path: page.path,
    usable: page.usable,
    usableMs: median((r) => r.usableMs),
    fcpMs: runs.every((r) => r.fcpMs !== null) ? median((r) => r.fcpMs) : null,
    bytes: median((r) => r.bytes),
    ...Object.fromEntries(Object.keys(page.moments ?? {}).map((k) => [k, median((r) => r[k])])),
    samples: {
      usableMs: runs.map((r) => round(r.usableMs)),
      fcpMs: runs.map((r) => r.fcpMs && round(r.fcpMs)),
      bytes: runs.map((r) => r.bytes),
      ...Object.fromEntries(Object.keys(page.moments ?? {}).map((k) => [k, runs.map((r) => round(r[k]))])),
    },
    files: runs[0].files,
  });
}
const firstVisitSettings = {
  rttMs: SLOW_4G_RTT_MS,
  downKbps: SLOW_4G_DOWN_KBPS,
  upKbps: SLOW_4G_UP_KBPS,
  cpuSlowdown: CPU_SLOWDOWN,
  runs: FIRST_VISIT_RUNS,
  screen: PHONE,
};

// Quiz: answer to next statement painted, over 36 answers.
const quiz = ONLY_FIRST_VISIT ? null : await (async () => {
  // A fresh quiz with its first statement shown and the timers installed.
  const startQuiz = async () => {
    const { context, page } = await fresh();
    await page.goto(ORIGIN + BASE + "quiz");
    await ready(page);
    await page.getByRole("button", { name: "Start the quiz" }).click();
    await page.waitForSelector("#quiz-statement");
    await page.evaluate(MEASURE);
    return { context, page };
  };
  // Answers the shown statement with key `key`, timed by `how` (__measure or __work).
  const answer = (page, how, key) =>
    page.evaluate(
      ([how, key]) => window[how]("#quiz-count", () => window.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true }))),
      [how, key],
    );
  // Three figures over the same kind of answer: input to the next frame (the
  // budgeted one), the app's work alone, and the same frame wait with an
  // input that does nothing, the floor that frame alignment sets. The quiz
  // has 36 statements and the first is already shown, so 35 answers per run;
  // the floor is taken on the last statement, the work in a second run.
  const answers = async (how) => {
    const { context, page } = await startQuiz();
    const xs = [];
    for (let i = 0; i < 35; i++) xs.push(await answer(page, how, String((i % 7) + 1)));
    const floor = [];
    if (how === "__measure") {
      for (let i = 0; i < 35; i++) floor.push(await page.evaluate(() => window.__measure("body", () => {})));
    }
    await context.close();
    return { xs, floor };
  };
  const { xs: times, floor } = await answers("__measure");
  const { xs: work } = await answers("__work");
  return { ...stats(times), work: stats(work), frameFloor: stats(floor) };
})();

// Route switch: header link to the next page's heading.
const route = ONLY_FIRST_VISIT ? null : await (async () => {
  const { context, page } = await fresh();
  await page.goto(ORIGIN + BASE);
  await ready(page);
  await page.evaluate(MEASURE);
  // Each link with the <h1> of the page it opens (content/route-pages.toml;
  // home's is in src/pages/home.rs).
  const heading = { Learn: "Learn", Practice: "Practice", Progress: "Progress", Home: "Steady", "Your data": "Your data and settings" };
  const times = [];
  for (const name of ["Learn", "Practice", "Progress", "Home", "Learn", "Home", "Your data", "Home"]) {
    times.push(
      await page.evaluate(
        ([name, heading]) =>
          window.__measure("main", () => [...document.querySelectorAll(".site-nav a")].find((a) => a.textContent.trim() === name).click(), heading),
        [name, heading[name]],
      ),
    );
  }
  await context.close();
  return stats(times);
})();

// The journal with 5,000 entries: stored bytes, opening it, a search keystroke.
const journal = ONLY_FIRST_VISIT ? null : await (async () => {
  const { context, page } = await fresh();
  await page.goto(ORIGIN + BASE + "journal");
  await ready(page);
  await page.evaluate(() => {
    const now = Date.now();
    const words = ["river", "phone", "silence", "dinner", "work", "walk", "message", "call", "morning", "argument"];
    const data = Array.from({ length: 5000 }, (_, i) => ({
      id: `e${i}`,
      created: now - i * 3_600_000,
      updated: now - i * 3_600_000,
      kind: i % 3 ? "free" : "trigger",
      title: `Evening ${i}`,
      body: `After the ${words[i % 10]} I noticed the old pull again. I named it, waited ten minutes and wrote this down instead of sending the ${words[(i * 7) % 10]}. Entry ${i}.`,
      feeling: i % 2 ? "anxious" : "calm",
      intensity_before: i % 11,
      intensity_after: Math.max(0, (i % 11) - 2),
      tags: [words[i % 10]],
    }));
    localStorage.setItem("steady.journal", JSON.stringify({ v: 1, data }));
  });
  await page.reload();
  await ready(page);
  // Save one entry so the stored value is the app's own serialisation.
  await page.getByLabel("What happened, and how it felt").fill("One more");
  await page.getByRole("button", { name: "Save entry" }).click();
  await page.getByText("Entry saved.").waitFor();
  const storedBytes = await page.evaluate(() => {
    const v = localStorage.getItem("steady.journal");
    return (v.length + "steady.journal".length) * 2;
  });
  // Opening: a client-side navigation from home to the journal.
  const opens = [];
  for (let i = 0; i < 5; i++) {
    await page.goto(ORIGIN + BASE);
    await ready(page);
    await page.evaluate(MEASURE);
    opens.push(
      await page.evaluate(() =>
        window.__measure("main", () => [...document.querySelectorAll(".site-nav a")].find((a) => a.textContent.trim() === "Journal").click(), "Journal"),
      ),
    );
  }
  // Search: one keystroke at a time, each to the updated status painted,
  // then the same keystrokes again from an empty box, timing the app's work
  // alone.
  await page.evaluate(MEASURE);
  const type = (how, text) =>
    page.evaluate(
      ([how, text]) => {
        const input = document.querySelector('input[type="search"]');
        return window[how](".search-status", () => {
          input.value = text;
          input.dispatchEvent(new Event("input", { bubbles: true }));
        });
      },
      [how, text],
    );
  const query = "river waited";
  const keys = [];
  for (let i = 1; i <= query.length; i++) keys.push(await type("__measure", query.slice(0, i)));
  await type("__work", "");
  const work = [];
  for (let i = 1; i <= query.length; i++) work.push(await type("__work", query.slice(0, i)));
  await context.close();
  return {
    storedBytes,
    open: { p50: round(pct(opens, 50)), max: round(Math.max(...opens)) },
    search: stats(keys),
    searchWork: stats(work),
  };
})();

await browser.close();

// ---------- Lighthouse ----------
// Imported only when it runs, so a run without it needs no Lighthouse install.
const lighthouse = SKIP_LIGHTHOUSE ? null : await (await import("./lighthouse.mjs")).lighthousePages(ORIGIN + BASE, LIGHTHOUSE_PAGES);
server.kill();

// ---------- report ----------
// "max": the value may not exceed the budget; "min": it may not fall below.
const lb = budgets.lighthouse;
const visitOf = (name) => firstVisits.find((v) => v.name === name);
const checks = [
  ["first-load transfer of home (gzip)", firstLoad.gzip, budgets.firstLoadGzip, "B"],
  ["first-load transfer of quiz (gzip)", firstLoadQuiz.gzip, budgets.firstLoadGzip, "B"],
  ...firstVisits.filter((v) => v.base === BASE).map((v) => [
    `first visit, ${v.name} usable (slow 4G, CPU ${CPU_SLOWDOWN}×), median of ${FIRST_VISIT_RUNS}`,
    v.usableMs,
    budgets.usableMs,
    "ms",
  ]),
  ...(quiz ? [["quiz answer to next statement, p95", quiz.p95, budgets.quizAnswerP95, "ms"]] : []),
  ...(journal
    ? [
        ["journal search keystroke (5,000 entries), p95", journal.search.p95, budgets.searchKeystrokeP95, "ms"],
        ["open the journal (5,000 entries), median", journal.open.p50, budgets.openJournal5000, "ms"],
      ]
    : []),
  ...(lighthouse?.pages ?? []).flatMap((p) => [
    ...(lb.landing.includes(p.name)
      ? [
          [`Lighthouse ${p.name}: performance`, p.scores.performance, lb.performance, "", "min"],
          [`Lighthouse ${p.name}: LCP`, p.lcpMs, lb.lcpMs, "ms"],
        ]
      : []),
    [`Lighthouse ${p.name}: TBT`, p.tbtMs, lb.tbtMs, "ms"],
    [`Lighthouse ${p.name}: CLS`, p.cls, lb.cls, ""],
    [`Lighthouse ${p.name}: accessibility`, p.scores.accessibility, lb.accessibility, "", "min"],
    [`Lighthouse ${p.name}: best practices`, p.scores["best-practices"], lb.bestPractices, "", "min"],
    [`Lighthouse ${p.name}: SEO`, p.scores.seo, lb.seo, "", "min"],
  ]),
].map(([name, value, budget, unit, kind = "max"]) => ({
  name,
  value,
  budget,
  unit,
  kind,
  ok: kind === "max" ? value <= budget : value >= budget,
}));
const withUnit = (x, unit) => (unit ? `${x} ${unit}` : `${x}`);
// Ratios to the peer's first answer, when it ran.
const peerVisit = firstVisits.find((v) => v.base === PEER_BASE);
const ourAnswer = visitOf("quiz, first answer");
const peerRatio =
  peerVisit && ourAnswer
    ? {
        firstAnswer: Math.round((ourAnswer.firstAnswerMs / peerVisit.firstAnswerMs) * 100) / 100,
        appHolds: Math.round((ourAnswer.appHoldsAnswerMs / peerVisit.firstAnswerMs) * 100) / 100,
      }
    : null;

const result = {
  date: new Date().toISOString(),
  // Which parts ran (the others are null).
  skipped: { lighthouse: SKIP_LIGHTHOUSE, interactions: ONLY_FIRST_VISIT },
  assets,
  wasm,
  firstLoad,
  firstLoadQuiz,
  firstVisit: { settings: firstVisitSettings, pages: firstVisits, peerRatio },
  quiz,
  route,
  journal,
  lighthouse,
  checks,
};
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, "latest.json"), JSON.stringify(result, null, 2) + "\n");

// One row per file, except the static article pages: one row for all of
// them (each is fetched only by someone opening that article). Files in
// sub-folders (the split wasm's pkg-<hash>/, the practice pages) have a row
// each under their path in the dist.
function assetRows() {
  const pages = assets.filter((a) => a.file.startsWith("learn/"));
  const sum = (k) => pages.reduce((s, a) => s + a[k], 0);
  return [
    ...assets.filter((a) => !a.file.startsWith("learn/")).map((a) => `| ${a.file} | ${a.raw} | ${a.gzip} | ${a.brotli} |`),
    ...(pages.length ? [`| learn/*.html (${pages.length} static pages, sum) | ${sum("raw")} | ${sum("gzip")} | ${sum("brotli")} |`] : []),
  ];
}

const kib = (b) => `${round(b / KIB)} KiB`;
const interactionRows = ONLY_FIRST_VISIT
  ? []
  : [
      "| measure | value |",
      "|---|---:|",
      `| quiz answer to next statement, p50 / p95 (${quiz.n}) | ${quiz.p50} / ${quiz.p95} ms |`,
      `| of which the app's work (input to DOM laid out), p50 / p95 (${quiz.work.n}) | ${quiz.work.p50} / ${quiz.work.p95} ms |`,
      `| frame floor: the same wait for an input that does nothing, p50 / p95 (${quiz.frameFloor.n}) | ${quiz.frameFloor.p50} / ${quiz.frameFloor.p95} ms |`,
      `| route switch, p50 / p95 (${route.n}) | ${route.p50} / ${route.p95} ms |`,
      `| open the journal with 5,000 entries, median / max of 5 | ${journal.open.p50} / ${journal.open.max} ms |`,
      `| journal search keystroke, 5,000 entries, p50 / p95 (${journal.search.n}) | ${journal.search.p50} / ${journal.search.p95} ms |`,
      `| of which the app's work (input to DOM laid out), p50 / p95 (${journal.searchWork.n}) | ${journal.searchWork.p50} / ${journal.searchWork.p95} ms |`,
      `| stored bytes of 5,000 journal entries (UTF-16) | ${journal.storedBytes} B |`,
      "",
    ];
const lighthouseRows = lighthouse
  ? [
      `Lighthouse ${lighthouse.settings.version}, ${lighthouse.settings.formFactor}, ${lighthouse.settings.throttling} throttling, median of ${lighthouse.settings.runs} runs per figure; every route served as Pages serves it, from its own static page.`,
      "",
      "| page | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS |",
      "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
      ...lighthouse.pages.map(
        (p) =>
          `| ${p.name} (/${p.path}) | ${p.scores.performance} | ${p.scores.accessibility} | ${p.scores["best-practices"]} | ${p.scores.seo} | ${p.fcpMs} ms | ${p.lcpMs} ms | ${p.tbtMs} ms | ${p.cls} |`,
      ),
      "",
      ...(lighthouse.pages.some((p) => p.flagged.length)
        ? ["Lighthouse flagged (accessibility, best practices, SEO):", "", ...lighthouse.pages.flatMap((p) => p.flagged.map((f) => `- ${p.name}: ${f}`)), ""]
        : []),
    ]
  : [
      `Lighthouse skipped (${ONLY_FIRST_VISIT ? "STEADY_BENCH_ONLY_FIRST_VISIT" : "STEADY_BENCH_SKIP_LIGHTHOUSE"}=1): no Lighthouse figures or budgets in this run.`,
      "",
    ];

const md = [
  "# Steady benchmark",
  "",
  `Run ${result.date} in headless Chromium on this machine (release build under ${BASE}).`,
  "",
  "| asset | raw | gzip | brotli |",
  "|---|---:|---:|---:|",
  ...assetRows(),
  "",
  `Wasm modules: ${wasm.modules.length}, ${wasm.total.raw} B raw, ${wasm.total.gzip} B gzip in all; the entry module (index.html's loader) is ${
    wasm.entry ? `${wasm.entry.file}, ${wasm.entry.gzip} B gzip` : "not found"
  }.`,
  "",
  "| wasm module | raw | gzip | entry |",
  "|---|---:|---:|---|",
  ...wasm.modules.map((m) => `| ${m.file} | ${m.raw} | ${m.gzip} | ${m.entry ? "entry" : ""} |`),
  "",
  `First load of home: ${firstLoad.files.length} files, ${firstLoad.raw} B raw, ${firstLoad.gzip} B gzip, ${firstLoad.brotli} B brotli.`,
  `First load of the quiz: ${firstLoadQuiz.files.length} files, ${firstLoadQuiz.raw} B raw, ${firstLoadQuiz.gzip} B gzip, ${firstLoadQuiz.brotli} B brotli.`,
  "",
  `First visit on a slow phone: ${PHONE.viewport.width}×${PHONE.viewport.height} touch screen, ${SLOW_4G_RTT_MS} ms latency, ${SLOW_4G_DOWN_KBPS} kbps down, ${SLOW_4G_UP_KBPS} kbps up (Lighthouse's slow 4G), CPU slowed ${CPU_SLOWDOWN}×, nothing cached; median of ${FIRST_VISIT_RUNS} runs, each in a new context. Usable: the app mounted with its first controls enabled. Transfer: bytes on the wire (headers included, the test server's gzip) until the network is idle.`,
  "",
  "| page | usable | FCP | transfer | usable, each run |",
  "|---|---:|---:|---:|---|",
  ...firstVisits.map(
    (v) =>
      `| ${v.name} (/${v.path}) | ${v.usableMs} ms | ${v.fcpMs ?? "–"} ms | ${v.bytes} B (${kib(v.bytes)}) | ${v.samples.usableMs.join(", ")} ms |`,
  ),
  "",
  "Before the app: a scripted tap on the plain page as soon as it can land. First answer: the first statement's answer chosen; the app holds it: the app, arrived, has kept it as the quiz in progress; the breath moves: the plain guide's circle has begun.",
  "",
  "| moment | median | each run |",
  "|---|---:|---|",
  ...firstVisits.flatMap((v) =>
    Object.keys(FIRST_VISIT.find((f) => f.name === v.name).moments ?? {}).map(
      (k) => `| ${v.name}: ${k} | ${v[k]} ms | ${v.samples[k].join(", ")} ms |`,
    ),
  ),
  ...(peerRatio
    ? ["", `Against the peer in the same run: Steady's first answer is ${peerRatio.firstAnswer}× the peer's (goal ≤ 0.6); the app holding it, ${peerRatio.appHolds}× the peer's first answer.`]
    : []),
  "",
  ...interactionRows,
  ...lighthouseRows,
  "| budget | value | limit | |",
  "|---|---:|---:|---|",
  ...checks.map(
    (c) => `| ${c.name} | ${withUnit(c.value, c.unit)} | ${c.kind === "max" ? "≤" : "≥"} ${withUnit(c.budget, c.unit)} | ${c.ok ? "ok" : "OVER"} |`,
  ),
  "",
].join("\n");
writeFileSync(join(outDir, "latest.md"), md);
console.log(md);
