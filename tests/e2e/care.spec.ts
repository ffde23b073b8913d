import type { Page } from "@playwright/test";
import { test, expect, appReady, storeResults, BUILT } from "./fixtures";

// The help page covers 27 places and everywhere else, and puts the
// reader's own place first (guessed from the browser's language region).
// The couple tools and articles say first that they are only for
// relationships where both people feel safe, and link to the help page's
// section on abuse.

const SAFE_ID = "if-you-dont-feel-safe-with-someone";
const PLACES = [
  "United States",
  "Canada",
  "United Kingdom",
  "Ireland",
  "Australia",
  "New Zealand",
  "France",
  "Germany",
  "The Netherlands",
  "Belgium",
  "Austria",
  "Switzerland",
  "Spain",
  "Italy",
  "Poland",
  "Sweden",
  "Norway",
  "Finland",
  "South Africa",
  "Kenya",
  "India",
  "Japan",
  "South Korea",
  "Hong Kong",
  "The Philippines",
  "Brazil",
  "Colombia",
  "Anywhere else",
];
/** The `##` sections between the places and the abuse lines. */
const AFTER_PLACES = ["For young people", "For LGBTQ+ people", "After a loss", "If you don\u2019t feel safe with someone"];
const PHONE = "If someone checks your phone";
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

/** The places' own `###` abuse sections under "If you don't feel safe with someone". */
async function abuseSections(page: Page) {
  const h3 = (await page.locator("main .prose h3").allInnerTexts()).map((t) => t.trim());
  expect(h3[0]).toBe(PHONE);
  return h3.slice(1);
}

/** `order` with `first` moved to the front. */
function firstThen(first: string, order: string[]) {
  return [first, ...order.filter((p) => p !== first)];
}

const cases: { locale: string; place: string; abuse: string | null }[] = [
  { locale: "en-US", place: "United States", abuse: "In the United States" },
  { locale: "en-GB", place: "United Kingdom", abuse: "In the United Kingdom" },
  { locale: "en-AU", place: "Australia", abuse: "In Australia" },
  { locale: "en-NZ", place: "New Zealand", abuse: "In New Zealand" },
  { locale: "fr-CA", place: "Canada", abuse: "In Canada" },
  { locale: "en-IE", place: "Ireland", abuse: "In Ireland" },
  // A place whose abuse line sits in its own section: the abuse group keeps its order.
  { locale: "de-DE", place: "Germany", abuse: null },
  { locale: "pt-BR", place: "Brazil", abuse: null },
  { locale: "en-ZA", place: "South Africa", abuse: null },
  // A region the page has no section for: the EU's 112 and the directory first.
  { locale: "es-MX", place: "Anywhere else", abuse: "Everywhere else" },
];

