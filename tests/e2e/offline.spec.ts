import { test, expect, appReady } from "./fixtures";
import type { BrowserContext, Page } from "@playwright/test";

/** The name of the cache of the copy at `scope` (a path such as "/steady/"). */
function cacheOf(page: Page, scope: string) {
  return page.evaluate(async (scope) => {
    const prefix = `steady ${new URL(scope, location.href).href} `;
    return (await caches.keys()).find((k) => k.startsWith(prefix)) ?? null;
  }, scope);
}

/** Waits until the service worker controls the page and its cache is full. */
async function installed(page: Page, scope = "/steady/") {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
    }
  });
  const name = await cacheOf(page, scope);
  expect(name, "a cache named after this copy's scope").not.toBeNull();
  const cached = await page.evaluate(async (name) => {
    const cache = await caches.open(name);
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  }, name!);
  expect(cached).toContain(scope);
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

  // A shared link, never visited before: the share route is served from the
  // cache too, and the result just taken shows beside the shared point.
  const link = await page.locator("#share-link").inputValue();
  await page.goto(link);
  await appReady(page);
  await expect(page.locator("h1")).toHaveText("A shared result");
  await expect(page.locator(".plane-shared")).toHaveCount(1);
  await expect(page.locator(".plane-you")).toHaveCount(1);

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

test("another page of the origin cannot make Steady run other code from its cache", async ({ page, context, baseURL }) => {
  await page.goto("");
  await appReady(page);
  await installed(page);
  const origin = new URL(baseURL!).origin;
  const wasmUrl = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name).find((n) => n.endsWith(".wasm"))!);
  expect(wasmUrl).toBeTruthy();

  // Another site on the same origin rewrites every Steady cache it can see.
  const other = await context.newPage();
  await context.route(`${origin}/other/evil.html`, (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>Another site</title><h1>Another site</h1>" }),
  );
  await other.goto(`${origin}/other/evil.html`);
  const rewritten = await other.evaluate(
    async ({ origin, wasmUrl }) => {
      let n = 0;
      for (const key of await caches.keys()) {
        const cache = await caches.open(key);
        await cache.put(`${origin}/steady/`, new Response("<!doctype html><h1>Not Steady</h1>", { headers: { "content-type": "text/html" } }));
        await cache.put(wasmUrl, new Response(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]), { headers: { "content-type": "application/wasm" } }));
        n++;
      }
      return n;
    },
    { origin, wasmUrl },
  );
  expect(rewritten).toBeGreaterThanOrEqual(1);
  await context.unroute(`${origin}/other/evil.html`);
  await other.close();

  // Offline, the changed copy is refused rather than run. Looked at from a
  // page without the test's guards: a refused start logs a 503.
  await context.setOffline(true);
  await context.route("**/*", (route) => route.abort("internetdisconnected"));
  const refused = await context.newPage();
  await refused.goto(`${origin}/steady/`);
  await expect(refused.locator("h1")).toHaveText("Steady could not start offline");
  await expect(refused.getByText("Not Steady")).toHaveCount(0);
  await refused.close();

  // Online again, the worker fetches its own bytes, checks them and
  // replaces the changed copies...
  await context.unroute("**/*");
  await context.setOffline(false);
  await page.reload();
  await appReady(page);
  await expect(page.locator("h1")).toHaveText("Steady");
  const repaired = () =>
    page.evaluate(async (wasmUrl) => {
      const key = (await caches.keys()).find((k) => k.startsWith(`steady ${location.origin}/steady/ `))!;
      const cache = await caches.open(key);
      const index = await cache.match(`${location.origin}/steady/`);
      const wasm = await cache.match(wasmUrl);
      return !!index && !!wasm && !(await index.text()).includes("Not Steady") && (await wasm.arrayBuffer()).byteLength > 1000;
    }, wasmUrl);
  await expect.poll(repaired, { message: "the worker put its own bytes back" }).toBe(true);

  // ...so that offline it runs its own release again.
  await cutNetwork(context);
  await page.reload();
  await appReady(page);
  await expect(page.locator("h1")).toHaveText("Steady");
  await page.goto("journal");
  await appReady(page);
  await expect(page.locator("h1")).toHaveText("Journal");
});

test("two copies of Steady on one origin both work offline", async ({ page, context }) => {
  test.skip(!process.env.STEADY_DIST_B, "needs the second build at /steady-b/ (cargo xtask test makes it)");
  const second = process.env.STEADY_BASE_B ?? "/steady-b/";
  await page.goto("");
  await appReady(page);
  await installed(page);
  await page.goto(second);
  await appReady(page);
  await installed(page, second);
  // Each copy keeps its own cache: installing the second deleted nothing.
  expect(await cacheOf(page, "/steady/")).not.toBeNull();
  expect(await cacheOf(page, second)).not.toBeNull();

  await cutNetwork(context);
  for (const path of ["/steady/", second, "/steady/quiz", `${second}practice/breathing`]) {
    await page.goto(new URL(path, page.url()).href);
    await appReady(page);
    await expect(page.locator("h1"), path).toHaveText(path.endsWith("quiz") ? "Attachment quiz" : path.endsWith("breathing") ? "Physiological sigh" : "Steady");
  }
});
