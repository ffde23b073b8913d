import { test, expect, appReady, keptAside } from "./fixtures";
import type { Page } from "@playwright/test";

const body = (page: Page) => page.getByLabel("What happened, and how it felt");
const entries = (page: Page) => page.locator(".entries > li");

async function openJournal(page: Page) {
  await page.goto("journal");
  await appReady(page);
  await expect(page.locator("h1")).toHaveText("Journal");
}

async function write(page: Page, text: { title?: string; body: string; feeling?: string; tags?: string }) {
  if (text.title) await page.getByLabel(/^Title/).fill(text.title);
  await body(page).fill(text.body);
  if (text.feeling) await page.locator("#entry-feeling").fill(text.feeling);
  if (text.tags) await page.getByLabel(/^Tags \(optional/).fill(text.tags);
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page.getByText("Entry saved.")).toBeVisible();
}

test("an entry written by keyboard is there after a reload", async ({ page }) => {
  await openJournal(page);
  await page.getByLabel(/^Title/).focus();
  await page.keyboard.type("First evening");
  await page.keyboard.press("Tab");
  await page.keyboard.type("They were late and I felt the old knot.");
  await page.keyboard.press("Tab");
  await page.keyboard.type("anxious");
  // Past the feeling's word chips (the typed word's own chip now shows pressed).
  await expect(page.getByRole("group", { name: "Feeling words" }).getByRole("button", { name: "anxious", exact: true })).toHaveAttribute("aria-pressed", "true");
  const scale = page.locator("#entry-intensity input");
  for (let i = 0; i < 15 && (await scale.evaluateAll((els) => !els.includes(document.activeElement as Element))); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(page.locator("#entry-intensity-0")).toBeFocused();
  await page.keyboard.press("ArrowDown"); // Intensity: from 0 on to 1
  await page.keyboard.press("Tab"); // Clear
  await page.keyboard.press("Tab");
  await page.keyboard.type("evening, Late ");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Entry saved.")).toBeVisible();
  await expect(body(page)).toHaveValue("");

  await page.reload();
  await appReady(page);
  const entry = entries(page).first();
  await expect(entry.getByRole("heading", { name: "First evening" })).toBeVisible();
  await expect(entry).toContainText("They were late and I felt the old knot.");
  await expect(entry).toContainText("anxious");
  await expect(entry.locator(".entry-tags li")).toHaveText(["evening", "late"]);
});

test("a draft survives a reload; edit and delete with undo", async ({ page }) => {
  await openJournal(page);
  await body(page).fill("Half a thought");
  await page.reload();
  await appReady(page);
  await expect(body(page)).toHaveValue("Half a thought");
  await expect(page.getByText("Your unsaved draft is back")).toBeVisible();
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(entries(page)).toHaveCount(1);

  await entries(page).first().getByRole("button", { name: "Edit" }).click();
  await expect(page.getByRole("heading", { name: "Edit entry" })).toBeVisible();
  await expect(body(page)).toBeFocused();
  await body(page).fill("A whole thought");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page).first()).toContainText("A whole thought");

  await entries(page).first().getByRole("button", { name: /^Delete/ }).click();
  await expect(entries(page)).toHaveCount(0);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(entries(page)).toHaveCount(1);
  // The Undo button went with its toast: focus lands on the entry put back.
  await expect(entries(page).first().locator("article")).toBeFocused();
  await page.reload();
  await appReady(page);
  await expect(entries(page).first()).toContainText("A whole thought");
});

test("search and filters narrow the list", async ({ page }) => {
  await openJournal(page);
  await write(page, { body: "Walked by the river and felt calm.", tags: "walks" });
  await write(page, { body: "Argued about the dishes.", tags: "home" });
  await write(page, { body: "River again, then a good talk.", tags: "walks, talks" });
  await expect(entries(page)).toHaveCount(3);

  await page.getByLabel("Search your journal").fill("river");
  await expect(entries(page)).toHaveCount(2);
  await expect(page.getByText("2 of 3 entries match.")).toBeVisible();
  await page.getByLabel("Search your journal").fill("river talk");
  await expect(entries(page)).toHaveCount(1);
  await page.getByLabel("Search your journal").fill("");
  await page.getByText("Filter by kind, tag or date").click();
  await page.getByLabel("Tag", { exact: true }).selectOption("home");
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page).first()).toContainText("dishes");
});

