import { readFileSync } from "node:fs";
import { test, expect, appReady, turnLockOn } from "./fixtures";
import type { Page } from "@playwright/test";

// Phones reload a tab when the person switches apps, which is exactly when
// a practice tool is in use: every tool keeps its text and step as it is
// typed, under the same rules as every other value (sealed by the lock, in
// the backup, erased with everything), and gives it back after a reload.

test.use({ locale: "en-GB", timezoneId: "UTC" });

const START = new Date("2026-11-22T18:25:00Z");
const KEPT = "We kept what you wrote";

async function open(page: Page, route: string, heading: string) {
  await page.goto(route);
  await appReady(page);
  await expect(page.locator("h1")).toHaveText(heading);
}

async function reload(page: Page) {
  await page.reload();
  await appReady(page);
}

const stored = (page: Page, key: string) => page.evaluate((k) => localStorage.getItem(k), key);

test("reframe: what I typed is back after a reload, and saving forgets the draft", async ({ page }) => {
  await open(page, "practice/reframe", "Three generous explanations");
  await expect(page.getByText(KEPT)).toHaveCount(0);
  await page.getByLabel(/^1\. What happened/).fill("No reply for two hours");
  await page.getByLabel(/^2\./).fill("She is losing interest");
  await page.locator("#reframe-before").getByRole("radio", { name: "6", exact: true }).check();
  await expect.poll(() => stored(page, "steady.practice.draft.reframe")).toContain("losing interest");

  await reload(page);
  await expect(page.getByText(KEPT)).toBeVisible();
  await expect(page.getByLabel(/^1\. What happened/)).toHaveValue("No reply for two hours");
  await expect(page.getByLabel(/^2\./)).toHaveValue("She is losing interest");
  await expect(page.locator("#reframe-before").getByRole("radio", { name: "6", exact: true })).toBeChecked();

  await page.getByRole("button", { name: "Save to my journal" }).click();
  await expect(page.locator(".saved")).toContainText(/^Saved/);
  await expect(page.getByText(KEPT)).toHaveCount(0);
  await expect.poll(() => stored(page, "steady.practice.draft.reframe")).toBeNull();
  await reload(page);
  await expect(page.getByLabel(/^1\. What happened/)).toHaveValue("");
  await expect(page.getByText(KEPT)).toHaveCount(0);
});

test("Start afresh empties the tool, and Undo in view gives it all back", async ({ page }) => {
  await open(page, "practice/trigger-log", "Trigger log");
  await page.getByLabel("What happened").fill("The meeting ran over");
  await page.locator("#trigger-feeling").fill("tense");
  await expect.poll(() => stored(page, "steady.practice.draft.trigger-log")).toContain("meeting");
  await reload(page);
  await page.getByRole("button", { name: "Start afresh" }).click();
  await expect(page.getByLabel("What happened")).toHaveValue("");
  await expect.poll(() => stored(page, "steady.practice.draft.trigger-log")).toBeNull();
  const undo = page.locator(".toast").getByRole("button", { name: "Undo" });
  await expect(undo).toBeInViewport();
  await undo.click();
  await expect(page.getByLabel("What happened")).toHaveValue("The meeting ran over");
  await expect(page.locator("#trigger-feeling")).toHaveValue("tense");
  await expect.poll(() => stored(page, "steady.practice.draft.trigger-log")).toContain("meeting");
});

test("I'm activated comes back on the step I was on, with my words", async ({ page }) => {
  await open(page, "practice/activated", "I'm activated");
  await page.getByRole("button", { name: "Skip this step" }).click(); // breathe
  await page.locator("#activated-feeling").fill("scared");
  await page.getByRole("button", { name: "Done, next step" }).click(); // name
  await expect(page.getByText("Step 3 of 5")).toBeVisible();
  await expect.poll(() => stored(page, "steady.practice.draft.activated")).toContain("scared");

  await reload(page);
  await expect(page.getByText(KEPT)).toBeVisible();
  await expect(page.getByText("Step 3 of 5")).toBeVisible();
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page.locator("#activated-feeling")).toHaveValue("scared");
});

test("repair keeps every script's words through a reload", async ({ page }) => {
  await open(page, "practice/repair", "Repair scripts");
  const field = page.locator("input[type=text]").first();
  await field.fill("raised my voice");
  await expect.poll(() => stored(page, "steady.practice.draft.repair")).toContain("raised my voice");
  await reload(page);
  await expect(page.locator("input[type=text]").first()).toHaveValue("raised my voice");
});

