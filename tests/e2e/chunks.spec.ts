import { test, expect, type Page } from "@playwright/test";
import { appReady } from "./fixtures";

// Every section but home, the quiz and help is a wasm chunk fetched the first
// time it opens (src/lazy_pages.rs). A chunk can fail to arrive: offline
// before the service worker kept it, or a new release deployed meanwhile.
// The person gets a plain message and a way to try again, never a crash.
//
// The worker is blocked here so the page's own fetch of the chunk is the one
// that fails (routes do not see a worker's requests). This file uses
// Playwright's own `test`: the failed fetch is logged as a console error on
// purpose, which the shared guard would count as a fault; what must not
// happen, an uncaught error (a wasm panic aborts the app), is checked below.
test.use({ serviceWorkers: "block" });

/** The uncaught errors of `page` (a wasm panic aborts the app and lands here). */
function uncaughtErrors(page: Page): string[] {
  const uncaught: string[] = [];
  page.on("pageerror", (err) => uncaught.push(err.message));
  return uncaught;
}

/** Holds every request for the chunk `name` until the returned function runs. */
async function holdChunk(page: Page, name: string): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(new RegExp(`/${name}\\.wasm$`), async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test("a section whose code does not arrive says so, and Try again brings it", async ({ page }) => {
  const uncaught = uncaughtErrors(page);
  await page.goto("");
  await appReady(page);

  let failing = true;
  await page.route(/\/split_journal\.wasm$/, (route) => (failing ? route.abort("internetdisconnected") : route.continue()));
  const nav = page.getByRole("navigation", { name: "Sections" });
  await nav.getByRole("link", { name: "Journal", exact: true }).click();
  const heading = page.locator("main h1");
  await expect(heading).toHaveText("This page didn't load");
  // Focus goes to the heading of what did arrive, as after any navigation.
  await expect(heading).toBeFocused();
  await expect(page.locator("main")).not.toHaveAttribute("aria-busy", "true");
  await expect(page.getByText("Nothing you saved is affected.", { exact: false })).toBeVisible();

  const again = page.getByRole("button", { name: "Try again" });
  await again.click();
  await expect(page.getByRole("status").filter({ hasText: "It still didn't load" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Reload Steady" })).toBeVisible();

  // Back online: the same button brings the page in place.
  failing = false;
  await again.click();
  await expect(heading).toHaveText("Journal");
  await expect(page.getByRole("button", { name: "Try again" })).toHaveCount(0);
  // The button that had focus went with the message: focus is on the page.
  await expect(heading).toBeFocused();

  // The rest of the app kept working throughout.
  await nav.getByRole("link", { name: "Quiz", exact: true }).click();
  await expect(heading).toHaveText("Attachment quiz");
  expect(uncaught).toEqual([]);
});

test("a section opened for the first time on a slow connection shows it is on its way", async ({ page }) => {
  const uncaught = uncaughtErrors(page);
  await page.goto("");
  await appReady(page);
  // Hold the chunk until the busy state has been seen.
  const release = await holdChunk(page, "split_progress");
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Progress", exact: true }).click();
  await expect(page.locator("main")).toHaveAttribute("aria-busy", "true");
  release();
  await expect(page.locator("main h1")).toHaveText("Progress");
  await expect(page.locator("main")).not.toHaveAttribute("aria-busy", "true");
  await expect(page.locator("main h1")).toBeFocused();
  expect(uncaught).toEqual([]);
});

test("leaving while Try again is still on its way does not break the app", async ({ page }) => {
  const uncaught = uncaughtErrors(page);
  await page.goto("");
  await appReady(page);
  let attempts = 0;
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/split_progress\.wasm$/, async (route) => {
    attempts += 1;
    if (attempts === 1) return route.abort("internetdisconnected");
    await held;
    await route.continue();
  });
  const nav = page.getByRole("navigation", { name: "Sections" });
  await nav.getByRole("link", { name: "Progress", exact: true }).click();
  await expect(page.locator("main h1")).toHaveText("This page didn't load");
  await page.getByRole("button", { name: "Try again" }).click();
  await expect.poll(() => attempts).toBe(2);
  // Away before the retry's chunk arrives; then it arrives.
  await nav.getByRole("link", { name: "Quiz", exact: true }).click();
  await expect(page.locator("main h1")).toHaveText("Attachment quiz");
  release();
  // The chunk is in now: Progress opens straight away and the app still works.
  await nav.getByRole("link", { name: "Progress", exact: true }).click();
  await expect(page.locator("main h1")).toHaveText("Progress");
  await expect(page.locator("main")).not.toHaveAttribute("aria-busy", "true");
  expect(uncaught).toEqual([]);
});

test("a deep link to a section keeps its static page until the app can show the same page", async ({ page }) => {
  const uncaught = uncaughtErrors(page);
  const release = await holdChunk(page, "split_learn");
  await page.goto("learn/secure-attachment");
  const article = page.locator("main article");
  const words = await article.innerText();
  // The entry module has started (Trunk's loader sets wasmBindings once the
  // app's start has run) while the article's chunk is still held.
  await page.waitForFunction(() => (window as any).wasmBindings !== undefined);
  await expect(page.locator(".theme-toggle.is-placeholder")).toHaveCount(1);
  expect(await article.innerText()).toBe(words);
  release();
  await expect(page.locator(".theme-toggle:not(.is-placeholder)")).toBeVisible();
  expect(await article.innerText()).toBe(words);
  await expect(page.locator("main")).not.toHaveAttribute("aria-busy", "true");
  expect(uncaught).toEqual([]);
});
