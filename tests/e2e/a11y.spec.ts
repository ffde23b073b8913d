import AxeBuilder from "@axe-core/playwright";
import { test, expect, appReady, BUILT } from "./fixtures";
import type { Page } from "@playwright/test";

// Accessibility, end to end: axe (WCAG 2.0, 2.1 and 2.2 A and AA) on every
// route and state in every colour theme, the page structure every route
// keeps, keyboard-only walkthroughs, and reduced motion.

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const BASE = process.env.STEADY_BASE ?? "/steady/";

// Every article the build wrote a page for (new articles are covered as they land).
const ARTICLES = BUILT.pages
  .filter((p) => p.route.startsWith("learn/"))
  .map((p) => p.route.slice("learn/".length))
  .sort();
// Every practice tool, from the route table the build wrote.
const PRACTICE_TOOLS = BUILT.tools.map((t) => t.slug);

// ---------- data to seed, in the app's own storage format ----------

const DAY = 86_400_000;
const result = (id: string, daysAgo: number, anxiety: number, avoidance: number) => ({
  id,
  focus: "general",
  taken_at: Date.now() - daysAgo * DAY,
  scores: { anxiety, avoidance },
  answers: {},
  answered: 36,
  of: 36,
});
const RESULTS = [result("r1", 40, 52, 31), result("r2", 2, 44, 27)];

const entry = (id: string, daysAgo: number, kind: string, extra: object) => ({
  id,
  created: Date.now() - daysAgo * DAY,
  updated: Date.now() - daysAgo * DAY,
  kind,
  ...extra,
});
const JOURNAL = [
  entry("e1", 1, "free", { title: "Late reply", body: "They were late and I felt the old knot.", feeling: "anxious", intensity_before: 6, tags: ["evening", "texts"] }),
  entry("e2", 3, "breathing", { body: "Two sighs before the call.", intensity_before: 7, intensity_after: 4 }),
  entry("e3", 9, "trigger", { title: "Dinner", fields: [{ label: "What happened", value: "Plans changed at the last minute." }], tags: ["home"] }),
];
const SELF_CHECKS = [{ id: "s1", taken_at: Date.now() - 5 * DAY, ratings: [2, 3, 1, 2, 4, 3, 2, 1, 0, 2, 3, 4, 2, 1, 3] }];

async function seed(page: Page, values: Record<string, unknown>) {
  await page.evaluate((values) => {
    for (const [key, data] of Object.entries(values)) localStorage.setItem(key, JSON.stringify({ v: 1, data }));
  }, values);
}

/** Opens `route` with `values` already stored. */
async function openWith(page: Page, route: string, values: Record<string, unknown>) {
  await page.goto(route);
  await appReady(page);
  await seed(page, values);
  await page.reload();
  await appReady(page);
}

// ---------- checks ----------

/** axe's WCAG A/AA violations and SVG text contrast, one readable line per element. */
async function axe(page: Page, where: string): Promise<string[]> {
  // Legacy mode runs axe inside the page instead of opening a blank page for
  // every run: twice as fast, and Steady has no frames it would miss.
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG).setLegacyMode(true).analyze();
  return [
    ...violations.flatMap((v) =>
      v.nodes.map(
        (n) => `${where}: ${v.id} (${v.impact}) ${v.help}\n    at ${n.target.join(" ")}\n    ${n.failureSummary?.replace(/\n/g, "\n    ")}`,
      ),
    ),
    ...(await svgText(page, where)),
  ];
}

/** Every colour token (custom property) as computed on <html>, and the page's own colours. */
async function palette(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const names = new Set<string>();
    const walk = (rules: CSSRuleList) => {
      for (const rule of rules) {
        if (rule instanceof CSSStyleRule) {
          for (const name of rule.style) if (name.startsWith("--")) names.add(name);
        } else if (rule instanceof CSSGroupingRule) walk(rule.cssRules);
      }
    };
    for (const sheet of document.styleSheets) walk(sheet.cssRules);
    const html = getComputedStyle(document.documentElement);
    const body = getComputedStyle(document.body);
    const out: Record<string, string> = {
      "color-scheme": html.colorScheme,
      "body background": body.backgroundColor,
      "body color": body.color,
    };
    for (const name of [...names].sort()) out[name] = html.getPropertyValue(name).trim();
    return out;
  });
}

/**
 * axe does not check text inside SVG; the charts' labels and ticks must meet
 * 4.5:1 against whatever is painted beneath them (a region of the plane, or
 * the page).
 */
