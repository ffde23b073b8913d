import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Page } from "@playwright/test";
import { test, expect, appReady } from "./fixtures";

// The help page covers six countries and everywhere else, and puts the
// reader's own place first (guessed from the browser's language region).
// The couple tools and articles say first that they are only for
// relationships where both people feel safe, and link to the help page's
// section on abuse.

const SAFE_ID = "if-you-dont-feel-safe-with-someone";
const PLACES = ["United States", "Canada", "United Kingdom", "Ireland", "Australia", "New Zealand", "Anywhere else"];
const ABUSE = [
  "In the United States",
  "In Canada",
  "In the United Kingdom",
  "In Ireland",
  "In Australia",
  "In New Zealand",
  "Everywhere else",
];

/** The help page's `##` headings, in page order. */
async function sections(page: Page) {
  return (await page.locator("main .prose h2").allInnerTexts()).map((t) => t.trim());
}

/** The `###` headings under "If you don't feel safe with someone". */
async function abuseSections(page: Page) {
  return (await page.locator("main .prose h3").allInnerTexts()).map((t) => t.trim());
}

/** `order` with `first` moved to the front. */
function firstThen(first: string, order: string[]) {
  return [first, ...order.filter((p) => p !== first)];
}

const cases: { locale: string; place: string; abuse: string }[] = [
  { locale: "en-US", place: "United States", abuse: "In the United States" },
  { locale: "en-GB", place: "United Kingdom", abuse: "In the United Kingdom" },
  { locale: "en-AU", place: "Australia", abuse: "In Australia" },
  { locale: "en-NZ", place: "New Zealand", abuse: "In New Zealand" },
  { locale: "fr-CA", place: "Canada", abuse: "In Canada" },
  { locale: "en-IE", place: "Ireland", abuse: "In Ireland" },
  // A region the page has no section for: the EU's 112 and the directory first.
  { locale: "de-DE", place: "Anywhere else", abuse: "Everywhere else" },
];

for (const { locale, place, abuse } of cases) {
  test.describe(`help for a reader with ${locale}`, () => {
    test.use({ locale });

    test(`puts ${place} first and keeps every other place`, async ({ page }) => {
      await page.goto("help");
      await appReady(page);
      const h2 = await sections(page);
      expect(h2.slice(0, PLACES.length)).toEqual(firstThen(place, PLACES));
      expect(h2.slice(PLACES.length, PLACES.length + 1)).toEqual(["If you don\u2019t feel safe with someone"]);
      expect(await abuseSections(page)).toEqual(firstThen(abuse, ABUSE));
    });
  });
}

test.describe("help for a reader whose language names no region", () => {
  test.use({ locale: "en" });

  test("keeps the fixed order", async ({ page }) => {
    await page.goto("help");
    await appReady(page);
    expect((await sections(page)).slice(0, PLACES.length)).toEqual(PLACES);
    expect(await abuseSections(page)).toEqual(ABUSE);
  });
});

test.describe("help in the UK", () => {
  test.use({ locale: "en-GB" });

  test("every other country is one tap away", async ({ page }) => {
    await page.goto("help");
    await appReady(page);
    for (const place of ["Australia", "United States", "New Zealand"]) {
      await page.locator("main .prose p").filter({ hasText: "Find your country" }).getByRole("link", { name: place, exact: true }).click();
      await expect(page.getByRole("heading", { name: place, exact: true })).toBeInViewport();
      await page.evaluate(() => window.scrollTo(0, 0));
    }
    // The UK's own abuse lines are one tap from its crisis lines.
    await page.getByRole("link", { name: "help in the United Kingdom" }).click();
    await expect(page.getByRole("heading", { name: "In the United Kingdom" })).toBeInViewport();
    await expect(page.getByRole("link", { name: "0808 2000 247" })).toHaveAttribute("href", "tel:08082000247");
  });
});

