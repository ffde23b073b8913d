import { test, expect, appReady } from "./fixtures";

const BASE = process.env.STEADY_BASE ?? "/steady/";

// Every route, its one h1, and its document title.
const ROUTES: [string, string | RegExp, string][] = [
  ["", "Steady", "Steady"],
  ["quiz", "Attachment quiz", "Attachment quiz · Steady"],
  ["learn", "Learn", "Learn · Steady"],
  ["learn/secure-attachment", "What secure attachment is", "What secure attachment is · Steady"],
  ["practice", "Practice", "Practice · Steady"],
  ["journal", "Journal", "Journal · Steady"],
  ["progress", "Progress", "Progress · Steady"],
  ["data", "Your data and settings", "Your data and settings · Steady"],
  ["help", "Need help now?", "Need help now? · Steady"],
];

for (const [route, heading, title] of ROUTES) {
  test(`/${route} renders its heading when opened directly`, async ({ page }) => {
    await page.goto(route);
    await appReady(page);
    await expect(page.locator("h1")).toHaveCount(1);
    await expect(page.locator("h1")).toHaveText(heading);
    await expect(page).toHaveTitle(title);
    // The static shell was replaced, not doubled.
    await expect(page.locator("header.site-header")).toHaveCount(1);
    await expect(page.getByRole("link", { name: "Need help now?" })).toBeVisible();
    await expect(page.locator("footer")).toContainText("Self-reflection, not a diagnosis.");
  });
}

test("a reload on a deep link under the sub-path renders that page", async ({ page }) => {
  const first = await page.goto("progress");
  // Pages answers with progress.html, the route's own static page.
  expect(first?.status()).toBe(200);
  await appReady(page);
  await expect(page.locator("h1")).toHaveText("Progress");
  await page.reload();
  await appReady(page);
  await expect(page.locator("h1")).toHaveText("Progress");
  expect(new URL(page.url()).pathname).toBe(`${BASE}progress`);
});

test("an unknown path shows the friendly not-found page", async ({ page }) => {
  await page.goto("no/such/page");
  await appReady(page);
  await expect(page.locator("h1")).toHaveText("This page isn't here");
  await expect(page).toHaveTitle("Page not found · Steady");
  await page.goto("learn/no-such-article");
  await expect(page.locator("h1")).toHaveText("This page isn't here");
});

test("every header link stays under the base and navigates inside the app", async ({ page, baseURL }) => {
  await page.goto("");
  await appReady(page);
  const hrefs = await page.locator("header a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  expect(hrefs.length).toBeGreaterThanOrEqual(9);
  for (const href of hrefs) expect(href.startsWith(baseURL!), href).toBe(true);

  // A marker on window survives only client-side navigation: no page reloads.
  await page.evaluate(() => ((window as any).__stayed = true));
  const nav = page.getByRole("navigation", { name: "Sections" });
  for (const [name, heading] of [
    ["Quiz", "Attachment quiz"],
    ["Learn", "Learn"],
    ["Practice", "Practice"],
    ["Journal", "Journal"],
    ["Progress", "Progress"],
    ["Your data", "Your data and settings"],
    ["Home", "Steady"],
  ]) {
    await nav.getByRole("link", { name, exact: true }).click();
    await expect(page.locator("h1")).toHaveText(heading);
    await expect(nav.getByRole("link", { name, exact: true })).toHaveAttribute("aria-current", "page");
    // Focus moves to the new page's heading for screen-reader users.
    if (name !== "Home") await expect(page.locator("h1")).toBeFocused();
  }
  expect(await page.evaluate(() => (window as any).__stayed)).toBe(true);
});

test("links inside an article stay under the base", async ({ page, baseURL }) => {
  await page.goto("learn/secure-attachment");
  await appReady(page);
  const hrefs = await page.locator("main a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  for (const href of hrefs) expect(href.startsWith(baseURL!), href).toBe(true);
  await page.evaluate(() => ((window as any).__stayed = true));
  await page.locator(".prose").getByRole("link", { name: "earned security" }).click();
  await expect(page.locator("h1")).toHaveText("Earned security: becoming secure later in life");
  await page.getByRole("complementary").getByRole("link", { name: "The science of change" }).click();
  await expect(page.locator("h1")).toHaveText("The science of change");
  expect(await page.evaluate(() => (window as any).__stayed)).toBe(true);
});

test("the theme toggle is remembered across a reload", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("learn");
  await appReady(page);
  const toggle = page.getByRole("button", { name: "Dark theme" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  const lightBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await toggle.click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  const darkBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(darkBg).not.toBe(lightBg);

  await page.reload();
  // Applied before the app mounts (theme-boot.js), and kept once it has.
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await appReady(page);
  await expect(page.getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "true");

  // Back to following the device, from the settings page.
  await page.goto("data");
  await page.getByRole("radio", { name: "Match this device" }).check();
  await expect(page.locator("html")).not.toHaveAttribute("data-theme", /.*/);
  await page.reload();
  await appReady(page);
  await expect(page.getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "false");
});

test("the skip link moves focus to the main content", async ({ page, isMobile }) => {
  test.skip(isMobile, "keyboard walkthrough runs on desktop");
  await page.goto("learn");
  await appReady(page);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  await expect(page.locator("h1")).toHaveText("Learn");
  expect(new URL(page.url()).pathname).toBe(`${BASE}learn`);
});

test("the crisis page lists real numbers", async ({ page }) => {
  await page.goto("");
  await appReady(page);
  await page.getByRole("link", { name: "Need help now?" }).click();
  await expect(page.locator("h1")).toHaveText("Need help now?");
  // Several countries share a number (988 in the US and Canada, 116 123 in
  // the UK and Ireland); every link to it must call it.
  for (const [name, href] of [["Call 988", "tel:988"], ["Call 116 123", "tel:116123"]]) {
    const links = page.getByRole("link", { name, exact: true });
    expect(await links.count(), name).toBeGreaterThanOrEqual(2);
    for (const link of await links.all()) await expect(link).toHaveAttribute("href", href);
  }
});

test("the header shows every section with no sideways scrolling, and help one step away", async ({ page }) => {
  for (const route of ["", "practice/breathing", "journal"]) {
    await page.goto(route);
    await appReady(page);
    const nav = page.getByRole("navigation", { name: "Sections" });
    const width = page.viewportSize()!.width;
    for (const name of ["Home", "Quiz", "Learn", "Practice", "Journal", "Progress", "Your data"]) {
      const link = nav.getByRole("link", { name, exact: true });
      await expect(link, `${name} on /${route}`).toBeInViewport({ ratio: 1 });
      const box = (await link.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
    const overflow = await nav.locator("ul").evaluate((ul) => ul.scrollWidth - ul.clientWidth);
    expect(overflow, `the nav scrolls sideways on /${route}`).toBeLessThanOrEqual(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await expect(page.getByRole("banner").getByRole("link", { name: "Need help now?" })).toBeInViewport({ ratio: 1 });
  }
});
