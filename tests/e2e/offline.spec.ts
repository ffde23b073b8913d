import { test, expect, appReady } from "./fixtures";
import type { BrowserContext, Page } from "@playwright/test";

/** Waits until the service worker controls the page and its cache is full. */
async function installed(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
    }
  });
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    const cache = await caches.open(keys.find((k) => k.startsWith("steady-"))!);
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  expect(cached).toContain("/steady/");
  expect(cached.some((p) => p.endsWith(".wasm"))).toBe(true);
}

/** Cuts the network twice over: offline mode and every request aborted. */
async function cutNetwork(context: BrowserContext) {
  await context.setOffline(true);
  await context.route("**/*", (route) => route.abort("internetdisconnected"));
}

test("after one visit the app works with the network cut", async ({ page, context }) => {
  await page.goto("");
  await appReady(page);
  await installed(page);
  await cutNetwork(context);

  await page.reload();
  await appReady(page);
  await expect(page.locator("h1")).toHaveText("Steady");

  // A deep link never visited before.
  await page.goto("learn/earned-security");
  await appReady(page);
  await expect(page.locator("h1")).toHaveText("Earned security: becoming secure later in life");

  // The whole quiz.
  await page.goto("quiz");
  await appReady(page);
  await page.getByRole("button", { name: "Start the quiz" }).click();
  for (let i = 0; i < 36; i++) {
    await expect(page.locator("#quiz-count")).toHaveText(`${i + 1} of 36`);
    await page.keyboard.press(String((i % 7) + 1));
  }
  await expect(page.locator("h1")).toHaveText("Your result");

  // A practice tool: three generous explanations, saved to the journal.
  await page.goto("practice/reframe");
  await appReady(page);
  await expect(page.locator("h1")).toHaveText("Three generous explanations");
  await page.getByLabel(/^1\. What happened/).fill("No reply on the train");
  await page.getByLabel(/^3\. Another explanation/).fill("There is no signal in the tunnel");
  await page.getByRole("button", { name: "Save to my journal" }).click();
  await expect(page.getByText("Saved to your journal.")).toBeVisible();

  // A journal entry.
  await page.goto("journal");
  await appReady(page);
  await page.getByLabel("What happened, and how it felt").fill("Written on a plane");
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page.getByText("Entry saved.")).toBeVisible();

  await page.reload();
  await appReady(page);
  await expect(page.locator(".entry-body", { hasText: "Written on a plane" })).toBeVisible();
  await expect(page.locator(".entries > li", { hasText: "There is no signal in the tunnel" })).toBeVisible();
  await page.goto("progress");
  await expect(page.locator(".result-row")).toHaveCount(1);
});

test("the release is locked down and installable", async ({ page, request }) => {
  const html = await (await request.get("")).text();
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];
  expect(csp).toBeDefined();
  for (const directive of [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval' 'sha256-",
    "style-src 'self';",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ]) {
    expect(csp).toContain(directive);
  }
  expect(html).toContain('<meta name="referrer" content="no-referrer">');

  const manifest = await (await request.get("manifest.webmanifest")).json();
  expect(manifest.start_url).toBe("./");
  expect(manifest.scope).toBe("./");
  const sizes = manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`);
  expect(sizes).toEqual(["192x192 any", "512x512 any", "512x512 maskable"]);
  for (const icon of manifest.icons) {
    expect((await request.get(icon.src)).headers()["content-type"]).toContain("image/png");
  }

  await page.goto("");
  await appReady(page);
  const manifestUrl = await page.evaluate(() => (document.querySelector('link[rel="manifest"]') as HTMLLinkElement).href);
  expect(new URL(manifestUrl).pathname).toBe("/steady/manifest.webmanifest");
});
