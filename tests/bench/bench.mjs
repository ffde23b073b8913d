// Steady's benchmark: `cargo xtask bench` builds the release under /steady/
// and runs this. It prints every figure against its budget and writes
// bench/latest.json and bench/latest.md so commits can be compared.
// Timings come from headless Chromium on this machine: compare runs on the
// same machine, never across machines.
import { chromium } from "@playwright/test";
import { lighthousePages } from "./lighthouse.mjs";
import { spawn } from "node:child_process";
import { readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { join } from "node:path";

const [dist, outDir] = process.argv.slice(2);
const BASE = "/steady/";
const PORT = 4399;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const KIB = 1024;

const budgets = {
  firstLoadGzip: 200 * KIB,
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

// ---------- a browser against a Pages-like server ----------
// Exactly like Pages: every route answers 200 with its own static page.
const server = spawn("node", [new URL("../e2e/pages-server.mjs", import.meta.url).pathname, dist, String(PORT), BASE], {
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise((resolve) => server.stdout.once("data", resolve));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});

async function fresh() {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: "block" });
  const page = await context.newPage();
  return { context, page };
}
const ready = (page) => page.waitForSelector(".theme-toggle:not(.is-placeholder)");

// First-load transfer of home: every file the browser fetches, as gzip.
const firstLoad = await (async () => {
  const { context, page } = await fresh();
  const files = new Set();
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith(BASE)) files.add(path.slice(BASE.length) || "index.html");
  });
  await page.goto(ORIGIN + BASE);
  await ready(page);
  await page.waitForLoadState("networkidle");
  await context.close();
  const list = [...files].filter((f) => byName[f]).sort();
  return {
    files: list,
    gzip: list.reduce((s, f) => s + byName[f].gzip, 0),
    brotli: list.reduce((s, f) => s + byName[f].brotli, 0),
    raw: list.reduce((s, f) => s + byName[f].raw, 0),
  };
})();

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
const MEASURE = `window.__measure = (selector, act) => new Promise((resolve, reject) => {
  if (!document.querySelector(selector)) return reject(new Error("missing " + selector));
  const channel = new MessageChannel();
  const t0 = performance.now();
  channel.port1.onmessage = () => resolve(performance.now() - t0);
  act();
  requestAnimationFrame(() => channel.port2.postMessage(0));
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

// Quiz: answer to next statement painted, over 36 answers.
const quiz = await (async () => {
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
const route = await (async () => {
  const { context, page } = await fresh();
  await page.goto(ORIGIN + BASE);
  await ready(page);
  await page.evaluate(MEASURE);
  const times = [];
  for (const name of ["Learn", "Practice", "Progress", "Home", "Learn", "Home", "Your data", "Home"]) {
    times.push(
      await page.evaluate(
        (name) => window.__measure("main", () => [...document.querySelectorAll(".site-nav a")].find((a) => a.textContent.trim() === name).click()),
        name,
      ),
    );
  }
  await context.close();
  return stats(times);
})();

// The journal with 5,000 entries: stored bytes, opening it, a search keystroke.
const journal = await (async () => {
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
        window.__measure("main", () => [...document.querySelectorAll(".site-nav a")].find((a) => a.textContent.trim() === "Journal").click()),
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
const lighthouse = await lighthousePages(ORIGIN + BASE, LIGHTHOUSE_PAGES);
server.kill();

// ---------- report ----------
// "max": the value may not exceed the budget; "min": it may not fall below.
const lb = budgets.lighthouse;
const checks = [
  ["first-load transfer of home (gzip)", firstLoad.gzip, budgets.firstLoadGzip, "B"],
  ["quiz answer to next statement, p95", quiz.p95, budgets.quizAnswerP95, "ms"],
  ["journal search keystroke (5,000 entries), p95", journal.search.p95, budgets.searchKeystrokeP95, "ms"],
  ["open the journal (5,000 entries), median", journal.open.p50, budgets.openJournal5000, "ms"],
  ...lighthouse.pages.flatMap((p) => [
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

const result = {
  date: new Date().toISOString(),
  assets,
  firstLoad,
  quiz,
  route,
  journal,
  lighthouse,
  checks,
};
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, "latest.json"), JSON.stringify(result, null, 2) + "\n");

// One row per file, except the static article pages: one row for all of
// them (each is fetched only by someone opening that article).
function assetRows() {
  const pages = assets.filter((a) => a.file.startsWith("learn/"));
  const sum = (k) => pages.reduce((s, a) => s + a[k], 0);
  return [
    ...assets.filter((a) => !a.file.startsWith("learn/")).map((a) => `| ${a.file} | ${a.raw} | ${a.gzip} | ${a.brotli} |`),
    ...(pages.length ? [`| learn/*.html (${pages.length} static pages, sum) | ${sum("raw")} | ${sum("gzip")} | ${sum("brotli")} |`] : []),
  ];
}

const md = [
  "# Steady benchmark",
  "",
  `Run ${result.date} in headless Chromium on this machine (release build under ${BASE}).`,
  "",
  "| asset | raw | gzip | brotli |",
  "|---|---:|---:|---:|",
  ...assetRows(),
  "",
  `First load of home: ${firstLoad.files.length} files, ${firstLoad.raw} B raw, ${firstLoad.gzip} B gzip, ${firstLoad.brotli} B brotli.`,
  "",
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
  "| budget | value | limit | |",
  "|---|---:|---:|---|",
  ...checks.map(
    (c) => `| ${c.name} | ${withUnit(c.value, c.unit)} | ${c.kind === "max" ? "≤" : "≥"} ${withUnit(c.budget, c.unit)} | ${c.ok ? "ok" : "OVER"} |`,
  ),
  "",
].join("\n");
writeFileSync(join(outDir, "latest.md"), md);
console.log(md);
