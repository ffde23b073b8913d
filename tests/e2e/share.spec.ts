import { readFileSync } from "node:fs";
import { test, expect, appReady, turnLockOn } from "./fixtures";
import type { Page } from "@playwright/test";

// Sharing a result as a link: the code after # carries only the two scores,
// the focus, the day and an optional name; another browser reads it with no
// server, beside its own result, and keeps it only when asked.

const pattern: { answers: number[]; expected: { anxiety: string; avoidance: string } } = JSON.parse(
  readFileSync(new URL("../fixtures/quiz-pattern.json", import.meta.url), "utf8"),
);

const DAY = 86_400_000;
/** One saved result, in the app's own storage format. */
const result = (id: string, anxiety: number, avoidance: number) => ({
  id,
  focus: "general",
  taken_at: Date.now() - 3 * DAY,
  scores: { anxiety, avoidance },
  answers: {},
  answered: 36,
  of: 36,
});

async function seedResults(page: Page, results: object[]) {
  await page.evaluate((data) => {
    localStorage.setItem("steady.quiz.results", JSON.stringify({ v: 1, data }));
  }, results);
}

/** The share link of the result `id` already stored, with `name` typed. */
async function linkOf(page: Page, id: string, name = ""): Promise<string> {
  await page.goto(`quiz/result/${id}`);
  await expect(page.locator("h1")).toHaveText("Your result");
  if (name) await page.getByLabel("Your first name or a nickname (optional)").fill(name);
  const link = page.locator("#share-link");
  await expect(link).toHaveValue(/\/share#[A-Za-z0-9_-]+$/);
  return link.inputValue();
}

test("a link made in one browser opens in a fresh one, alone and then beside the reader's own", async ({ page, browser, baseURL }) => {
  // A takes the whole quiz and makes the link, with a name.
  await page.goto("quiz");
  await appReady(page);
  await page.getByRole("button", { name: "Start the quiz" }).click();
  for (const answer of pattern.answers) await page.keyboard.press(String(answer));
  await expect(page.locator("h1")).toHaveText("Your result");
  const panel = page.locator("section.share-panel");
  await expect(panel).toContainText("Your answers and your journal are never in it");
  await expect(panel).toContainText("It is not sent to any server");
  await expect(panel).toContainText("anyone who has the link can read what it holds");
  await page.getByLabel("Your first name or a nickname (optional)").fill("  Sam ");
  const link = await page.locator("#share-link").inputValue();
  // Short enough for a text message, and none of the answers in it.
  const code = link.split("#")[1];
  expect(code.length).toBeLessThanOrEqual(20);
  expect(link.startsWith(new URL("share#", baseURL!).href)).toBe(true);
  // The QR code is drawn here: an SVG path, no image fetched.
  await page.getByRole("button", { name: "Show QR code" }).click();
  await expect(page.getByRole("img", { name: "QR code of the share link" })).toBeVisible();
  await expect(page.locator(".share-qr path")).toHaveAttribute("d", /^M4 4h7v1h-7z/);
  // A name that cannot go in a link says why and makes no link.
  await page.getByLabel("Your first name or a nickname (optional)").fill("x".repeat(30));
  await expect(page.locator("#share-name-problem")).toContainText("at most 24 characters");
  await expect(page.locator("#share-link")).toHaveValue("");

  // B: a fresh browser with nothing stored.
  const other = await browser.newContext();
  const b = await other.newPage();
  const foreign: string[] = [];
  b.on("request", (r) => {
    if (!r.url().startsWith(new URL(baseURL!).origin + "/")) foreign.push(r.url());
  });
  await b.goto(link);
  await expect(b.locator("h1")).toHaveText("A shared result");
  await expect(b.locator(".result-meta")).toContainText("Shared by Sam");
  await expect(b.locator(".plane-shared")).toHaveCount(1);
  await expect(b.locator(".plane-you")).toHaveCount(0);
  await expect(b.locator("figure.plane figcaption")).toContainText(
    `Diamond, Sam: Anxiety ${pattern.expected.anxiety} and avoidance ${pattern.expected.avoidance}`,
  );
  await expect(b.getByRole("link", { name: "Take the quiz" })).toBeVisible();
  await expect(b.locator("main")).toContainText("This is self-reflection, not a diagnosis.");
  // Nothing was stored by opening it.
  expect(await b.evaluate(() => localStorage.getItem("steady.comparisons"))).toBeNull();

  // B has a result leaning avoidant: both points, and words about the pair.
  await seedResults(b, [result("mine", 22, 58)]);
  await b.reload();
  await expect(b.locator(".plane-shared")).toHaveCount(1);
  await expect(b.locator(".plane-you")).toHaveCount(1);
  await expect(b.locator("figure.plane figcaption")).toContainText("Circle, you: Anxiety 2.2 and avoidance 5.8");
  await expect(b.getByRole("heading", { name: "One leans anxious, the other avoidant" })).toBeVisible();
  await expect(b.locator("main")).toContainText("pursue-withdraw");
  await expect(b.locator("main")).toContainText("not a verdict on either of you");
  await expect(b.locator(".safety-note")).toContainText("where you both feel safe");
  await expect(b.getByRole("link", { name: "Repair scripts to try together" })).toHaveAttribute("href", /practice\/repair$/);
  expect(foreign).toEqual([]);
  await other.close();
});

test("keep survives a reload, is listed, and Erase everything erases it", async ({ page }) => {
  await page.goto("");
  await appReady(page);
  await seedResults(page, [result("r1", 30, 52)]);
  const link = await linkOf(page, "r1", "Ana");
  await page.goto(link);
  await expect(page.locator("main")).toContainText("Nothing from this link has been saved.");
  await page.getByRole("button", { name: "Keep this on my device" }).click();
  await expect(page.locator(".kept-note")).toHaveText("Kept on this device.");

  await page.reload();
  await appReady(page);
  await expect(page.locator(".kept-note")).toHaveText("Kept on this device.");
  // Without a code, the page lists what is kept, each linking back.
  await page.goto("share");
  await expect(page.locator(".kept-list li")).toHaveCount(1);
  await expect(page.locator(".kept-list a")).toContainText("Ana");
  // It is part of the backup's data.
  const stored = await page.evaluate(() => localStorage.getItem("steady.comparisons"));
  expect(stored).toContain(link.split("#")[1]);

  await page.goto("data");
  await page.getByRole("button", { name: "Erase everything…" }).click();
  await page.getByRole("button", { name: "Yes, erase everything" }).click();
  await expect(page.getByText("Everything was erased from this browser.")).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem("steady.comparisons"))).toBeNull();
  await page.goto("share");
  await expect(page.locator("main")).toContainText("No shared results are kept on this device.");
  await page.goto(link);
  await expect(page.getByRole("button", { name: "Keep this on my device" })).toBeVisible();
});

