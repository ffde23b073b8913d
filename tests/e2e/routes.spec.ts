import { readFileSync } from "node:fs";
import { test, expect, appReady } from "./fixtures";

// Every route is a real page, served as GitHub Pages serves it: its own
// static page with status 200, its title and <h1> at first byte, its opening
// words readable with JavaScript off, and nothing moving when the app takes
// over. Only a truly unknown path gets the 404 page.

const root = new URL("../../", import.meta.url);

/** [slug, name] of every practice tool, from src/routes.rs. */
const TOOLS: [string, string][] = (() => {
  const src = readFileSync(new URL("src/routes.rs", root), "utf8");
  // The arms of `Tool::slug` and `Tool::name`: `Tool::Wait => "wait",`.
  const arms = (fn: string) => {
    const body = src.slice(src.indexOf(`pub const fn ${fn}(self)`));
    return new Map([...body.slice(0, body.indexOf("\n    }\n")).matchAll(/Tool::(\w+) => "([^"]+)"/g)].map((m) => [m[1], m[2]]));
  };
  const names = arms("name");
  return [...arms("slug")].map(([tool, slug]): [string, string] => [slug, names.get(tool)!]);
})();
// Parsed from Rust source: an empty list would let every per-tool check pass unseen.
if (TOOLS.length < 11 || TOOLS.some(([, name]) => !name)) throw new Error(`src/routes.rs: could not read the tools (${TOOLS.length})`);

/** route -> title of every [[page]] in content/route-pages.toml. */
const PAGES: [string, string][] = (() => {
  const src = readFileSync(new URL("content/route-pages.toml", root), "utf8");
  return [...src.matchAll(/\[\[page\]\]\s*route = "([^"]*)"\s*title = "([^"]+)"/g)].map((m) => [m[1], m[2]]);
})();

const ROUTES: [string, string][] = [
  ["", "Steady"],
  ...PAGES,
  ["help", "Need help now?"],
  ...TOOLS.map(([slug, name]): [string, string] => [`practice/${slug}`, name]),
];

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

test("every route answers 200 with its own title and h1 in the HTML itself", async ({ request }) => {
  expect(TOOLS.length).toBeGreaterThanOrEqual(11);
  expect(PAGES.map(([r]) => r)).toEqual(expect.arrayContaining(["quiz", "report", "learn", "practice", "journal", "progress", "data"]));
  for (const [route, title] of ROUTES) {
    const response = await request.get(route, { maxRedirects: 0 });
    expect(response.status(), route).toBe(200);
    const html = await response.text();
    // One <h1> outside the shell's <noscript> message.
    expect(html.replace(/<noscript>[\s\S]*?<\/noscript>/g, "").match(/<h1>/g)?.length, route).toBe(1);
    // The help page's h1 comes from markdown; the others from content data.
    if (route !== "help") expect(html, route).toContain(`<h1>${escape(title)}</h1>`);
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
    test.setTimeout(60_000);
    for (const [route, title] of ROUTES.filter(([r]) => r !== "" && r !== "help")) {
      const response = await page.goto(route);
      expect(response?.status(), route).toBe(200);
      await expect(page.locator("h1"), route).toHaveText(title);
      await expect(page).toHaveTitle(`${title} · Steady`);
      await expect(page.locator("main h1 + p, main .quiz-intro .lead").first(), route).toBeVisible();
      await expect(page.locator(".noscript-note").first(), route).toContainText("needs JavaScript");
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

  test("the app takes over each page without moving its opening", async ({ page, browser, baseURL, viewport, isMobile, hasTouch }) => {
    test.setTimeout(90_000);
    const context = await browser.newContext({ baseURL, viewport, isMobile, hasTouch, javaScriptEnabled: true });
    const live = await context.newPage();
    for (const route of ["quiz", "practice", "practice/wait", "journal", "progress", "data", "report", "learn"]) {
      await page.goto(route);
      const opening = page.locator("main h1, main h1 + p, main .quiz-intro .lead, main .care-line, main .care-note, main .quiz-facts, #origin-heading");
      const still = await opening.evaluateAll((els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect();
          return { text: (e as HTMLElement).innerText, box: [r.x, r.y, r.width, r.height] };
        }),
      );
      expect(still.length, route).toBeGreaterThanOrEqual(2);
      await live.goto(route);
      await expect(live.locator(".theme-toggle:not(.is-placeholder)")).toBeVisible();
      const after = await live
        .locator("main h1, main h1 + p, main .quiz-intro .lead, main .care-line, main .care-note, main .quiz-facts, #origin-heading")
        .evaluateAll((els) =>
          els.map((e) => {
            const r = e.getBoundingClientRect();
            return { text: (e as HTMLElement).innerText, box: [r.x, r.y, r.width, r.height] };
          }),
        );
      // The app renders more below (a care line further down, say); what
      // the static page showed comes first and stays where it was.
      expect(after.slice(0, still.length), route).toEqual(still);
    }
    await context.close();
  });
});
