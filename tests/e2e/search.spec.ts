import { test, expect, appReady } from "./fixtures";

// The words people actually type (issue 17), and an article each must find.
// Most of them are not the library's own words: stemming ("pursuer" meets
// "pursuing") and content/synonyms.toml ("clingy" finds the anxious page)
// bridge the gap.
const ANXIOUS = "Anxious attachment: when closeness feels uncertain";
const AVOIDANT = "Avoidant attachment: when closeness feels like too much";
const FEARFUL = "Push and pull: the fearful-avoidant pattern";
const SECURE = "What secure attachment is";

const WORDS: [string, string][] = [
  ["clingy", ANXIOUS],
  ["needy", ANXIOUS],
  ["ghosting", AVOIDANT],
  ["pulls away", AVOIDANT],
  ["shuts down", AVOIDANT],
  ["jealous", SECURE],
  ["abandonment", ANXIOUS],
  ["push-pull", FEARFUL],
  ["hot and cold", FEARFUL],
  ["trust issues", ANXIOUS],
  ["pursuer", ANXIOUS],
  ["pursuing", ANXIOUS],
  ["pursues", ANXIOUS],
  ["pursue", ANXIOUS],
];

test("each word people type finds a relevant article", async ({ page }) => {
  await page.goto("learn");
  await appReady(page);
  const box = page.getByRole("searchbox", { name: "Search the library" });
  const status = page.getByRole("status").filter({ hasText: /match/ });
  for (const [word, title] of WORDS) {
    await box.fill(word);
    await expect(status, word).toContainText(/\d+ articles? match/);
    await expect(page.locator(".card-title").filter({ hasText: title }), `"${word}" finds "${title}"`).toBeVisible();
  }
  // A result opens its article.
  await box.fill("pursuer");
  await page.locator(".card-title a").filter({ hasText: ANXIOUS }).click();
  await expect(page.locator("h1")).toHaveText(ANXIOUS);
  await expect(page.getByRole("heading", { name: "The pursue-withdraw cycle" })).toBeVisible();
});

test("a search with no match offers the styles and the help page", async ({ page }) => {
  await page.goto("learn");
  await appReady(page);
  const box = page.getByRole("searchbox", { name: "Search the library" });
  await box.pressSequentially("zzzqqq");
  await expect(page.getByRole("status")).toContainText("No article matches.");
  const offer = page.getByRole("region", { name: "Start with the styles" });
  await expect(offer).toBeVisible();
  for (const title of [ANXIOUS, AVOIDANT, FEARFUL, SECURE]) {
    await expect(offer.locator(".card-title").filter({ hasText: title })).toBeVisible();
  }
  // Help is one step away, even from an empty search.
  await offer.getByRole("link", { name: "help page" }).click();
  await expect(page.locator("h1")).toHaveText("Need help now?");
  // Back in the library, a search that matches shows results, not the offer.
  await page.goBack();
  await appReady(page);
  await page.getByRole("searchbox", { name: "Search the library" }).fill("clingy");
  await expect(page.getByRole("region", { name: "Start with the styles" })).toHaveCount(0);
});

test("a search with a crisis word puts help first, with kind words, never 'no article matches'", async ({ page }) => {
  await page.goto("learn");
  await appReady(page);
  const box = page.getByRole("searchbox", { name: "Search the library" });
  const help = page.getByRole("region", { name: "Need help now?" });
  for (const [typed, link, href] of [
    ["suicide", "Crisis lines in your country", /\/help$/],
    ["I keep hurting myself", "Crisis lines in your country", /\/help$/],
    ["sucidal", "Crisis lines in your country", /\/help$/],
    ["self-harm", "Crisis lines in your country", /\/help$/],
    ["my partner hits me", "If you don\u2019t feel safe with someone", /\/help#if-you-dont-feel-safe-with-someone$/],
    ["afraid of my partner", "If you don\u2019t feel safe with someone", /\/help#if-you-dont-feel-safe-with-someone$/],
    ["my mum passed away", "Support after a loss", /\/help#after-a-loss$/],
    ["grieving", "Support after a loss", /\/help#after-a-loss$/],
  ] as [string, string, RegExp][]) {
    await box.fill(typed);
    await expect(help, typed).toBeVisible();
    await expect(help.getByRole("link", { name: link }), typed).toHaveAttribute("href", href);
    await expect(page.getByRole("status").filter({ hasText: /./ }).first(), typed).not.toContainText("No article matches");
    await expect(page.getByRole("region", { name: "Start with the styles" }), typed).toHaveCount(0);
    // Help comes before any article the search also found.
    const cards = page.locator(".card-list .card-title");
    if ((await cards.count()) > 0) {
      expect((await help.boundingBox())!.y, typed).toBeLessThan((await cards.first().boundingBox())!.y);
    }
  }
  await box.fill("suicide");
  await expect(help).toContainText("You matter, and you do not have to face this alone.");
  await help.getByRole("link", { name: "Crisis lines in your country" }).click();
  await expect(page.locator("h1")).toHaveText("Need help now?");
});

test("common misspellings and the words people use about partners find their article", async ({ page }) => {
  await page.goto("learn");
  await appReady(page);
  const box = page.getByRole("searchbox", { name: "Search the library" });
  for (const [word, title] of [
    ["anxios", ANXIOUS],
    ["avoidnat", AVOIDANT],
    ["reasurance", ANXIOUS],
    ["breadcrumbing", ANXIOUS],
    ["ignored", ANXIOUS],
    ["needs space", AVOIDANT],
  ] as [string, string][]) {
    await box.fill(word);
    await expect(page.locator(".card-title").filter({ hasText: title }), `"${word}" finds "${title}"`).toBeVisible();
  }
  // What was typed stays as typed.
  await box.fill("anxios");
  await expect(box).toHaveValue("anxios");
});
