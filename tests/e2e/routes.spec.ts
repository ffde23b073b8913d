import { test, expect, appReady, BUILT } from "./fixtures";

// Every route is a real page, served as GitHub Pages serves it: its own
// static page with status 200, its title and <h1> at first byte, its opening
// words readable with JavaScript off, and nothing moving when the app takes
// over. Only a truly unknown path gets the 404 page. The pages are the ones
// the build wrote (dist/routes.json), from the route table.

const TOOLS: [string, string][] = BUILT.tools.map((t) => [t.slug, t.name]);
const ROUTES: [string, string][] = BUILT.pages.map((p) => [p.route, p.route === "" ? "Steady" : p.title]);

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("every route answers 200 with its own title and h1 in the HTML itself", async ({ request }) => {
  expect(TOOLS.length).toBeGreaterThanOrEqual(11);
  // Every fixed route has its page, every tool and every article too.
  const fixed = BUILT.routes.filter((r) => !r.path.includes(":")).map((r) => r.path);
  expect(ROUTES.map(([r]) => r)).toEqual(expect.arrayContaining([...fixed, ...TOOLS.map(([slug]) => `practice/${slug}`)]));
  expect(ROUTES.filter(([r]) => r.startsWith("learn/")).length).toBeGreaterThanOrEqual(15);
  for (const [route, title] of ROUTES) {
    const response = await request.get(route, { maxRedirects: 0 });
    expect(response.status(), route).toBe(200);
    const html = await response.text();
    expect(html.match(/<h1[ >]/g)?.length, route).toBe(1);
    // The help page's h1 comes from markdown; the others from content data.
    if (route !== "help") expect(html, route).toMatch(new RegExp(`<h1[^>]*>${escapeRe(escape(title))}</h1>`));
    const want = route === "" ? "Steady" : `${title} · Steady`;
    expect(html, route).toContain(`<title>${escape(want)}</title>`);
    // Each page describes itself, unlike the 404 copy of the shell.
    if (route !== "") expect(html, route).not.toContain("A private, offline tool for moving toward secure attachment");
  }
  // With or without the trailing slash, as Pages may redirect a folder.
  for (const path of ["practice/", "learn/"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
  }
});

test("an unknown path answers 404 with the not-found page", async ({ page, request }) => {
  for (const path of ["no-such-page", "practice/no-such-tool", "learn/no-such-article"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
  }
  const response = await page.goto("practice/no-such-tool");
  expect(response?.status()).toBe(404);
  await appReady(page);
  await expect(page.locator("h1")).toHaveText("This page isn't here");
});

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("each route shows its h1, its opening words and what needs the app", async ({ page }) => {
    test.setTimeout(120_000);
    for (const [route, title] of ROUTES.filter(([r]) => r !== "" && r !== "help")) {
      const response = await page.goto(route);
      expect(response?.status(), route).toBe(200);
      await expect(page.locator("h1"), route).toHaveText(title);
      await expect(page).toHaveTitle(`${title} · Steady`);
      await expect(page.locator("main h1 + p, main .quiz-intro .lead, main .prose p").first(), route).toBeVisible();
      await expect(page.locator(".noscript-note").first(), route).toContainText("JavaScript");
    }
    await page.goto("practice/breathing");
    await expect(page.locator(".care-line")).toContainText("not therapy");
    await expect(page.locator(".care-line").getByRole("link", { name: "find help now" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Practice" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await page.goto("quiz");
    await expect(page.getByText("This is self-reflection, not a diagnosis.")).toBeVisible();
    await page.goto("data");
    await expect(page.getByRole("heading", { name: "Who else can reach this data" })).toBeVisible();
    // The hub links to each tool's own static page.
    await page.goto("practice");
    await page.getByRole("link", { name: TOOLS[1][1] }).first().click();
    await expect(page.locator("h1")).toHaveText(TOOLS[1][1]);
  });

  // Every static page, against the app's first render of the same route:
  // each thing the static page shows is in the app's page, in the same
  // order, and what both show first (the opening: heading, lead, safety
  // note, care line, instructions) stays exactly where it was.
  test("the app takes over every page without losing or moving its opening", async ({ page, browser, baseURL, viewport, isMobile, hasTouch }) => {
    test.setTimeout(240_000);
    const context = await browser.newContext({ baseURL, viewport, isMobile, hasTouch, javaScriptEnabled: true });
    const live = await context.newPage();
    const shown = (p: typeof page) =>
      p.locator("main :is(h1, h2, h3, p, li, legend, summary, label):not(.noscript-note, .noscript-note *)").evaluateAll((els) =>
        els
          .filter((e) => (e as HTMLElement).offsetParent !== null && !e.closest("noscript"))
          .map((e) => {
            const r = e.getBoundingClientRect();
            return { text: (e as HTMLElement).innerText.trim(), box: [r.x, r.y, r.width, r.height].map(Math.round) };
          }),
      );
    for (const [route] of ROUTES) {
      await page.goto(route);
      const still = await shown(page);
      expect(still.length, route).toBeGreaterThanOrEqual(2);
      await live.goto(route);
      await appReady(live);
      const after = await shown(live);
      // In the same order: each static thing is found after the last.
      let at = 0;
      for (const s of still) {
        const found = after.findIndex((a, i) => i >= at && a.text === s.text);
        expect(found, `${route}: the app's page lacks "${s.text.slice(0, 60)}"`).toBeGreaterThanOrEqual(0);
        at = found + 1;
      }
      // What both show first does not move.
      let same = 0;
      while (same < still.length && same < after.length && still[same].text === after[same].text) {
        expect(after[same].box, `${route}: "${still[same].text.slice(0, 60)}" moved`).toEqual(still[same].box);
        same++;
      }
      expect(same, `${route}: the opening`).toBeGreaterThanOrEqual(2);
    }
    await context.close();
  });
});
