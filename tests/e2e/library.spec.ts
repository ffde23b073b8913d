import { test, expect, appReady } from "./fixtures";

const BASE = process.env.STEADY_BASE ?? "/steady/";

test("every article in the library opens with its title", async ({ page, isMobile }) => {
  test.skip(isMobile, "one pass over every article is enough; desktop runs it");
  // Nineteen full page loads, each compiling the wasm afresh.
  test.setTimeout(120_000);
  await page.goto("learn");
  await appReady(page);
  const cards = page.locator(".card-title a");
  const articles = await cards.evaluateAll((as) =>
    as.map((a) => ({ title: a.textContent!.trim(), href: (a as HTMLAnchorElement).getAttribute("href")! })),
  );
  expect(articles.length).toBeGreaterThanOrEqual(18);
  for (const { title, href } of articles) {
    expect(href.startsWith(`${BASE}learn/`), href).toBe(true);
    await page.goto(href.slice(BASE.length));
    // The static page shows the same title before the app starts: wait for the app.
    await appReady(page);
    await expect(page.locator("h1"), href).toHaveText(title);
    await expect(page).toHaveTitle(`${title} · Steady`);
    // Every article ends by pointing at something to do.
    await expect(page.getByRole("heading", { name: "Try this now" }), href).toBeVisible();
  }
});

test("search finds an article by a word only in its body, as you type", async ({ page }) => {
  await page.goto("learn");
  await appReady(page);
  const box = page.getByRole("searchbox", { name: "Search the library" });
  // "mentaliz" appears in the body of the FAQ, not in its title or summary.
  await box.pressSequentially("mentaliz");
  await expect(page.getByRole("status").filter({ hasText: /match/ })).toContainText(/\d+ articles? match/);
  await expect(page.locator(".card-title").filter({ hasText: "Questions people often ask" })).toBeVisible();
  await box.fill("zzzqqq");
  await expect(page.getByText("No article matches.")).toBeVisible();
  await box.fill("");
  await expect(page.getByRole("heading", { name: "The basics" })).toBeVisible();
});

test("the style filter narrows the shelves", async ({ page }) => {
  await page.goto("learn");
  await appReady(page);
  const card = (t: string) => page.locator(".card-title").filter({ hasText: t });
  await expect(card("Avoidant attachment")).toHaveCount(1);
  await page.getByRole("radio", { name: "Anxious", exact: true }).check();
  await expect(card("Anxious attachment")).toHaveCount(1);
  await expect(card("Avoidant attachment")).toHaveCount(0);
});

test("the library opens on everything, and says so when it shows one style", async ({ page }) => {
  await page.goto("learn");
  await appReady(page);
  const cards = page.locator(".card-title");
  const all = await cards.count();
  expect(all).toBeGreaterThanOrEqual(18);
  const status = page.getByRole("status").filter({ hasText: /Showing/ });
  await expect(status).toHaveText(`Showing ${all} of ${all} articles.`);
  await expect(page.getByRole("radio", { name: "Everything" })).toBeChecked();
  // Without a result there is no style of one's own to offer.
  await expect(page.getByRole("button", { name: /For my style/ })).toHaveCount(0);

  await page.evaluate(() =>
    localStorage.setItem(
      "steady.quiz.results",
      JSON.stringify({ v: 1, data: [{ id: "r1", focus: "general", taken_at: 1, scores: { anxiety: 52, avoidance: 21 }, answers: {}, answered: 36, of: 36 }] }),
    ),
  );
  await page.reload();
  await appReady(page);
  // A result does not narrow the library by itself.
  await expect(status).toHaveText(`Showing ${all} of ${all} articles.`);
  await expect(page.getByRole("radio", { name: "Everything" })).toBeChecked();
  const mine = page.getByRole("button", { name: "For my style (Anxious)" });
  await mine.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Showing: Anxious (your latest result)")).toBeVisible();
  await expect(page.getByRole("radio", { name: "Anxious", exact: true })).toBeChecked();
  const shown = await cards.count();
  expect(shown).toBeLessThan(all);
  await expect(status).toHaveText(`Showing ${shown} of ${all} articles.`);
  await expect(cards.filter({ hasText: "Avoidant attachment" })).toHaveCount(0);
  // The same button, now "Show all", keeps the focus.
  const showAll = page.getByRole("button", { name: "Show all" });
  await expect(showAll).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(status).toHaveText(`Showing ${all} of ${all} articles.`);
  await expect(page.getByRole("radio", { name: "Everything" })).toBeChecked();
  await expect(mine).toBeFocused();

  // Another style chosen by hand says it is not the latest result's.
  await page.getByRole("radio", { name: "Avoidant", exact: true }).check();
  await expect(page.getByText("Showing: Avoidant", { exact: true })).toBeVisible();
  await showAll.click();
  await expect(status).toHaveText(`Showing ${all} of ${all} articles.`);
});