test("the wait keeps its urge until it starts, and the message I wrote instead of sending", async ({ page }) => {
  await page.clock.install({ time: START });
  await open(page, "practice/wait", "Wait before you act");
  await page.getByLabel("What do you want to do right now?").fill("Text him again");
  await expect.poll(() => stored(page, "steady.practice.draft.wait")).toContain("Text him");
  await reload(page);
  await expect(page.getByText(KEPT)).toBeVisible();
  await expect(page.getByLabel("What do you want to do right now?")).toHaveValue("Text him again");
  const minutes = page.getByLabel("Wait for how many minutes?");
  await minutes.fill("2");
  await page.getByRole("button", { name: "Start waiting" }).click();
  // The urge lives in the timer now: the draft is gone.
  await expect.poll(() => stored(page, "steady.practice.draft.wait")).toBeNull();

  const box = page.getByLabel("The message you want to send");
  await box.fill("Why haven't you answered?\nI need to know.");
  // Kept apart from the timer, as a draft of its own.
  await expect.poll(() => stored(page, "steady.practice.draft.wait-message")).toContain("answered");
  expect(await stored(page, "steady.practice.wait")).not.toContain("answered");
  await reload(page);
  await expect(page.getByLabel("The message you want to send")).toHaveValue("Why haven't you answered?\nI need to know.");
  await expect(page.getByText(KEPT)).toBeVisible();

  await page.clock.fastForward(3 * 60_000);
  await expect(page.getByRole("heading", { name: "The wait is over. Do you still want to?" })).toBeVisible();
  const said = page.locator("#unsent-said");
  await expect(said).toHaveText("Why haven't you answered?\nI need to know.");
  await page.getByRole("radio", { name: "No, the urge has passed" }).check();
  await page.getByLabel("Keep the message in my journal with my answer").check();
  await page.getByRole("button", { name: "Save my answer" }).click();
  await expect(page.locator(".saved")).toContainText("Your message is kept with it.");
  await expect.poll(() => stored(page, "steady.practice.draft.wait-message")).toBeNull();
  await page.goto("journal");
  await appReady(page);
  await expect(page.locator(".entries > li").first()).toContainText("Why haven't you answered?");
});

/** A one-minute wait to "Call her", with "Pick up the phone" written
 *  instead of sent, run to its end. */
async function waitOneMinuteWithAMessage(page: Page) {
  await page.clock.install({ time: START });
  await open(page, "practice/wait", "Wait before you act");
  await page.getByLabel("What do you want to do right now?").fill("Call her");
  await page.getByLabel("Wait for how many minutes?").fill("1");
  await page.getByRole("button", { name: "Start waiting" }).click();
  await page.getByLabel("The message you want to send").fill("Pick up the phone");
  await page.clock.fastForward(2 * 60_000);
}

test("a message not kept is said so, and stays out of the journal", async ({ page }) => {
  await waitOneMinuteWithAMessage(page);
  await page.getByRole("radio", { name: "Yes, I still want to" }).check();
  await page.getByRole("button", { name: "Save my answer" }).click();
  await expect(page.locator(".saved")).toContainText("Your message was not kept, as you chose.");
  await page.goto("journal");
  await appReady(page);
  await expect(page.locator(".entries > li").first()).not.toContainText("Pick up the phone");
});

test("the message can be discarded at the end", async ({ page }) => {
  await waitOneMinuteWithAMessage(page);
  await expect(page.locator("#unsent-said")).toHaveText("Pick up the phone");
  await page.getByRole("button", { name: "Discard the message" }).click();
  await expect(page.locator("#unsent-said")).toHaveCount(0);
  await expect.poll(() => stored(page, "steady.practice.draft.wait-message")).toBeNull();
  await page.getByRole("radio", { name: "Yes, I still want to" }).check();
  await page.getByRole("button", { name: "Save my answer" }).click();
  await expect(page.locator(".saved")).toContainText(/^Saved/);
  await expect(page.locator(".saved")).not.toContainText("message");
  await page.goto("journal");
  await appReady(page);
  const entry = page.locator(".entries > li").first();
  await expect(entry).toContainText("Call her");
  await expect(entry).not.toContainText("Pick up the phone");
});

