import { readFileSync } from "node:fs";
import { test, expect, appReady } from "./fixtures";
import type { Page } from "@playwright/test";

const fixture = (name: string) => new URL(`../fixtures/backups/${name}`, import.meta.url).pathname;

async function openData(page: Page) {
  await page.goto("data");
  await appReady(page);
}

/** Every key of ours, to prove a failed import changed nothing. */
const snapshot = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("steady."))
      .sort()
      .map((k) => [k, localStorage.getItem(k)]),
  );

async function writeEntry(page: Page, body: string) {
  await page.goto("journal");
  await appReady(page);
  await page.getByLabel("What happened, and how it felt").fill(body);
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page.getByText("Entry saved.")).toBeVisible();
}

test("a backup downloads, and importing it elsewhere brings the entries back", async ({ page, browser }) => {
  await writeEntry(page, "An entry worth keeping <b>safe</b>");
  await openData(page);
  await expect(page.getByText("You have not made a backup yet.")).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download a backup" }).click();
  const file = await (await download).path();
  const backup = JSON.parse(readFileSync(file, "utf8"));
  expect(backup.format).toBe("steady-backup");
  expect(backup.version).toBe(1);
  expect(backup.journal[0].body).toBe("An entry worth keeping <b>safe</b>");
  await expect(page.getByText(/^Last backup:/)).toBeVisible();

  // A fresh browser profile: another device.
  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page2 = await other.newPage();
  await openData(page2);
  await page2.getByLabel("Backup file").setInputFiles(file);
  await expect(page2.locator(".import-preview")).toContainText("1 new journal entries");
  await page2.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page2.locator(".import-status")).toContainText("Imported");
  await page2.goto("journal");
  await expect(page2.locator(".entries > li")).toHaveCount(1);
  await expect(page2.locator(".entry-body")).toHaveText("An entry worth keeping <b>safe</b>");
  await other.close();
});

test("the journal downloads as Markdown", async ({ page }) => {
  await writeEntry(page, "# not a heading");
  await openData(page);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download the journal as Markdown" }).click();
  const text = readFileSync(await (await download).path(), "utf8");
  expect(text).toContain("\\# not a heading");
});

const BAD_FILES: [string, RegExp][] = [
  ["not-json.txt", /not the kind of text Steady saves/],
  ["truncated.json", /stops part of the way through/],
  ["empty.json", /empty/],
  ["other-app.json", /not a Steady backup/],
  ["newer-version.json", /newer version of Steady/],
  ["bad-intensity.json", /damaged.*intensity/],
  ["duplicate-ids.json", /damaged/],
];

for (const [name, message] of BAD_FILES) {
  test(`importing ${name} explains the problem and changes nothing`, async ({ page }) => {
    await writeEntry(page, "Here before the import");
    await openData(page);
    const before = await snapshot(page);
    await page.getByLabel("Backup file").setInputFiles(fixture(name));
    await expect(page.locator(".import-status")).toContainText(message);
    await expect(page.locator(".import-status")).toContainText("Nothing was changed.");
    await expect(page.locator(".import-preview")).toHaveCount(0);
    expect(await snapshot(page)).toEqual(before);
  });
}

test("a file over 10 MB is refused before it is read", async ({ page }) => {
  await openData(page);
  await page.getByLabel("Backup file").setInputFiles({
    name: "huge.json",
    mimeType: "application/json",
    buffer: Buffer.alloc(10 * 1024 * 1024 + 1, " "),
  });
  await expect(page.locator(".import-status")).toContainText("far larger than a Steady backup");
});

test("replace shows what would be removed; merge keeps what is here", async ({ page }) => {
  await writeEntry(page, "Only on this device");
  await openData(page);
  await page.getByLabel("Backup file").setInputFiles(fixture("valid-v1.json"));
  await page.getByRole("radio", { name: /^Replace/ }).check();
  await expect(page.locator(".import-preview")).toContainText("1 entries");
  await page.getByRole("radio", { name: /^Merge/ }).check();
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.locator(".import-status")).toContainText("Imported");
  await page.goto("journal");
  await expect(page.locator(".entry-body", { hasText: "Only on this device" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No reply all afternoon" })).toBeVisible();
});

test("erase everything asks first, then leaves nothing of Steady's", async ({ page }) => {
  await writeEntry(page, "To be erased");
  await openData(page);
  await page.evaluate(() => localStorage.setItem("not-steady", "keep me"));
  await page.getByRole("button", { name: "Erase everything…" }).click();
  await page.getByRole("button", { name: "Cancel" }).click();
  expect((await snapshot(page)).length).toBeGreaterThan(0);
  await page.getByRole("button", { name: "Erase everything…" }).click();
  await page.getByRole("button", { name: "Yes, erase everything" }).click();
  await expect(page.getByText("Everything was erased from this browser.")).toBeVisible();
  // Only the erase counter is left, which tells other open tabs not to
  // write their copies back.
  expect((await snapshot(page)).map(([key]) => key)).toEqual(["steady.epoch"]);
  expect(await page.evaluate(() => localStorage.getItem("not-steady"))).toBe("keep me");
  await page.goto("journal");
  await expect(page.locator(".entries > li")).toHaveCount(0);
});

test("an unreadable value can be downloaded from the data page", async ({ page }) => {
  await openData(page);
  await page.evaluate(() => localStorage.setItem("steady.journal", "garbage"));
  await page.reload();
  await appReady(page);
  await expect(page.getByRole("heading", { name: "Data Steady could not read" })).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download", exact: true }).click();
  expect(readFileSync(await (await download).path(), "utf8")).toBe("garbage");
});