test("related links and in-text links navigate without a reload", async ({ page }) => {
  await page.goto("learn/anxious-attachment");
  await appReady(page);
  await page.evaluate(() => ((window as any).__stayed = true));
  const related = page.getByRole("complementary").getByRole("link").first();
  const title = (await related.textContent())!.trim();
  await related.click();
  await expect(page.locator("h1")).toHaveText(title);
  await page.locator(".prose a[href^='learn/']").first().click();
  await expect(page.locator("h1")).not.toHaveText(title);
  expect(await page.evaluate(() => (window as any).__stayed)).toBe(true);
  expect(new URL(page.url()).pathname.startsWith(`${BASE}learn/`)).toBe(true);
});

test("a heading links to its own section on the same page", async ({ page }) => {
  await page.goto("learn/secure-attachment");
  await appReady(page);
  await page.getByRole("link", { name: "Where it comes from" }).click();
  const url = new URL(page.url());
  expect(url.pathname).toBe(`${BASE}learn/secure-attachment`);
  expect(url.hash).toBe("#where-it-comes-from");
  await expect(page.locator("h1")).toHaveText("What secure attachment is");
});

test.describe("static pages, written at build time", () => {
  test.use({ javaScriptEnabled: false });

  test("an article and the help page read with JavaScript off", async ({ page }) => {
    const article = await page.goto("learn/secure-attachment");
    expect(article?.status()).toBe(200);
    await expect(page.locator("h1")).toHaveText("What secure attachment is");
    await expect(page).toHaveTitle("What secure attachment is · Steady");
    await expect(page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Learn" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await expect(page.getByRole("heading", { name: "Related reading" })).toBeVisible();
    // The skip link stays on this page (a bare "#main" would resolve to home).
    expect(await page.locator(".skip-link").evaluate((a) => (a as HTMLAnchorElement).href)).toMatch(
      /\/learn\/secure-attachment#main$/,
    );
    // A related link leads to another static article.
    await page.getByRole("complementary").getByRole("link").first().click();
    await expect(page.locator("h1")).not.toHaveText("What secure attachment is");
    await expect(page.locator("main article .prose p").first()).toBeVisible();

    const help = await page.goto("help");
    expect(help?.status()).toBe(200);
    await expect(page.locator("h1")).toHaveCount(1);
    await expect(page.getByRole("link", { name: /988/ }).first()).toBeVisible();
  });

  test("the app takes over an article page without moving it", async ({ page, browser, baseURL, viewport, isMobile, hasTouch }) => {
    await page.goto("learn/secure-attachment");
    const still = {
      text: await page.locator("main article").innerText(),
      h1: await page.locator("main h1").boundingBox(),
      related: await page.locator("main .related").boundingBox(),
    };
    // Inside a test, new contexts take this block's options: JavaScript back on.
    const context = await browser.newContext({ baseURL, viewport, isMobile, hasTouch, javaScriptEnabled: true });
    const live = await context.newPage();
    await live.goto("learn/secure-attachment");
    await expect(live.locator(".theme-toggle:not(.is-placeholder)")).toBeVisible();
    expect(await live.locator("main article").innerText()).toBe(still.text);
    expect(await live.locator("main h1").boundingBox()).toEqual(still.h1);
    expect(await live.locator("main .related").boundingBox()).toEqual(still.related);
    await context.close();
  });
});

test("the library's own route opens with or without a slash", async ({ page }) => {
  // A learn/ folder of static articles makes Pages redirect learn to learn/.
  for (const path of ["learn", "learn/"]) {
    await page.goto(path);
    await appReady(page);
    await expect(page.locator("h1"), path).toHaveText("Learn");
  }
});