test("under the lock a draft is sealed at rest and still comes back after the unlock", async ({ page }) => {
  const PASS = "quiet harbour lantern";
  await turnLockOn(page, PASS);

  const unlock = async () => {
    await appReady(page);
    await expect(page.getByRole("heading", { level: 1, name: "Steady is locked" })).toBeVisible();
    await page.getByLabel("Passphrase", { exact: true }).fill(PASS);
    await page.getByRole("button", { name: "Unlock" }).click();
    await expect(page.locator("h1")).toHaveText("I-statement builder");
  };
  await page.goto("practice/i-statement");
  await unlock();
  await page.locator("#i-feeling").fill("left out of the plans");
  await expect.poll(() => stored(page, "steady.practice.draft.i-statement")).not.toBeNull();
  expect(await stored(page, "steady.practice.draft.i-statement")).not.toContain("left out");

  await page.reload();
  await unlock();
  await expect(page.locator("#i-feeling")).toHaveValue("left out of the plans");
  await expect(page.getByText(KEPT)).toBeVisible();
});

test("a draft travels in the backup and lands only where the other device has none", async ({ page, browser }) => {
  await open(page, "practice/opposite-action", "Opposite action");
  await page.getByRole("radio", { name: /Away from them/ }).check();
  await page.locator("#opposite-urge").fill("go quiet all weekend");
  await expect.poll(() => stored(page, "steady.practice.draft.opposite-action")).toContain("weekend");
  await page.goto("data");
  await appReady(page);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download a backup" }).click();
  const file = await (await download).path();
  const backup = JSON.parse(readFileSync(file, "utf8"));
  expect(backup.drafts.tools["opposite-action"].fields.urge).toBe("go quiet all weekend");

  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page2 = await other.newPage();
  await page2.goto("data");
  await appReady(page2);
  await page2.getByLabel("Backup file").setInputFiles(file);
  await expect(page2.locator(".import-preview")).toContainText("1 unfinished draft");
  await page2.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page2.locator(".import-status")).toContainText("Imported");
  await page2.goto("practice/opposite-action");
  await appReady(page2);
  await expect(page2.locator("#opposite-urge")).toHaveValue("go quiet all weekend");
  await expect(page2.getByRole("radio", { name: /Away from them/ })).toBeChecked();
  await other.close();
});

test("the journal's feeling is a tap on a chip, and the draft keeps it", async ({ page }) => {
  await open(page, "journal", "Journal");
  await expect(page.locator("datalist")).toHaveCount(0);
  const chips = page.getByRole("group", { name: "Feeling words" });
  const chip = chips.getByRole("button").first();
  const word = (await chip.innerText()).trim();
  await chip.click();
  await expect(chip).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("#entry-feeling")).toHaveValue(word);
  await expect.poll(() => stored(page, "steady.journal.draft")).toContain(word);
  await reload(page);
  await expect(page.locator("#entry-feeling")).toHaveValue(word);
  await page.getByLabel("What happened, and how it felt").fill("A long day");
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page.getByText("Entry saved.")).toBeVisible();
  await expect(page.locator("#entry-feeling")).toHaveValue("");
  await expect(page.locator(".entries > li").first()).toContainText(word);
});

test("the pull-away checklist and the couple agreement come back too", async ({ page }) => {
  await open(page, "practice/deactivation", "Noticing when you pull away");
  const first = page.locator(".checklist input[type=checkbox]").first();
  await first.check();
  await page.getByLabel("What came just before?").fill("She asked about next summer");
  await expect.poll(() => stored(page, "steady.practice.draft.deactivation")).toContain("next summer");
  await reload(page);
  await expect(page.locator(".checklist input[type=checkbox]").first()).toBeChecked();
  await expect(page.getByLabel("What came just before?")).toHaveValue("She asked about next summer");

  await open(page, "practice/couple-agreement", "Secure-functioning agreement");
  await page.locator("#agreement-names").fill("Sam and Ari");
  await expect.poll(() => stored(page, "steady.practice.draft.couple-agreement")).toContain("Ari");
  await reload(page);
  await expect(page.locator("#agreement-names")).toHaveValue("Sam and Ari");
  await expect(page.locator("#agreement-sheet")).toContainText("Between Sam and Ari");
});