async function svgText(page: Page, where: string): Promise<string[]> {
  return page.evaluate((where) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 4).map(Number);
    const lum = (c: string) => {
      const [r, g, b] = rgb(c).slice(0, 3).map((x) => {
        const v = x / 255;
        return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const opaque = (c: string) => c.startsWith("rgb") && (rgb(c)[3] ?? 1) > 0;
    const found: string[] = [];
    for (const text of document.querySelectorAll("svg text")) {
      const box = text.getBoundingClientRect();
      if (!box.width) continue;
      const under = document.elementsFromPoint(box.x + box.width / 2, box.y + box.height / 2).filter((e) => e !== text);
      const shape = under.find((e) => e instanceof SVGGeometryElement && opaque(getComputedStyle(e).fill));
      let back = shape ? getComputedStyle(shape).fill : "";
      for (let e: Element | null = shape ? null : text; !back && e; e = e.parentElement) {
        const bg = getComputedStyle(e).backgroundColor;
        if (opaque(bg)) back = bg;
      }
      const [hi, lo] = [lum(getComputedStyle(text).fill), lum(back || "rgb(255,255,255)")].sort((a, b) => b - a);
      const ratio = (hi + 0.05) / (lo + 0.05);
      if (ratio < 4.5) found.push(`${where}: svg text "${text.textContent}" has contrast ${ratio.toFixed(2)} on ${back}`);
    }
    return found;
  }, where);
}

async function toggleTheme(page: Page, to: "light" | "dark") {
  await page.locator(".theme-toggle").click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", to);
}

/**
 * Runs axe in the ways a reader can see the page: following a light device,
 * following a dark one, and dark chosen with the header's toggle on a light
 * device (the `[data-theme="dark"]` block of style/main.css). Each theme
 * chosen with the toggle must also give exactly the palette the device would.
 * Leaves the choice stored as dark.
 */
async function axeInEveryTheme(page: Page, what: string): Promise<string[]> {
  const found: string[] = [];
  const differences = (want: Record<string, string>, got: Record<string, string>, where: string) =>
    Object.keys({ ...want, ...got })
      .filter((k) => want[k] !== got[k])
      .map((k) => `${what}, ${where}: ${k} is ${got[k] || "unset"}, the device theme has ${want[k] || "unset"}`);

  await page.emulateMedia({ colorScheme: "light" });
  await expect(page.locator("html")).not.toHaveAttribute("data-theme", /.*/);
  const light = await palette(page);
  found.push(...(await axe(page, `${what}, light device`)));
  await page.emulateMedia({ colorScheme: "dark" });
  const dark = await palette(page);
  expect(dark["color-scheme"]).toBe("dark");
  found.push(...(await axe(page, `${what}, dark device`)));
  await toggleTheme(page, "light");
  found.push(...differences(light, await palette(page), "light chosen on a dark device"));
  await page.emulateMedia({ colorScheme: "light" });
  await toggleTheme(page, "dark");
  found.push(...differences(dark, await palette(page), "dark chosen on a light device"));
  found.push(...(await axe(page, `${what}, dark chosen on a light device`)));
  return found;
}

/** Landmarks, one h1, and heading levels that never skip one. */
async function structure(page: Page, what: string): Promise<string[]> {
  const found: string[] = [];
  for (const role of ["banner", "main", "contentinfo"] as const) {
    const n = await page.getByRole(role).count();
    if (n !== 1) found.push(`${what}: ${n} ${role} landmarks, want 1`);
  }
  if ((await page.getByRole("navigation", { name: "Sections" }).count()) !== 1) {
    found.push(`${what}: no navigation landmark named "Sections"`);
  }
  const headings = await page.evaluate(() =>
    [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")]
      .filter((h) => h.checkVisibility())
      .map((h) => ({ level: Number(h.tagName[1]), text: (h.textContent ?? "").trim().slice(0, 60) })),
  );
  const h1s = headings.filter((h) => h.level === 1).length;
  if (h1s !== 1) found.push(`${what}: ${h1s} h1 elements, want 1`);
  if (headings[0]?.level !== 1) found.push(`${what}: the first heading is not the h1`);
  headings.forEach((h, i) => {
    const before = i === 0 ? 0 : headings[i - 1].level;
    if (h.level > before + 1) found.push(`${what}: h${h.level} "${h.text}" follows h${before}`);
  });
  return found;
}

/** The whole audit of the page as it is now. */
async function audit(page: Page, what: string) {
  const found = [...(await structure(page, what)), ...(await axeInEveryTheme(page, what))];
  expect(found, `accessibility problems:\n${found.join("\n")}`).toEqual([]);
}

// ---------- every route and state ----------

const SIMPLE_ROUTES: [string, string][] = [
  ["", "home"],
  ["quiz", "quiz intro"],
  ["learn", "library"],
  ["practice", "practice hub"],
  ["journal", "empty journal"],
  ["progress", "empty progress"],
  ["data", "your data"],
  ["help", "help"],
  ["report", "report with no result"],
  ["no/such/page", "not found"],
];
for (const [route, what] of SIMPLE_ROUTES) {
  test(`axe and structure: ${what}`, async ({ page }) => {
    await page.goto(route);
    await appReady(page);
    await audit(page, `/${route}`);
  });
}

test("axe and structure: the quiz at a statement", async ({ page }) => {
  await page.goto("quiz");
  await appReady(page);
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page.locator("#quiz-count")).toHaveText(/^1 of /);
  await page.keyboard.press("3");
  await page.keyboard.press("6");
  await expect(page.locator("#quiz-count")).toHaveText(/^3 of /);
  // The third statement with an answer chosen by arrow key, not yet moved on.
  await page.getByRole("radio").first().focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { checked: true })).toHaveCount(1);
  await audit(page, "quiz statement");
});