test("script-injection strings in every field render as plain text", async ({ page }) => {
  await openJournal(page);
  const evil = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>`;
  await write(page, { title: evil, body: evil, feeling: "<b>bold</b>", tags: "<i>t</i>" });
  const entry = entries(page).first();
  await expect(entry.getByRole("heading")).toHaveText(evil);
  await expect(entry.locator(".entry-body")).toHaveText(evil);
  await expect(entry.locator("img, script, b, i")).toHaveCount(0);
  await page.reload();
  await appReady(page);
  await expect(entries(page).first().locator("img, script, b, i")).toHaveCount(0);
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
});

test("a full storage says not saved and keeps the text on screen", async ({ page }) => {
  await openJournal(page);
  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  await body(page).fill("Words that must not vanish");
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page.locator(".form-status")).toContainText("was not saved");
  await expect(page.locator(".form-status")).toContainText("nothing was lost");
  await expect(body(page)).toHaveValue("Words that must not vanish");
  await expect(entries(page)).toHaveCount(0);
});

test("two tabs stay current and never drop each other's entries", async ({ page, context }) => {
  await openJournal(page);
  const other = await context.newPage();
  await openJournal(other);

  await write(page, { body: "Written in the first tab" });
  // The other tab hears of it through the storage event.
  await expect(entries(other)).toHaveCount(1);
  await expect(entries(other).first()).toContainText("Written in the first tab");

  await write(other, { body: "Written in the second tab" });
  await expect(entries(page)).toHaveCount(2);

  // Both tabs reload to the same two entries.
  await page.reload();
  await appReady(page);
  await expect(entries(page)).toHaveCount(2);
  await other.close();
});

test("corrupted journal data gets a recovery notice and the raw value is kept", async ({ page }) => {
  await openJournal(page);
  await page.evaluate(() => localStorage.setItem("steady.journal", '{"v":1,"data":[{"id":""}]}'));
  await page.reload();
  await appReady(page);
  await expect(page.locator(".notice")).toContainText("journal could not be read");
  expect(await keptAside(page, "journal")).toBe('{"v":1,"data":[{"id":""}]}');
  await write(page, { body: "A fresh start" });
  expect(await keptAside(page, "journal")).toBe('{"v":1,"data":[{"id":""}]}');
});

test("a journal of 5,000 entries opens, pages and searches", async ({ page }) => {
  await openJournal(page);
  await page.evaluate(() => {
    const now = Date.now();
    const words = ["river", "phone", "silence", "dinner", "work", "walk", "message", "call"];
    const data = Array.from({ length: 5000 }, (_, i) => ({
      id: `e${i}`,
      created: now - i * 3_600_000,
      updated: now - i * 3_600_000,
      kind: "free",
      title: `Entry ${i}`,
      body: `Today the ${words[i % 8]} made me think, and then the ${words[(i * 3) % 8]} again. Number ${i}.`,
      tags: [words[i % 8]],
    }));
    localStorage.setItem("steady.journal", JSON.stringify({ v: 1, data }));
  });
  await page.reload();
  await appReady(page);
  await expect(page.getByText("5000 entries.")).toBeVisible();
  await expect(entries(page)).toHaveCount(30);
  await page.getByRole("button", { name: /Show more/ }).click();
  await expect(entries(page)).toHaveCount(60);
  await page.getByLabel("Search your journal").fill("number 4999");
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page).first().getByRole("heading")).toHaveText("Entry 4999");
});

test("after a delete far down the list, Undo is in view and waits while it is held", async ({ page }) => {
  await page.clock.install();
  await openJournal(page);
  for (const n of [1, 2, 3, 4, 5, 6]) await write(page, { title: `Entry ${n}`, body: `Something that happened, number ${n}.` });
  const last = entries(page).last();
  await last.scrollIntoViewIfNeeded();
  await last.getByRole("button", { name: /^Delete/ }).click();
  await expect(entries(page)).toHaveCount(5);
  const undo = page.getByRole("button", { name: "Undo" });
  await expect(undo).toBeInViewport({ ratio: 1 });
  await expect(page.locator(".toast-area")).toHaveAttribute("aria-live", "polite");
  await expect(page.locator(".toast")).toContainText("Deleted “Entry 1”.");
  // Long enough to use, and still while focus is on it.
  await page.clock.runFor(10_000);
  await expect(undo).toBeVisible();
  await undo.focus();
  await page.clock.runFor(60_000);
  await expect(undo).toBeVisible();
  await undo.press("Enter");
  await expect(entries(page)).toHaveCount(6);
  await expect(page.locator(".toast")).toHaveCount(0);

  // Left alone, it goes by itself.
  await entries(page).first().getByRole("button", { name: /^Delete/ }).click();
  await expect(undo).toBeVisible();
  await page.mouse.move(0, 0);
  await page.locator("h1").evaluate((h) => (document.activeElement as HTMLElement | null)?.blur());
  await page.clock.runFor(16_000);
  await expect(page.locator(".toast")).toHaveCount(0);
});
