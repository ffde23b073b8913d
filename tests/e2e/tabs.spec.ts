import { test, expect, appReady } from "./fixtures";
import type { Page } from "@playwright/test";

const body = (page: Page) => page.getByLabel("What happened, and how it felt");
const entries = (page: Page) => page.locator(".entries > li");

async function openJournal(page: Page) {
  await page.goto("journal");
  await appReady(page);
}

// Two tabs of one browser share one localStorage. An erase in one must not
// be undone by the other tab writing back the copy it still holds.
test("an erase in one tab stays erased after the other tab saves", async ({ page, context }) => {
  await openJournal(page);
  await body(page).fill("Written before the erase");
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page.getByText("Entry saved.")).toBeVisible();

  // The second tab opens while the entry exists, and shows it.
  const other = await context.newPage();
  await openJournal(other);
  await expect(entries(other)).toHaveCount(1);

  await page.goto("data");
  await appReady(page);
  await page.getByRole("button", { name: "Erase everything…" }).click();
  await page.getByRole("button", { name: "Yes, erase everything" }).click();
  await expect(page.getByText("Everything was erased from this browser.")).toBeVisible();

  // The other tab saves a new entry. Either it already reloaded (the storage
  // event) and saves, or its save finds it stale and says so; never does the
  // erased entry come back.
  await body(other).fill("Written after the erase");
  await other.getByRole("button", { name: "Save entry" }).click();
  await expect(other.getByText(/Entry saved\.|erased or replaced in another tab/)).toBeVisible();

  await openJournal(page);
  await expect(page.locator(".entries")).not.toContainText("Written before the erase");
  await other.reload();
  await appReady(other);
  await expect(other.locator("main")).not.toContainText("Written before the erase");
  await other.close();
});