test("axe and structure: the quiz review of skipped statements", async ({ page }) => {
  await openWith(page, "quiz", { "steady.quiz.progress": { focus: "partner", answers: { "abandon-1": 4 }, position: 36 } });
  await expect(page.getByRole("heading", { name: "Before your result" })).toBeVisible();
  await audit(page, "quiz review");
});

test("axe and structure: a result, with an earlier one", async ({ page }) => {
  await openWith(page, "quiz/result/r2", { "steady.quiz.results": RESULTS });
  await expect(page.locator("h1")).toHaveText("Your result");
  await expect(page.locator(".plane-earlier")).toHaveCount(1);
  await audit(page, "result");
});

test("axe and structure: the personal report", async ({ page }) => {
  await openWith(page, "report/r2", { "steady.quiz.results": RESULTS });
  await expect(page.locator("h1")).toHaveText("Your personal report");
  await audit(page, "report");
});

/** The share link of the stored result `id`, as its result page makes it. */
async function shareLink(page: Page, id: string, name: string): Promise<string> {
  await page.goto(`quiz/result/${id}`);
  await page.getByLabel("Your first name or a nickname (optional)").fill(name);
  await expect(page.locator("#share-link")).toHaveValue(/#[A-Za-z0-9_-]+$/);
  return page.locator("#share-link").inputValue();
}

test("axe and structure: a result with its share link and QR code shown", async ({ page }) => {
  await openWith(page, "quiz/result/r2", { "steady.quiz.results": RESULTS });
  await page.getByRole("button", { name: "Show QR code" }).click();
  await expect(page.locator(".share-qr svg")).toBeVisible();
  await audit(page, "result with share panel");
});

test("axe and structure: a shared result beside one's own, kept", async ({ page }) => {
  await openWith(page, "", { "steady.quiz.results": RESULTS });
  const link = await shareLink(page, "r1", "Sam");
  await page.goto(link);
  await expect(page.locator(".plane-you")).toHaveCount(1);
  await page.getByRole("button", { name: "Keep this on my device" }).click();
  await expect(page.locator(".kept-note")).toBeVisible();
  await audit(page, "shared result");
});

test("axe and structure: a shared result with no result of one's own", async ({ page }) => {
  await openWith(page, "", { "steady.quiz.results": RESULTS });
  const link = await shareLink(page, "r1", "");
  await page.evaluate(() => localStorage.clear());
  await page.goto(link);
  await expect(page.locator(".plane-shared")).toHaveCount(1);
  await expect(page.locator(".plane-you")).toHaveCount(0);
  await audit(page, "shared result alone");
});

test("axe and structure: a bad share link", async ({ page }) => {
  await page.goto("share#AAAA");
  await appReady(page);
  await expect(page.getByRole("alert")).toBeVisible();
  await audit(page, "bad share link");
});

test("axe and structure: the kept comparisons", async ({ page }) => {
  await openWith(page, "", { "steady.quiz.results": RESULTS });
  const link = await shareLink(page, "r1", "Sam");
  await page.goto(link);
  await page.getByRole("button", { name: "Keep this on my device" }).click();
  await expect(page.locator(".kept-note")).toBeVisible();
  await page.goto("share");
  await expect(page.locator(".kept-list li")).toHaveCount(1);
  await audit(page, "kept comparisons");
});

test("axe and structure: a journal with entries and the filters open", async ({ page }) => {
  await openWith(page, "journal", { "steady.journal": JOURNAL });
  await expect(page.locator(".entries > li")).toHaveCount(3);
  await page.getByText("Filter by kind, tag or date").click();
  await expect(page.getByLabel("Kind")).toBeVisible();
  await audit(page, "journal with entries");
});

test("axe and structure: the journal while editing, with an undo offered", async ({ page }) => {
  await openWith(page, "journal", { "steady.journal": JOURNAL });
  await page.locator(".entries > li").first().getByRole("button", { name: /^Delete/ }).click();
  await expect(page.getByRole("button", { name: "Undo" })).toBeVisible();
  await page.locator(".entries > li").first().getByRole("button", { name: "Edit" }).click();
  await expect(page.getByRole("heading", { name: "Edit entry" })).toBeVisible();
  await audit(page, "journal editing");
});

test("axe and structure: your data with a notice, a kept-aside value, an import preview and the erase question", async ({ page }) => {
  await page.goto("data");
  await appReady(page);
  await page.evaluate(() => localStorage.setItem("steady.journal", '{"v":1,"data":[{"id":'));
  await page.reload();
  await appReady(page);
  await expect(page.locator(".notice")).toBeVisible();
  await page.getByLabel("Backup file").setInputFiles(new URL("../fixtures/backups/valid-v1.json", import.meta.url).pathname);
  await page.getByRole("radio", { name: /^Replace/ }).check();
  await expect(page.locator(".import-preview")).toBeVisible();
  await page.getByRole("button", { name: "Erase everything…" }).click();
  await expect(page.getByRole("button", { name: "Yes, erase everything" })).toBeVisible();
  await audit(page, "your data, busy");
});

test("axe and structure: progress with results, self-checks and practice", async ({ page }) => {
  await openWith(page, "progress", {
    "steady.quiz.results": RESULTS,
    "steady.journal": JOURNAL,
    "steady.self-checks": SELF_CHECKS,
    "steady.plan": { done: [0, 2] },
  });
  await expect(page.getByRole("img", { name: /Scores in general: 2 results/ })).toBeVisible();
  await expect(page.locator("table.helps")).toBeVisible();
  await audit(page, "progress with data");
});

test("axe and structure: the library filtered to the latest result's style", async ({ page }) => {
  await openWith(page, "learn", { "steady.quiz.results": RESULTS });
  await page.getByRole("button", { name: /^For my style/ }).click();
  await expect(page.getByText(/\(your latest result\)/)).toBeVisible();
  await audit(page, "library, filtered");
});

// One article per style on the phone; every article on the desktop.
const STYLE_ARTICLES = ["secure-attachment", "anxious-attachment", "avoidant-attachment", "fearful-avoidant-attachment"];
test("every style has its article", () => {
  expect(ARTICLES).toEqual(expect.arrayContaining(STYLE_ARTICLES));
  expect(PRACTICE_TOOLS.length).toBeGreaterThanOrEqual(11);
});
for (const slug of ARTICLES) {
  test(`axe and structure: /learn/${slug}`, async ({ page, isMobile }) => {
    test.skip(isMobile && !STYLE_ARTICLES.includes(slug), "the phone checks one article per style");
    await page.goto(`learn/${slug}`);
    await appReady(page);
    await expect(page.getByRole("heading", { name: "Try this now" })).toBeVisible();
    await audit(page, `/learn/${slug}`);
  });
}
for (const slug of PRACTICE_TOOLS) {
  test(`axe and structure: /practice/${slug}`, async ({ page }) => {
    await page.goto(`practice/${slug}`);
    await appReady(page);
    await audit(page, `/practice/${slug}`);
  });
}

// ---------- keyboard only ----------

type Stop = { what: string; ring: boolean; ringContrast: number; forward: boolean | null };

/**
 * Presses Tab once and describes where focus landed: whether a focus ring
 * shows (an outline or box-shadow on the element, or an outline on the label
 * or chip that wraps it), its contrast with the page, and whether focus moved
 * forward in document order.
 */
async function tab(page: Page): Promise<Stop> {
  // Where focus was: a control, or where the app moved it (a heading, main).
  await page.evaluate(() => ((window as unknown as { __prevFocus?: Element }).__prevFocus = document.activeElement ?? undefined));
  await page.keyboard.press("Tab");
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const prev = (window as unknown as { __prevFocus?: Element }).__prevFocus;
    const forward =
      !prev || prev === el || !prev.isConnected ? null : !!(prev.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
    // Focus inside a control's own user-agent parts (the calendar button of
    // a date field): the browser draws that ring itself.
    const inner = el instanceof HTMLInputElement && !el.matches(":focus");
    const outline = (e: Element | null) => {
      if (!e) return null;
      const s = getComputedStyle(e);
      return s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2 ? s.outlineColor : null;
    };
    const own = getComputedStyle(el);
    const color =
      outline(el) ??
      outline(el.closest("label")) ??
      (el instanceof HTMLInputElement ? outline(el.nextElementSibling) : null) ??
      (own.boxShadow !== "none" ? own.boxShadow.match(/rgba?\([^)]*\)/)?.[0] ?? null : null);
    const lum = (c: string) => {
      const [r, g, b] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((x) => {
        const v = Number(x) / 255;
        return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const bg = getComputedStyle(document.body).backgroundColor;
    const [hi, lo] = color ? [lum(color), lum(bg)].sort((a, b) => b - a) : [0, 0];
    const label = (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
    return {
      what: `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""} "${label}"`,
      ring: inner || (color !== null && el.matches(":focus-visible")),
      ringContrast: inner ? Infinity : Math.round(((hi + 0.05) / (lo + 0.05)) * 10) / 10,
      forward,
    };
  });
}

/**
 * Tabs until `done` holds for the focused element, checking every stop: a
 * visible ring of at least 3:1 against the page, and never a step backwards.
 * Fails if `done` is not reached within `limit` presses (a trap, or a
 * control that cannot be reached).
 */
async function tabUntil(page: Page, done: (stop: Stop) => boolean, limit = 40): Promise<Stop[]> {
  const stops: Stop[] = [];
  for (let i = 0; i < limit; i++) {
    const stop = await tab(page);
    stops.push(stop);
    expect(stop.ring, `no visible focus ring on ${stop.what}`).toBe(true);
    expect(stop.ringContrast, `focus ring contrast on ${stop.what}`).toBeGreaterThanOrEqual(3);
    expect(stop.forward, `focus went backwards to ${stop.what}`).not.toBe(false);
    if (done(stop)) return stops;
  }
  throw new Error(`not reached within ${limit} Tab presses; went through:\n${stops.map((s) => s.what).join("\n")}`);
}
const at = (text: string) => (stop: Stop) => stop.what.includes(text);

/** Loads `route`, then Tab must reach the skip link first and Enter it. */
async function skipToContent(page: Page, route: string) {
  await page.goto(route);
  await appReady(page);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  expect(new URL(page.url()).pathname).toBe(`${BASE}${route}`);
}

/** From wherever focus is, the rest of the page up to the footer's link: no trap. */
async function tabToFooter(page: Page) {
  await tabUntil(page, at("Crisis lines and finding a therapist"), 80);
}

test("keyboard only: the quiz from the skip link to the result", async ({ page, isMobile }) => {
  test.skip(isMobile, "keyboard walkthroughs run on desktop");
  await skipToContent(page, "quiz");
  // The first stop in main is the focus choice; arrows choose within it.
  await tabUntil(page, at("input"), 10);
  await expect(page.getByRole("radio", { name: "Relationships in general" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: "A partner" })).toBeChecked();
  await tabUntil(page, at("Start the quiz"), 10);
  await page.keyboard.press("Enter");
  await expect(page.locator("#quiz-count")).toHaveText(/^1 of 36$/);
  await expect(page.locator("#quiz-statement")).toBeFocused();

  // Number keys answer; Tab reaches the options, then Back and Skip.
  for (const key of ["2", "5", "7"]) await page.keyboard.press(key);
  await expect(page.locator("#quiz-count")).toHaveText(/^4 of 36$/);
  await tabUntil(page, at("input"), 5);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page.locator("#quiz-count")).toHaveText(/^5 of 36$/);
  await expect(page.locator("#quiz-statement")).toBeFocused();
  await tabUntil(page, at("Skip"), 12);
  await page.keyboard.press("Enter");
  await expect(page.locator("#quiz-count")).toHaveText(/^6 of 36$/);
  await tabToFooter(page);

  // The rest by number keys, then the skipped one from the review.
  for (let i = 6; i <= 36; i++) {
    await expect(page.locator("#quiz-count")).toHaveText(`${i} of 36`);
    await page.keyboard.press(String((i % 7) + 1));
  }
  // The review takes the statement's place, and focus goes to its heading.
  await expect(page.getByRole("heading", { name: "Before your result" })).toBeFocused();
  await tabUntil(page, at("5. "), 1);
  await page.keyboard.press("Enter");
  await expect(page.locator("#quiz-count")).toHaveText(/^5 of 36$/);
  await page.keyboard.press("4");
  await expect(page).toHaveURL(/\/quiz\/result\//);
  await expect(page.locator("h1")).toHaveText("Your result");
  await expect(page.locator("h1")).toBeFocused();
  await tabToFooter(page);
});

test("keyboard only: writing a journal entry and filtering", async ({ page, isMobile }) => {
  test.skip(isMobile, "keyboard walkthroughs run on desktop");
  await skipToContent(page, "journal");
  await tabUntil(page, at("input#entry-title"), 10);
  await page.keyboard.type("First evening");
  await tabUntil(page, at("textarea#entry-body"), 1);
  await page.keyboard.type("They were late and I felt the old knot.");
  await tabUntil(page, at("input"), 1);
  await page.keyboard.type("anxious");
  // Past the feeling's word chips and "More feelings".
  await tabUntil(page, at("input#entry-intensity-0"), 12);
  await page.keyboard.press("ArrowDown");
  await tabUntil(page, at("input"), 2);
  await page.keyboard.type("evening");
  await tabUntil(page, at("Save entry"), 1);
  await page.keyboard.press("Enter");
  await expect(page.getByText("Entry saved.")).toBeVisible();
  await expect(page.locator(".entries > li")).toHaveCount(1);
  await expect(page.locator(".entries > li").first().getByRole("heading", { name: "First evening" })).toBeVisible();

  // On through search and the filters, opened by keyboard, to the entry's buttons.
  await tabUntil(page, at('input ""'), 5);
  await page.keyboard.type("knot");
  await expect(page.locator(".entries > li")).toHaveCount(1);
  await tabUntil(page, at("Filter by kind, tag or date"), 3);
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Kind")).toBeVisible();
  await tabUntil(page, at("select#filter-kind"), 2);
  await tabUntil(page, at("Edit"), 20);
  await tabToFooter(page);
});

// ---------- reduced motion ----------

/** Everything animated or transitioned for longer than 0.01 s, or still running. */
async function moving(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seconds = (list: string) =>
      Math.max(...list.split(",").map((t) => (t.trim().endsWith("ms") ? parseFloat(t) / 1000 : parseFloat(t))));
    const found: string[] = [];
    for (const el of document.querySelectorAll("*")) {
      for (const pseudo of [null, "::before", "::after"]) {
        const s = getComputedStyle(el, pseudo);
        const name = `${el.tagName.toLowerCase()}.${el.className}${pseudo ?? ""}`;
        if (seconds(s.transitionDuration) > 0.01) found.push(`${name}: transition ${s.transitionDuration}`);
        if (s.animationName !== "none" && seconds(s.animationDuration) > 0.01) found.push(`${name}: animation ${s.animationDuration}`);
      }
    }
    for (const a of document.getAnimations()) {
      if (a.playState === "running") found.push(`running: ${a.constructor.name} ${(a as CSSAnimation).animationName ?? ""}`);
    }
    return found;
  });
}

test("with reduced motion, nothing moves on home, the quiz and the practice hub", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto("");
  await appReady(page);
  await page.locator(".theme-toggle").click();
  await page.locator(".site-nav a").first().hover();
  await expect.poll(() => moving(page)).toEqual([]);

  await page.getByRole("link", { name: "Quiz", exact: true }).click();
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await page.keyboard.press("4");
  await expect(page.locator("#quiz-count")).toHaveText(/^2 of /);
  await page.getByText("Agree", { exact: true }).hover();
  await expect.poll(() => moving(page)).toEqual([]);

  await page.getByRole("link", { name: "Practice", exact: true }).click();
  await expect(page.locator("h1")).toHaveText("Practice");
  await expect.poll(() => moving(page)).toEqual([]);
});
