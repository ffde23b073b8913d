import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { test as base, expect, type Page } from "@playwright/test";

// Every test runs under two guards: the page may not log an error or throw,
// and it may not send one request to another origin (Steady sends nothing
// anywhere). A test fails at its end if either happened.
export const test = base.extend<{ guards: void; expectedProblems: RegExp }>({
  // What a test provokes on purpose (a wasm that fails to load logs its
  // failure), named by the test with `test.use`; anything else still fails.
  // By default it matches nothing.
  expectedProblems: [/(?!)/, { option: true }],
  guards: [
    async ({ page, baseURL, expectedProblems }, use) => {
      const origin = new URL(baseURL!).origin;
      const problems: string[] = [];
      page.on("console", (msg) => {
        if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
      });
      page.on("pageerror", (err) => problems.push(`uncaught: ${err.message}`));
      // Every Content-Security-Policy violation becomes a console error, on
      // every page this tab opens.
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) => {
          console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"}`);
        });
      });
      page.on("request", (req) => {
        const url = req.url();
        if (!url.startsWith(origin + "/") && !url.startsWith("data:") && !url.startsWith("blob:")) {
          problems.push(`request left the origin: ${url}`);
        }
      });
      await use();
      // A 404 status for deep links is how Pages serves 404.html; Chromium
      // logs it as a console error, which is expected and not a fault.
      const real = problems.filter((p) => !/status of 404/.test(p) && !expectedProblems.test(p));
      expect(real, "console errors or foreign requests").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Waits until the app (not the static shell) is mounted and the page's
 *  own code has arrived: most routes live in a wasm chunk fetched on first
 *  use, and `<main>` is aria-busy until it is there. Every page has an h1. */
export async function appReady(page: Page) {
  await expect(page.locator(".theme-toggle:not(.is-placeholder)")).toBeVisible();
  await expect(page.locator("main h1").first()).toBeVisible();
  await expect(page.locator("main[aria-busy]")).toHaveCount(0);
}

/** Stores `results` (each as Steady keeps a quiz result) from the progress
 *  page, as if they had been taken here. */
export async function storeResults(page: Page, results: object[]) {
  await page.goto("progress");
  await appReady(page);
  await page.evaluate((data) => localStorage.setItem("steady.quiz.results", JSON.stringify({ v: 1, data })), results);
}

/** The oldest copy of `name` (e.g. "journal") that Steady set aside as
 *  unreadable, or null. Copies are kept under `steady.quarantine.<name>@<ms>`. */
export async function keptAside(page: Page, name: string): Promise<string | null> {
  return page.evaluate((name) => {
    const prefix = `steady.quarantine.${name}@`;
    const keys = Object.keys(localStorage)
      .filter((k) => k.startsWith(prefix))
      .sort((a, b) => parseFloat(a.slice(prefix.length)) - parseFloat(b.slice(prefix.length)));
    return keys.length ? localStorage.getItem(keys[0]) : null;
  }, name);
}

/** Turns the optional lock on from the data page, and returns its section. */
export async function turnLockOn(page: Page, passphrase: string) {
  await page.goto("data");
  await appReady(page);
  const lock = page.locator("section", { has: page.getByRole("heading", { name: "Lock with a passphrase" }) });
  await lock.getByLabel(/^New passphrase \(at least/).fill(passphrase);
  await lock.getByLabel("New passphrase again").fill(passphrase);
  await lock.getByLabel("I understand that a forgotten passphrase cannot be recovered.").check();
  await lock.getByRole("button", { name: "Turn the lock on" }).click();
  await expect(lock.locator(".lock-result")).toContainText("The lock is on.");
  return lock;
}

/** The route table and the static pages of the build under test, as the
 *  release writes them (`dist/routes.json`, from domain/src/routes.rs). */
export interface Built {
  routes: { path: string; chunk: string | null; whileLocked: "opens" | "shows" | "asks"; nav: string | null }[];
  tools: { slug: string; name: string; inTheMoment: boolean; safety: string | null; couples: boolean }[];
  pages: { route: string; title: string; file: string }[];
}

export const BUILT: Built = (() => {
  // As playwright.config.ts finds the release.
  const dist = process.env.STEADY_DIST ?? resolve(import.meta.dirname, "../../target/e2e-dist");
  return JSON.parse(readFileSync(`${dist}/routes.json`, "utf8")) as Built;
})();