for (const { locale, place, abuse } of cases) {
  test.describe(`help for a reader with ${locale}`, () => {
    test.use({ locale });

    test(`puts ${place} first and keeps every other place`, async ({ page }) => {
      await page.goto("help");
      await appReady(page);
      const h2 = await sections(page);
      expect(h2.slice(0, PLACES.length)).toEqual(firstThen(place, PLACES));
      expect(h2.slice(PLACES.length, PLACES.length + AFTER_PLACES.length)).toEqual(AFTER_PLACES);
      expect(await abuseSections(page)).toEqual(abuse ? firstThen(abuse, ABUSE) : ABUSE);
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
    await expect(page.getByRole("link", { name: "Call 0808 2000 247" })).toHaveAttribute("href", "tel:08082000247");
  });
});

test.describe("the static help page, JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("lists every country in the fixed order", async ({ page }) => {
    const res = await page.goto("help");
    expect(res?.status()).toBe(200);
    expect((await sections(page)).slice(0, PLACES.length + AFTER_PLACES.length)).toEqual([...PLACES, ...AFTER_PLACES]);
    expect(await abuseSections(page)).toEqual(ABUSE);
    // A few lines from different countries, as call and text buttons.
    for (const [name, href] of [
      ["Call 988", "tel:988"],
      ["Text 988", "sms:988"],
      ["Call 116 123", "tel:116123"],
      ["Text SHOUT to 85258", "sms:85258"],
      ["Call 13 11 14", "tel:131114"],
      ["Call 1737", "tel:1737"],
      ["Call 1-800-799-7233", "tel:18007997233"],
      ["Call 1800 737 732", "tel:1800737732"],
      ["Call 3114", "tel:3114"],
      ["Call 0800 567 567", "tel:0800567567"],
      ["Call 188", "tel:188"],
      ["Call 0800 1111", "tel:08001111"],
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

// Every tool meant for couples, from the build.
const coupleTools = BUILT.tools.filter((t) => t.couples).map((t) => t.slug);

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

// ---------------------------------------------------------------------------
// The reader who is afraid of the person they answer about, or grieving.

const AFRAID = "If you are afraid of the person you have in mind, that fear may be about real danger, not a style.";

test("the quiz intro says, before the start, that fear of the person may be danger, linked to help", async ({ page }) => {
  await page.goto("quiz");
  await appReady(page);
  const line = page.locator(".quiz-intro .afraid-line");
  await expect(line).toContainText(AFRAID);
  await expect(line).toContainText("This quiz cannot tell whether a relationship is safe.");
  await expect(line.getByRole("link", { name: "If you don\u2019t feel safe with someone" })).toHaveAttribute(
    "href",
    new RegExp(`/help#${SAFE_ID}$`),
  );
  // It comes before the choice of relationship and the Start button.
  const lineBox = (await line.boundingBox())!;
  const startBox = (await page.getByRole("button", { name: "Start the quiz" }).boundingBox())!;
  expect(lineBox.y).toBeLessThan(startBox.y);
  // The grieving reader is told what to choose, and that grief is not measured.
  await expect(page.locator("#focus-loss")).toContainText("has died or left your life");
  await expect(page.getByRole("radio", { name: "A partner" })).toHaveAttribute("aria-describedby", "focus-hint focus-loss");
  await expect(page.locator(".quiz-facts")).toContainText("It cannot tell whether you are safe. It does not measure grief or health.");
});

test.describe("the static quiz page, JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("carries the same safety line", async ({ page }) => {
    await page.goto("quiz");
    await expect(page.locator(".afraid-line")).toContainText(AFRAID);
    // The same absolute link the app renders, under the base path.
    await expect(page.locator(".afraid-line a")).toHaveAttribute("href", new RegExp(`/help#${SAFE_ID}$`));
  });
});

/** Stores one result of the current bank and opens it. */
async function openResult(page: Page, anxiety: number, avoidance: number) {
  await storeResults(page, [
    { id: "r1", focus: "partner", taken_at: 1780000000000, scores: { anxiety, avoidance }, answers: {}, answered: 36, of: 36, bank: 3 },
  ]);
  await page.goto("quiz/result/r1");
  await appReady(page);
}

test("every result's care note names fear and grief before the style, each linked to help", async ({ page }) => {
  await openResult(page, 30, 30);
  const care = page.locator("aside.care-note");
  await expect(care).toContainText("This is self-reflection, not a diagnosis.");
  await expect(care.locator(".afraid-line")).toContainText(AFRAID);
  await expect(care.getByRole("link", { name: "If you don\u2019t feel safe with someone" })).toHaveAttribute(
    "href",
    new RegExp(`/help#${SAFE_ID}$`),
  );
  await expect(care.locator(".grief-line")).toContainText("Strong longing after a death or a break-up is grief");
  await expect(care.getByRole("link", { name: "Support after a loss" })).toHaveAttribute("href", /\/help#after-a-loss$/);
  const careBox = (await care.boundingBox())!;
  const styleBox = (await page.locator("#style-heading").boundingBox())!;
  expect(careBox.y).toBeLessThan(styleBox.y);
  // The link lands on the section it names.
  await care.getByRole("link", { name: "Support after a loss" }).click();
  await expect(page.getByRole("heading", { name: "After a loss" })).toBeInViewport();
});

test("the fearful result puts its safety sentence first", async ({ page }) => {
  await openResult(page, 60, 60);
  await expect(page.getByRole("heading", { name: "Closest style: Fearful-avoidant" })).toBeVisible();
  const meaning = page.locator("section[aria-labelledby=style-heading] > p").filter({ hasText: "afraid" }).first();
  await expect(meaning).toHaveText(/^If you feel afraid of someone close to you now, start with the help page\./);
});

// ---------------------------------------------------------------------------
// "I'm activated" has a way out, and never praises a feeling that has not eased.

async function throughTheSteps(page: Page, before: string) {
  await page.goto("practice/activated");
  await appReady(page);
  await page.locator("#activated-before").getByRole("radio", { name: before, exact: true }).check();
  for (let n = 1; n <= 5; n++) {
    await expect(page.getByText(`Step ${n} of 5`)).toBeVisible();
    if (n === 4) {
      const exit = page.locator(".activated-step .safety-note");
      await expect(exit).toContainText("If this is about how you are treated, or you feel afraid, your alarm may be right. Skip this step.");
      await expect(exit.getByRole("link")).toHaveAttribute("href", new RegExp(`/help#${SAFE_ID}$`));
    }
    await page.getByRole("button", { name: "Skip this step" }).click();
  }
  await expect(page.getByRole("heading", { name: "The steps are done" })).toBeVisible();
}

for (const [before, after] of [
  ["6", "9"],
  ["9", "8"],
  ["3", "5"],
]) {
  test(`'I'm activated' rated ${before} then ${after} ends with kind words and the way to help`, async ({ page }) => {
    await throughTheSteps(page, before);
    await page.locator("#activated-after").getByRole("radio", { name: after, exact: true }).check();
    const ending = page.locator(".activated-ending");
    await expect(ending).toContainText("This is still hard");
    await expect(ending).toContainText("That is not a failure");
    await expect(ending.getByRole("link", { name: "Find help now" })).toHaveAttribute("href", /\/help$/);
    await expect(page.locator("main")).not.toContainText("You came through it");
    await expect(page.locator("main")).not.toContainText("It has come down");
  });
}

test("'I'm activated' at the same rating as before says it has not shifted yet, gently, with the way to help", async ({ page }) => {
  await throughTheSteps(page, "5");
  await page.locator("#activated-after").getByRole("radio", { name: "5", exact: true }).check();
  const ending = page.locator(".activated-ending");
  await expect(ending).toContainText("It has not shifted yet. That is all right");
  await expect(ending.getByRole("link", { name: "Find help now" })).toHaveAttribute("href", /\/help$/);
  await expect(ending).not.toContainText("emergency number");
  await expect(page.locator("main")).not.toContainText("You came through it");
});

test("'I'm activated' that eased says by how much, and names no help it does not need", async ({ page }) => {
  await throughTheSteps(page, "7");
  await expect(page.locator(".activated-ending")).toContainText("Rate the feeling once more");
  await page.locator("#activated-after").getByRole("radio", { name: "3", exact: true }).check();
  await expect(page.locator(".activated-ending")).toContainText("It has come down 4 points.");
  await expect(page.locator(".activated-ending")).not.toContainText("This is still hard");
});

test("opposite action and kinder readings say first that they are for safe relationships", async ({ page }) => {
  await page.goto("practice/opposite-action");
  await appReady(page);
  const note = page.locator(".safety-note");
  await expect(note).toContainText("Opposite action is for feelings that do not fit the facts (Linehan, 2015).");
  await expect(note).toContainText("If you want to pull away from someone who is unkind, controlling or frightening, that urge fits the facts.");
  await page.goto("practice/reframe");
  await appReady(page);
  await expect(page.locator(".safety-note")).toContainText("Kinder readings are for relationships where you feel safe.");
});

/** Whether the element right after the row holding the button `start` is a tool's stop note. */
async function stopNoteFollows(page: Page, start: string) {
  return page.evaluate((name) => {
    const button = [...document.querySelectorAll("main button")].find((b) => b.textContent?.trim() === name)!;
    return button.closest(".actions")!.nextElementSibling?.classList.contains("stop-note") ?? false;
  }, start);
}

test("the body scan's stop note is shown where it is set up, next to Start", async ({ page }) => {
  await page.goto("practice/body-scan");
  await appReady(page);
  const stop = page.locator(".tool-setup .stop-note");
  await expect(stop).toContainText("If it brings up distress, old memories or dizziness, stop.");
  // Right after Start in reading order, before any other control.
  expect(await stopNoteFollows(page, "Start the body scan")).toBe(true);
  await expect(stop).toBeVisible();
});

// ---------------------------------------------------------------------------
// Help in every country, and buttons a shaking thumb can hit.

test("every number on the help page is a Call or Text button at least 44 px tall", async ({ page }) => {
  await page.goto("help");
  await appReady(page);
  const phones = page.locator('main a[href^="tel:"], main a[href^="sms:"]');
  const n = await phones.count();
  expect(n).toBeGreaterThan(60);
  for (let i = 0; i < n; i++) {
    const link = phones.nth(i);
    const href = (await link.getAttribute("href"))!;
    const name = (await link.innerText()).trim();
    expect(name, href).toMatch(href.startsWith("tel:") ? /^Call / : /^Text /);
    // The button calls the number it shows.
    expect(name.replace(/\D/g, "").endsWith(href.replace(/\D/g, "")), `${name} -> ${href}`).toBe(true);
    const box = (await link.boundingBox())!;
    expect(box.height, name).toBeGreaterThanOrEqual(44);
    expect(box.width, name).toBeGreaterThanOrEqual(44);
  }
  // 988's "press 3" option ended in July 2025: the page must not offer it.
  await expect(page.locator("main")).not.toContainText("press 3");
});

test("the help page has lines for young people, LGBTQ+ people and after a loss", async ({ page }) => {
  await page.goto("help");
  await appReady(page);
  for (const [name, href] of [
    ["Call 0800 1111", "tel:08001111"],
    ["Call 1800 55 1800", "tel:1800551800"],
    ["Text 234", "sms:234"],
    ["Text LOVEIS to 22522", "sms:22522"],
    ["Call 1800 184 527", "tel:1800184527"],
    ["Call 0808 808 1677", "tel:08088081677"],
    ["Call 1800 80 70 77", "tel:1800807077"],
  ]) {
    await expect(page.getByRole("link", { name, exact: true }).first(), name).toHaveAttribute("href", href);
  }
  await expect(page.locator("#after-a-loss + p")).toContainText("Grief is not an attachment style");
});

test("the monitored-phone advice says what lingers, syncs and stays in history, and what the lock hides", async ({ page }) => {
  await page.goto("help");
  await appReady(page);
  const phone = page.locator("main .prose").getByRole("heading", { name: "If someone checks your phone" });
  await expect(phone).toBeVisible();
  const prose = page.locator("main .prose");
  for (const words of [
    "Changes can be noticed.",
    "Deleting is not always enough.",
    "Accounts sync.",
    "A work phone may be watched.",
    "including this one and every page of Steady, stays in the browser\u2019s history",
    "Keyboards learn.",
    "They are hidden only while locked",
    "The lock does not hide that Steady is on the phone",
    "If someone can make you tell them the passphrase, the lock cannot protect you.",
  ]) {
    await expect(prose).toContainText(words);
  }
  await expect(prose).not.toContainText("delete just that one call");
});

test("a retake says a move under one point is about the same, on the result and on the chart", async ({ page }) => {
  await storeResults(page, [
    { id: "r1", focus: "partner", taken_at: 1780000000000, scores: { anxiety: 58, avoidance: 30 }, answers: {}, answered: 36, of: 36, bank: 3 },
    { id: "r2", focus: "partner", taken_at: 1782000000000, scores: { anxiety: 50, avoidance: 29 }, answers: {}, answered: 36, of: 36, bank: 3 },
  ]);
  await page.goto("quiz/result/r2");
  await appReady(page);
  await expect(page.locator(".change-note")).toContainText("A move of less than 1.0 on a dimension reads as about the same");
  // 5.8 to 5.0 is under the threshold; the plane's description says so.
  await expect(page.locator("#result-plane-desc")).toContainText("anxiety went from 5.8 to 5.0 (about the same)");
  await page.goto("progress");
  await appReady(page);
  await expect(page.locator(".trend-band-note").first()).toContainText("Shaded: less than 1.0 from the first result");
});

test("the wait timer says, right after Start, that a fast reply out of fear is not an urge to train away", async ({ page }) => {
  await page.goto("practice/wait");
  await appReady(page);
  const note = page.locator(".stop-note");
  await expect(note).toContainText("If you feel you must reply fast because you fear how someone will react");
  expect(await stopNoteFollows(page, "Start waiting")).toBe(true);
});