test("a truncated, changed, foreign or empty link gets a plain message and changes nothing", async ({ page }) => {
  await page.goto("");
  await appReady(page);
  await seedResults(page, [result("r1", 30, 52)]);
  const link = await linkOf(page, "r1");
  const before = await page.evaluate(() => JSON.stringify(localStorage));
  const [at, code] = link.split("#");
  const changed = code.slice(0, 3) + (code[3] === "A" ? "B" : "A") + code.slice(4);
  const cases: [string, RegExp][] = [
    [code.slice(0, -3), /stops too early/],
    [changed, /changed or damaged/],
    ["hello%20there", /does not hold a shared Steady result/],
  ];
  for (const [bad, message] of cases) {
    await page.goto(`${at}#${bad}`);
    await expect(page.locator("h1")).toHaveText("This shared link cannot be read");
    await expect(page.getByRole("alert")).toHaveText(message);
    await expect(page.getByRole("alert")).toContainText("Nothing was saved or changed.");
    await expect(page.locator(".plane-shared")).toHaveCount(0);
  }
  expect(await page.evaluate(() => JSON.stringify(localStorage))).toBe(before);
});

test("while locked, a link shows the shared point, and unlocking in place adds one's own and what is kept", async ({ page }) => {
  test.setTimeout(60_000);
  const PASS = "quiet harbour lantern";
  await page.goto("");
  await appReady(page);
  await seedResults(page, [result("r1", 58, 24)]);
  const link = await linkOf(page, "r1", "Ana");
  await page.goto(link);
  await page.getByRole("button", { name: "Keep this on my device" }).click();
  await expect(page.locator(".kept-note")).toBeVisible();

  await turnLockOn(page, PASS);
  // The kept comparison is sealed at rest like every other value.
  const code = link.split("#")[1];
  const sealed = await page.evaluate(() => localStorage.getItem("steady.comparisons"));
  expect(sealed).not.toBeNull();
  expect(sealed).not.toContain(code);

  await page.goto(link);
  await page.reload();
  await appReady(page);
  await expect(page.locator("h1")).toHaveText("A shared result");
  await expect(page.locator(".plane-shared")).toHaveCount(1);
  await expect(page.locator(".plane-you")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Your own result is locked" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Keep this on my device" })).toHaveCount(0);

  await page.getByRole("button", { name: "Unlock to compare" }).click();
  await page.getByLabel("Passphrase", { exact: true }).fill(PASS);
  await page.getByRole("button", { name: "Unlock" }).click();
  await expect(page.locator(".plane-you")).toHaveCount(1);
  await expect(page.locator(".kept-note")).toHaveText("Kept on this device.");
  expect(page.url()).toBe(link);
});
