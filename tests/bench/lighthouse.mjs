// Lighthouse for `cargo xtask bench`: each page is audited `runs` times in
// Debian's Chromium (headless, launched here with the flags that work on
// these machines), with Lighthouse's defaults: a mobile phone, simulated
// throttling (slow 4G, 4x CPU), storage reset before each run. Every figure
// reported is the median of its runs, taken figure by figure.
// Lighthouse lives in tests/bench/package.json, apart from the test packages.
import lighthouse from "lighthouse";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const METRICS = {
  fcpMs: "first-contentful-paint",
  lcpMs: "largest-contentful-paint",
  tbtMs: "total-blocking-time",
  cls: "cumulative-layout-shift",
};
const FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Chromium with a DevTools port for Lighthouse, in a throwaway profile. */
async function launchChromium() {
  const profile = mkdtempSync(join(tmpdir(), "steady-lighthouse-"));
  const chromium = spawn(
    process.env.CHROME_PATH || process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    [...FLAGS, "--remote-debugging-port=0", `--user-data-dir=${profile}`, "about:blank"],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  const exited = new Promise((resolve) => chromium.once("exit", resolve));
  const port = await new Promise((resolve, reject) => {
    let said = "";
    chromium.stderr.on("data", (chunk) => {
      said += chunk;
      const m = said.match(/DevTools listening on ws:\/\/[^/]+:(\d+)\//);
      if (m) resolve(Number(m[1]));
    });
    exited.then((code) => reject(new Error(`Chromium exited (${code}) before it listened:\n${said}`)));
  });
  return {
    port,
    async close() {
      chromium.kill();
      await exited;
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One run: the four category scores (0-100), the four metrics, and what failed outside performance. */
async function audit(url, port) {
  const { lhr } = await lighthouse(url, { port, logLevel: "error", output: "json", onlyCategories: CATEGORIES });
  if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round(lhr.categories[c].score * 100)]));
  const metrics = Object.fromEntries(Object.entries(METRICS).map(([k, id]) => [k, lhr.audits[id].numericValue]));
  const flagged = CATEGORIES.filter((c) => c !== "performance").flatMap((c) =>
    lhr.categories[c].auditRefs
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
      .map((ref) => `${c}: ${ref.id} (${lhr.audits[ref.id].title})`),
  );
  return { scores, metrics, flagged, version: lhr.lighthouseVersion, formFactor: lhr.configSettings.formFactor, throttling: lhr.configSettings.throttlingMethod };
}

/** Audits each of `pages` ({ name, path }) under `base` `runs` times; medians per figure. */
export async function lighthousePages(base, pages, runs = 3) {
  const chromium = await launchChromium();
  try {
    const results = [];
    let settings;
    for (const { name, path } of pages) {
      const samples = [];
      for (let i = 0; i < runs; i++) samples.push(await audit(base + path, chromium.port));
      const { version, formFactor, throttling } = samples[0];
      settings = { version, formFactor, throttling, runs };
      const pick = (get) => median(samples.map(get));
      results.push({
        name,
        path,
        scores: Object.fromEntries(CATEGORIES.map((c) => [c, pick((s) => s.scores[c])])),
        fcpMs: Math.round(pick((s) => s.metrics.fcpMs)),
        lcpMs: Math.round(pick((s) => s.metrics.lcpMs)),
        tbtMs: Math.round(pick((s) => s.metrics.tbtMs)),
        cls: Math.round(pick((s) => s.metrics.cls) * 1000) / 1000,
        flagged: [...new Set(samples.flatMap((s) => s.flagged))].sort(),
      });
    }
    return { settings, pages: results };
  } finally {
    await chromium.close();
  }
}