test.describe("the static help page, JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("lists every country in the fixed order", async ({ page }) => {
    const res = await page.goto("help");
    expect(res?.status()).toBe(200);
    expect((await sections(page)).slice(0, PLACES.length + 1)).toEqual([
      ...PLACES,
      "If you don\u2019t feel safe with someone",
    ]);
    expect(await abuseSections(page)).toEqual(ABUSE);
    // A few lines from different countries, as call and text links.
    for (const [name, href] of [
      ["988", "tel:988"],
      ["116 123", "tel:116123"],
      ["85258", "sms:85258"],
      ["13 11 14", "tel:131114"],
      ["1737", "tel:1737"],
      ["1-800-799-7233", "tel:18007997233"],
      ["1800 737 732", "tel:1800737732"],
    ]) {
      await expect(page.getByRole("link", { name, exact: true }).first(), name).toHaveAttribute("href", href);
    }
    await expect(page.getByRole("link", { name: "findahelpline.com" }).first()).toHaveAttribute(
      "href",
      "https://findahelpline.com",
    );
  });

  test("the app takes over the help page without moving it, for the fixed order's first country", async ({
    page,
    browser,
    baseURL,
    viewport,
    isMobile,
    hasTouch,
  }) => {
    await page.goto("help");
    const still = {
      text: await page.locator("main article").innerText(),
      h1: await page.locator("main h1").boundingBox(),
      safe: await page.locator(`main h2#${SAFE_ID}`).boundingBox(),
    };
    const open = (locale: string) =>
      browser.newContext({ baseURL, viewport, isMobile, hasTouch, locale, javaScriptEnabled: true });
    const us = await open("en-US");
    const live = await us.newPage();
    await live.goto("help");
    await appReady(live);
    expect(await live.locator("main article").innerText()).toBe(still.text);
    expect(await live.locator("main h1").boundingBox()).toEqual(still.h1);
    expect(await live.locator(`main h2#${SAFE_ID}`).boundingBox()).toEqual(still.safe);
    await us.close();
    // Elsewhere the order changes, but not one line is lost or added.
    const gb = await open("en-GB");
    const moved = await gb.newPage();
    await moved.goto("help");
    await appReady(moved);
    const lines = (t: string) => t.split("\n").filter((l) => l.trim()).sort();
    const text = await moved.locator("main article").innerText();
    expect(text).not.toBe(still.text);
    expect(lines(text)).toEqual(lines(still.text));
    await gb.close();
  });
});

// Every tool `content/practice/tools.toml` names as meant for couples.
const coupleTools = (() => {
  const toml = readFileSync(resolve(import.meta.dirname, "../../content/practice/tools.toml"), "utf8");
  const list = /\[couple_safety\][^[]*?tools = \[([^\]]*)\]/.exec(toml)?.[1] ?? "";
  return [...list.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
})();

test("the couple tools are the repair scripts and the agreement, at least", () => {
  expect(coupleTools).toEqual(expect.arrayContaining(["repair", "couple-agreement"]));
});

for (const slug of coupleTools) {
  test(`the ${slug} tool says first that it is for relationships where both feel safe`, async ({ page }) => {
    await page.goto(`practice/${slug}`);
    await appReady(page);
    const note = page.getByRole("note").filter({ hasText: "both feel safe" });
    await expect(note).toBeVisible();
    await expect(note).toContainText("money or phone");
    await expect(note).toContainText("planning to leave never breaks the bubble or threatens the bond");
    // Before the tool's own words: nothing of the tool comes first.
    const before = await note.evaluate((n) => {
      const lead = document.querySelector("main .lead");
      const tool = document.querySelector("main .tool");
      const follows = (x: Element | null) => !!x && !!(n.compareDocumentPosition(x) & Node.DOCUMENT_POSITION_FOLLOWING);
      return follows(lead) && follows(tool);
    });
    expect(before).toBe(true);
    await note.getByRole("link", { name: "If you don\u2019t feel safe with someone" }).click();
    await expect(page).toHaveURL(new RegExp(`/help#${SAFE_ID}$`));
    await expect(page.getByRole("heading", { name: "If you don\u2019t feel safe with someone" })).toBeInViewport();
  });
}

for (const [slug, bubble] of [
  ["couple-bubble", "never breaking the bubble or threatening the bond"],
  ["repair-after-rupture", "never breaks a couple bubble"],
]) {
  test(`the ${slug} article opens with the safety note`, async ({ page }) => {
    await page.goto(`learn/${slug}`);
    await appReady(page);
    const first = page.locator("main .prose > p").first();
    await expect(first).toContainText("both");
    await expect(first).toContainText("feel safe");
    await expect(first).toContainText("money and phone");
    await expect(first).toContainText(/plan(ning)? to leave/);
    await expect(first).toContainText(bubble);
    await expect(first.getByRole("link", { name: "If you don\u2019t feel safe with someone" })).toHaveAttribute(
      "href",
      `help#${SAFE_ID}`,
    );
  });
}

test("the couple bubble does not send everyone to couples therapy", async ({ page }) => {
  await page.goto("learn/couple-bubble");
  await appReady(page);
  const section = page.locator("main .prose h2:has-text('partner isn') + p + p");
  await expect(section).toContainText("not advised where there is abuse");
  await expect(section.getByRole("link", { name: "If you don\u2019t feel safe with someone" })).toBeVisible();
});
