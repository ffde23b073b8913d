import { test, expect, appReady } from "./fixtures";

// Before the app has arrived, the static page is all there is: its links
// work, and it says plainly that its buttons wait for the app, then, if the
// app does not come, what works without it. Every `.wasm` request is held
// back here, as on a very slow link.

test.describe("with the wasm held back", () => {
  test.beforeEach(async ({ page }) => {
    await page.route(/\.wasm$/, () => {
      // Never answered: the app never arrives.
    });
  });

  test("home's ways in are plain links, and the page says it is still loading", async ({ page }) => {
    await page.goto("");
    const hero = page.locator(".hero");
    const ways: [string, string][] = [
      ["Take the quiz", "quiz"],
      ["I'm activated right now", "practice/activated"],
      ["slow breathing", "practice/breathing"],
      ["help in a crisis", "help"],
    ];
    for (const [name, path] of ways) {
      await expect(hero.getByRole("link", { name, exact: true })).toHaveAttribute("href", new RegExp(`(^|/)${path}$`));
    }
    const note = page.getByRole("status").filter({ hasText: "Loading Steady" });
    await expect(note).toBeVisible();
    await expect(note).toContainText("Its buttons work once it has loaded.");
    // Without the app, after a few seconds, it points to what works.
    const stalled = page.getByRole("status").filter({ hasText: "slow to start" });
    await expect(stalled).toBeVisible({ timeout: 15_000 });
    await expect(note.getByText("Loading Steady")).toBeHidden();
    await stalled.getByRole("link", { name: "help in a crisis" }).click();
    await expect(page.locator("main h1")).toBeVisible();
    await expect(page).toHaveURL(/\/help$/);
  });

  test("the note covers nothing: the page's end can be scrolled above it", async ({ page }) => {
    await page.goto("help");
    const note = page.locator(".app-wait");
    await expect(note).toBeVisible();
    await page.locator("footer").scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const footer = await page.locator("footer").boundingBox();
    const over = await note.boundingBox();
    expect(footer!.y + footer!.height).toBeLessThanOrEqual(over!.y + 1);
  });
});

test.describe("with the wasm failing", () => {
  test.use({ expectedProblems: /Failed to load resource|ERR_INTERNET_DISCONNECTED|WebAssembly|fetch/i });

  test("the page says at once what works without the app", async ({ page }) => {
    await page.route(/\.wasm$/, (route) => route.abort("internetdisconnected"));
    await page.goto("practice/breathing");
    // Sooner than the six seconds a slow start is given: the failure itself.
    await expect(page.getByRole("status").filter({ hasText: "slow to start" })).toBeVisible({ timeout: 4_000 });
  });
});

test("once the app starts, the note is gone and nothing of it stays", async ({ page }) => {
  await page.goto("");
  await appReady(page);
  await expect(page.locator(".app-wait")).toHaveCount(0);
  await expect(page.locator("html")).not.toHaveAttribute("data-app", /.*/);
});

test("with JavaScript off the note never shows: the page's own notes say what needs it", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("");
  await expect(page.locator(".app-wait")).toBeHidden();
  await expect(page.locator(".noscript-note").first()).toBeVisible();
  await context.close();
});
