import { test, expect, appReady, keptAside } from "./fixtures";
import type { Locator, Page } from "@playwright/test";

// Every tool is used by keyboard only: focus, type, Tab, Enter and Space.
// Timers run on Playwright's controllable clock, never on sleeps.

test.use({ locale: "en-GB", timezoneId: "UTC" });

const START = new Date("2026-11-22T18:25:00Z");

async function open(page: Page, route: string, heading: string) {
  await page.goto(route);
  await appReady(page);
  await expect(page.locator("h1")).toHaveText(heading);
}

/** Types into a field by keyboard. */
async function type(field: Locator, text: string) {
  await field.focus();
  await field.page().keyboard.type(text);
}

/** Presses a button (or a checkbox, radio) by keyboard. */
async function press(control: Locator, key = "Enter") {
  await control.focus();
  await control.page().keyboard.press(key);
}

/** Picks 0-10 on an intensity scale (its fieldset) by keyboard: focus the
 *  number and press Space, as a radio button. */
async function rate(scale: Locator, n: number) {
  const option = scale.getByRole("radio", { name: String(n), exact: true });
  await press(option, "Space");
  await expect(option).toBeChecked();
}

async function save(page: Page, name: string | RegExp = "Save to my journal") {
  await press(page.getByRole("button", { name }));
  await expect(page.locator(".saved")).toContainText(/^Saved/);
}

async function journalHas(page: Page, kind: string, text?: string) {
  await open(page, "journal", "Journal");
  const entry = page.locator(".entries > li").filter({ hasText: kind }).first();
  await expect(entry).toBeVisible();
  if (text) await expect(entry).toContainText(text);
  return entry;
}

test("the hub sorts the tools by need, says what they are and links to help", async ({ page }) => {
  await open(page, "practice", "Practice");
  for (const need of ["I want to text them right now", "I want to pull away", "After a fight", "Daily practice"]) {
    await expect(page.getByRole("heading", { level: 2, name: need })).toBeVisible();
  }
  await expect(page.getByText("self-reflection, not therapy")).toBeVisible();
  await expect(page.locator("main").getByRole("link", { name: "find help now" })).toHaveAttribute("href", "/steady/help");
  const now = page.getByRole("region", { name: "I want to text them right now" });
  await expect(now.getByRole("link", { name: "Wait before you act" })).toHaveAttribute("href", "/steady/practice/wait");
  await press(now.getByRole("link", { name: "Physiological sigh" }));
  await expect(page.locator("h1")).toHaveText("Physiological sigh");
});

test("a breathing session by keyboard: start, pause, resume, finish, save; what helps counts it", async ({ page }) => {
  await page.clock.install({ time: START });
  await open(page, "practice/breathing", "Physiological sigh");
  const length = page.getByLabel("Length in minutes");
  await expect(length).toHaveValue("5");
  await length.focus();
  await page.keyboard.press("Control+a");
  await page.keyboard.type("1");
  await rate(page.getByRole("group", { name: /How strong is the feeling now/ }), 7);
  await press(page.getByRole("button", { name: "Start breathing" }));
  await expect(page.locator(".breath-cue")).toHaveText("Breathe in through your nose");
  await expect(page.locator(".breath-stage")).toBeVisible();
  await page.clock.fastForward(5000);
  await expect(page.locator(".breath-cue")).toHaveText("Breathe out slowly through your mouth");
  const pause = page.getByRole("button", { name: "Pause" });
  await press(pause);
  await expect(page.getByRole("button", { name: "Resume" })).toBeFocused();
  await expect(page.locator(".timer-status")).toContainText("Paused");
  await press(page.getByRole("button", { name: "Resume" }));
  await page.clock.fastForward(60_000);
  await expect(page.locator(".timer-status")).toHaveText("Time is up.");
  await expect(page.locator(".breath-cue")).toHaveText("Done. Breathe normally.");
  await rate(page.locator("#breath-after"), 4);
  await save(page);
  // One session is one entry: no second save of the same session.
  await expect(page.getByRole("button", { name: "Save to my journal" })).toHaveCount(0);
  // Focus does not fall to the page when the button goes.
  await expect(page.locator(".form-status")).toBeFocused();

  await open(page, "progress", "Progress");
  const row = page.locator("table.helps tbody tr").filter({ hasText: "Physiological sigh" });
  await expect(row).toContainText("−3.0 over 1 rated use");
  await journalHas(page, "Physiological sigh", "1 minute");
});

test("with reduced motion the breathing guide is text only", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await open(page, "practice/breathing", "Physiological sigh");
  await press(page.getByRole("button", { name: "Start breathing" }));
  await expect(page.locator(".breath-cue")).toHaveText("Breathe in through your nose");
  await expect(page.locator(".breath-stage")).toBeHidden();
  await expect(page.getByRole("timer")).toBeVisible();
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
});

test("the wait timer survives a reload, counts on elsewhere, and records the answer", async ({ page }) => {
  await page.clock.install({ time: START });
  await open(page, "practice/wait", "Wait before you act");
  await type(page.getByLabel("What do you want to do right now?"), "Text him again");
  const minutes = page.getByLabel("Wait for how many minutes?");
  await expect(minutes).toHaveValue("10");
  await minutes.focus();
  await page.keyboard.press("Control+a");
  await page.keyboard.type("3");
  await rate(page.getByRole("group", { name: /How strong is the urge\?/ }), 8);
  await page.keyboard.press("Tab"); // Clear
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter"); // Start waiting
  // The clock runs on its own between steps, so a second may pass.
  await expect(page.getByRole("timer")).toContainText(/0[23]:\d\d/);
  await expect(page.getByText("Ends at 18:28.")).toBeVisible();

  await page.clock.fastForward(60_000);
  await page.reload();
  await appReady(page);
  await expect(page.getByText("You want to: Text him again")).toBeVisible();
  await expect(page.getByRole("timer")).toContainText(/0[12]:\d\d/);

  // Elsewhere in the app it keeps counting, with a way back.
  await press(page.getByRole("link", { name: "Journal", exact: true }));
  await expect(page.locator("h1")).toHaveText("Journal");
  const indicator = page.locator(".wait-indicator a");
  await expect(indicator).toContainText(/Waiting: 0[12]:\d\d left/);
  await page.clock.fastForward(3 * 60_000);
  await expect(page.locator(".notice")).toContainText("Your wait is over");
  await expect(indicator).toHaveText("Your wait is over: decide what to do");
  await press(page.getByRole("button", { name: "Go to the timer" }));
  await expect(page.locator("h1")).toHaveText("Wait before you act");

  await press(page.getByRole("radio", { name: "A little, less than before" }), "Space");
  await rate(page.locator("#wait-after"), 5);
  await press(page.getByRole("button", { name: "Save my answer" }));
  await expect(page.locator(".saved")).toContainText("Saved: 8 → 5.");
  await expect(page.getByLabel("What do you want to do right now?")).toHaveValue("");
  expect(await page.evaluate(() => localStorage.getItem("steady.practice.wait"))).toBeNull();
  await journalHas(page, "Wait before you act", "A little, less than before");
  await expect(page.locator(".wait-indicator")).toHaveCount(0);
});

test("pause and extend on the wait timer; stop and decide early", async ({ page }) => {
  await page.clock.install({ time: START });
  await open(page, "practice/wait", "Wait before you act");
  await type(page.getByLabel("What do you want to do right now?"), "Check her profile");
  await press(page.getByRole("button", { name: "Start waiting" }));
  const timer = page.getByRole("timer");
  await expect(timer).toContainText(/(10:00|09:\d\d)/);
  await press(page.getByRole("button", { name: "Pause" }));
  await expect(page.locator(".timer-status")).toContainText("Paused");
  const paused = (await timer.textContent())!;
  await page.clock.fastForward(5 * 60_000);
  await expect(timer).toHaveText(paused);
  await press(page.getByRole("button", { name: "Add 5 minutes" }));
  await expect(timer).toContainText(/1[45]:\d\d/);
  const extended = (await timer.textContent())!;
  await page.reload();
  await appReady(page);
  await expect(timer).toHaveText(extended);
  await expect(page.locator(".timer-status")).toHaveText(/^Paused, 1[45] minutes.* left\.$/);
  await press(page.getByRole("button", { name: "Resume" }));
  await press(page.getByRole("button", { name: "Stop and decide now" }));
  await expect(page.getByRole("heading", { name: "The wait is over. Do you still want to?" })).toBeVisible();
  await press(page.getByRole("button", { name: "Discard this wait" }));
  await expect(page.getByLabel("What do you want to do right now?")).toBeVisible();
});

test("another tab sees the wait timer start and end; erasing everything clears it", async ({ page, context }) => {
  await open(page, "practice/wait", "Wait before you act");
  const other = await context.newPage();
  await other.goto("journal");
  await appReady(other);
  await expect(other.locator(".wait-indicator")).toHaveCount(0);
  await type(page.getByLabel("What do you want to do right now?"), "Ask if we're okay");
  await press(page.getByRole("button", { name: "Start waiting" }));
  await expect(other.locator(".wait-indicator a")).toContainText(/Waiting: (10:00|09:\d\d) left/);
  await press(page.getByRole("button", { name: "Discard this wait" }));
  await expect(other.locator(".wait-indicator")).toHaveCount(0);

  await type(page.getByLabel("What do you want to do right now?"), "Ask again");
  await press(page.getByRole("button", { name: "Start waiting" }));
  await expect(other.locator(".wait-indicator")).toHaveCount(1);
  await other.goto("data");
  await appReady(other);
  await expect(other.locator(".wait-indicator")).toHaveCount(1);
  await press(other.getByRole("button", { name: "Erase everything…" }));
  await press(other.getByRole("button", { name: "Yes, erase everything" }));
  await expect(other.locator(".wait-indicator")).toHaveCount(0);
  await expect(page.getByLabel("What do you want to do right now?")).toBeVisible();
});

test("a damaged stored wait timer is cleared with a notice, never a crash", async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem("seeded")) {
      sessionStorage.setItem("seeded", "1");
      localStorage.setItem("steady.practice.wait", '{"v":1,"data":{"urge":"x","started_at":"soon"}}');
    }
  });
  await open(page, "practice/wait", "Wait before you act");
  await expect(page.locator(".notice")).toContainText("A saved wait timer was cleared because its contents are damaged");
  await expect(page.getByLabel("What do you want to do right now?")).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem("steady.practice.wait"))).toBeNull();
  expect(await keptAside(page, "practice.wait")).toContain("soon");
});

test("a wait timer that ended long ago is cleared with a notice", async ({ page }) => {
  await page.addInitScript(() => {
    const day = 24 * 3600 * 1000;
    const started = Date.now() - 2 * day;
    localStorage.setItem("steady.practice.wait", JSON.stringify({ v: 1, data: {
      urge: "Call", started_at: started,
      countdown: { total_ms: 600000, run: { state: "running", ends_at: started + 600000 } },
    } }));
  });
  await open(page, "journal", "Journal");
  await expect(page.locator(".notice")).toContainText("A saved wait timer was cleared because it ended long ago");
  await expect(page.locator(".wait-indicator")).toHaveCount(0);
});

test("three generous explanations by keyboard, saved to the journal", async ({ page }) => {
  await open(page, "practice/reframe", "Three generous explanations");
  await rate(page.locator("#reframe-before"), 6);
  await page.keyboard.press("Tab"); // Clear
  await page.keyboard.press("Tab");
  const answers = ["No reply for two hours", "She is losing interest", "Her phone died", "A long meeting", "She is resting", "Wait until this evening"];
  for (const a of answers) {
    await page.keyboard.type(a);
    await page.keyboard.press("Tab");
  }
  await rate(page.locator("#reframe-after"), 3);
  await save(page);
  await expect(page.getByLabel(/^1\. What happened/)).toHaveValue("");
  const entry = await journalHas(page, "Three generous explanations", "Her phone died");
  await expect(entry).toContainText("Intensity 6 → 3");
});

test("a trigger log by keyboard, with a feeling word and a body place", async ({ page }) => {
  await open(page, "practice/trigger-log", "Trigger log");
  await type(page.getByLabel(/^What happened/), "He cancelled dinner");
  const places = page.getByRole("group", { name: "Body places" });
  await press(places.getByRole("button", { name: "chest", exact: true }));
  await press(places.getByRole("button", { name: "throat", exact: true }));
  await expect(page.getByLabel("Where do you feel it in your body?")).toHaveValue("chest, throat");
  await type(page.getByLabel(/The feeling, named/), "rejected");
  await type(page.getByLabel(/^The urge/), "Go quiet");
  await type(page.getByLabel("What I did"), "Went for a walk");
  await rate(page.locator("#trigger-before"), 8);
  await rate(page.locator("#trigger-after"), 4);
  await save(page);
  const entry = await journalHas(page, "Trigger log", "chest, throat");
  await expect(entry).toContainText("rejected");
  await expect(entry).toContainText("Went for a walk");
});

test("a body scan by keyboard: pause, next region, a note, stop, save", async ({ page }) => {
  await page.clock.install({ time: START });
  await open(page, "practice/body-scan", "Body scan");
  await press(page.getByRole("button", { name: "Start the body scan" }));
  await expect(page.getByRole("heading", { level: 2, name: "Breath" })).toBeVisible();
  await page.clock.fastForward(21_000);
  await expect(page.getByRole("heading", { level: 2, name: "Feet" })).toBeVisible();
  await press(page.getByRole("button", { name: "Pause" }));
  await page.clock.fastForward(120_000);
  await expect(page.getByRole("heading", { level: 2, name: "Feet" })).toBeVisible();
  await press(page.getByRole("button", { name: "Next region" }));
  await expect(page.getByRole("heading", { level: 2, name: "Legs" })).toBeVisible();
  await press(page.getByRole("button", { name: "Stop" }));
  // The notes come afterwards, for each place reached, not during the scan.
  await type(page.getByLabel(/What I notice in my feet/), "cold and still");
  await save(page);
  await journalHas(page, "Body scan", "cold and still");
});

test("the avoidant tools by keyboard: a checklist, an I-statement and an opposite action", async ({ page }) => {
  await open(page, "practice/deactivation", "Noticing when you pull away");
  await press(page.getByRole("checkbox", { name: "I found myself thinking about an ex." }), "Space");
  await type(page.getByLabel("What came just before?"), "A cosy weekend together");
  await save(page);

  await open(page, "practice/i-statement", "I-statement builder");
  // The words the boxes already say, typed again, are not said twice.
  await type(page.getByLabel(/^I feel/), "I feel crowded.");
  await type(page.getByLabel(/^when/), "when every evening is booked.");
  await type(page.getByLabel(/^and I need/), "one night on my own");
  await expect(page.locator("output.said")).toHaveText("I feel crowded when every evening is booked, and I need one night on my own.");
  await save(page);

  await open(page, "practice/opposite-action", "Opposite action");
  await press(page.getByRole("radio", { name: /Away from them/ }), "Space");
  await expect(page.getByText("Suggest a walk or a meal together.")).toBeVisible();
  await type(page.getByLabel("My one small step the other way"), "Sent a warm message");
  await save(page);

  await open(page, "journal", "Journal");
  await expect(page.locator(".entries > li").filter({ hasText: "Noticing when you pull away" })).toContainText("thinking about an ex");
  await expect(page.locator(".entries > li").filter({ hasText: "I-statement" }).first()).toContainText("and I need one night on my own.");
  await expect(page.locator(".entries > li").filter({ hasText: "Opposite action" })).toContainText("Sent a warm message");
});

test("repair: the break states its return time in my clock and runs; the soothe lasts 30 seconds", async ({ page }) => {
  await page.clock.install({ time: START });
  await open(page, "practice/repair", "Repair scripts");
  const timeout = page.locator("section#timeout");
  await type(timeout.getByLabel("What I'm feeling"), "flooded");
  await expect(timeout.getByLabel("Minutes I need")).toHaveValue("20");
  await expect(timeout.locator(".back-at")).toHaveText("I'll be back at 18:45.");
  await expect(timeout.locator(".said")).toContainText("I'm feeling flooded, and I can't listen well right now.");
  await expect(timeout.locator(".said")).toContainText("I'll come back at 18:45 so we can carry on.");
  await press(timeout.getByRole("button", { name: "Start the break" }));
  await expect(timeout.getByRole("timer")).toContainText(/(20:00|19:\d\d)/);
  await press(timeout.getByRole("button", { name: "Pause" }));
  await press(timeout.getByRole("button", { name: "Add 5 minutes" }));
  await expect(timeout.getByRole("timer")).toContainText(/2[45]:\d\d/);
  await press(timeout.getByRole("button", { name: "Resume" }));
  await press(timeout.getByRole("button", { name: "Stop" }));
  await press(timeout.getByRole("button", { name: "Save this repair" }));
  await expect(timeout.getByText("Saved to your journal.")).toBeVisible();

  const soothe = page.locator("section#soothe");
  await press(soothe.getByRole("button", { name: "Start the 30 seconds" }));
  await expect(soothe.getByRole("timer")).toContainText(/00:[23]\d/);
  await page.clock.fastForward(31_000);
  await expect(soothe.locator(".timer-status")).toHaveText("Time is up.");

  const apology = page.locator("section#apology");
  await type(apology.getByLabel("What I did"), "snapped at you");
  await expect(apology.locator(".said")).toContainText("I'm sorry I snapped at you.");
  await expect(apology.locator(".said")).toContainText("tell you I need … instead");
  await press(apology.getByRole("button", { name: "Save this repair" }));
  await expect(apology.getByText("Saved to your journal.")).toBeVisible();
  await journalHas(page, "Take a break, with a time to return", "I'm feeling flooded");
});

test("the couple agreement is written, printed alone and saved", async ({ page }) => {
  await open(page, "practice/couple-agreement", "Secure-functioning agreement");
  await expect(page.getByRole("heading", { name: "The four principles" })).toBeVisible();
  await type(page.getByLabel("Between (your names)"), "Sam and Alex");
  await type(page.getByLabel("When one of us is upset, we will ..."), "stop and ask what would help.");
  const sheet = page.locator(".agreement-sheet");
  await expect(sheet).toContainText("Between Sam and Alex");
  await expect(sheet).toContainText("When one of us is upset, we will stop and ask what would help.");
  await page.emulateMedia({ media: "print" });
  await expect(sheet).toBeVisible();
  await expect(page.locator("h1")).toBeHidden();
  await expect(page.getByRole("heading", { name: "The four principles" })).toBeHidden();
  await expect(page.locator(".site-header")).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  await save(page, "Save the agreement to my journal");
  await journalHas(page, "Couple agreement", "Sam and Alex");
});

test("I'm activated: every step by keyboard, one skipped, the whole run saved", async ({ page }) => {
  await page.clock.install({ time: START });
  await open(page, "practice/activated", "I'm activated");
  // Each step moves focus to its heading; wait for that before typing on.
  const step = async (name: string) => {
    await press(page.getByRole("button", { name }));
    await expect(page.locator("#activated-step")).toBeFocused();
  };
  await expect(page.getByText("Step 1 of 5")).toBeVisible();
  await rate(page.locator("#activated-before"), 9);
  await press(page.getByRole("button", { name: "Start a minute of breathing" }));
  await expect(page.locator(".breath-cue")).toHaveText("Breathe in through your nose");
  await page.clock.fastForward(61_000);
  await expect(page.locator(".timer-status")).toHaveText("Time is up.");
  await step("Done, next step");
  await expect(page.getByRole("heading", { level: 2, name: "Name what you feel" })).toBeFocused();
  await type(page.getByLabel(/^The feeling/), "scared");
  await page.locator("#activated-body").focus();
  await page.keyboard.type("chest");
  await expect(page.locator("#activated-body")).toHaveValue("chest");
  await step("Done, next step");
  await expect(page.getByText("Step 3 of 5")).toBeVisible();
  await step("Skip this step");
  await type(page.getByLabel("The story my mind is telling"), "He is angry with me");
  await type(page.getByLabel("Another explanation (1)"), "He is driving");
  await step("Back");
  await expect(page.getByText("Step 3 of 5")).toBeVisible();
  await step("Skip this step");
  await expect(page.getByLabel("Another explanation (1)")).toHaveValue("He is driving");
  await step("Done, next step");
  await press(page.getByRole("radio", { name: "Send one calm message, then put the phone down." }), "Space");
  await step("Done, finish");
  await expect(page.getByRole("heading", { name: "The steps are done" })).toBeFocused();
  await expect(page.locator(".activated-summary")).toContainText("Wait before you act: skipped");
  await rate(page.locator("#activated-after"), 5);
  await expect(page.locator(".activated-ending")).toContainText("It has come down 4 points.");
  await save(page, "Save this run to my journal");
  const entry = await journalHas(page, "I'm activated", "scared, felt in the chest");
  await expect(entry).toContainText("Another way to see it: He is driving");
  await expect(entry).toContainText("Send one calm message");
  await expect(entry).toContainText("Intensity 9 → 5");
});

test("a failed save says not saved and keeps the answers on screen", async ({ page }) => {
  await open(page, "practice/reframe", "Three generous explanations");
  await type(page.getByLabel(/^1\. What happened/), "Words that must stay");
  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  await press(page.getByRole("button", { name: "Save to my journal" }));
  await expect(page.locator(".save-use .form-status")).toContainText("Not saved");
  await expect(page.getByLabel(/^1\. What happened/)).toHaveValue("Words that must stay");
  await press(page.getByRole("button", { name: "Save to my journal" }));
  await expect(page.getByText("Saved to your journal.")).toHaveCount(0);
});

// Issue 23: in a hard moment the action comes first. On a 390 x 844 phone,
// header included, each of these tools' Start control is in the first
// screen, with the reasons below it behind "Why this helps".
for (const [slug, heading, start] of [
  ["breathing", "Physiological sigh", "Start breathing"],
  ["wait", "Wait before you act", "Start waiting"],
  ["activated", "I'm activated", "Start a minute of breathing"],
  ["body-scan", "Body scan", "Start the body scan"],
]) {
  test(`${heading}: Start is in the first screen, the reasons below it`, async ({ page }) => {
    await open(page, `practice/${slug}`, heading);
    const button = page.getByRole("button", { name: start });
    await expect(button).toBeInViewport({ ratio: 1 });
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const why = page.locator("details.why-this-helps");
    await expect(why.locator("summary")).toHaveText("Why this helps");
    await expect(why).not.toHaveAttribute("open");
    // The explanation comes after the tool, not before it.
    const order = await page.evaluate(
      ([name]) => {
        const b = [...document.querySelectorAll("main button")].find((e) => e.textContent?.trim() === name)!;
        const d = document.querySelector("details.why-this-helps")!;
        return b.compareDocumentPosition(d) & Node.DOCUMENT_POSITION_FOLLOWING;
      },
      [start],
    );
    expect(order).toBeTruthy();
  });
}

test("intensity is one tap on a row of 0 to 10, and the saved message repeats it", async ({ page, hasTouch }) => {
  await page.clock.install({ time: START });
  await open(page, "practice/breathing", "Physiological sigh");
  const before = page.getByRole("group", { name: /How strong is the feeling now/ });
  await expect(before.getByRole("radio")).toHaveCount(11);
  await expect(page.locator("select")).toHaveCount(0);
  // Every number is a target of at least 44 by 44 px.
  for (const box of await before.locator(".intensity-number").evaluateAll((els) => els.map((e) => e.getBoundingClientRect()))) {
    expect(box.width).toBeGreaterThanOrEqual(44);
    expect(box.height).toBeGreaterThanOrEqual(44);
  }
  const seven = before.getByRole("radio", { name: "7", exact: true });
  // The number's whole box is the radio button, so a tap on it chooses.
  if (hasTouch) await seven.tap();
  else await seven.click();
  await expect(seven).toBeChecked();
  // Arrows move along the scale, as in any radio group.
  await page.keyboard.press("ArrowRight");
  await expect(before.getByRole("radio", { name: "8", exact: true })).toBeChecked();
  await page.keyboard.press("ArrowLeft");
  await expect(seven).toBeChecked();
  // Nothing asks "after" before the start.
  await expect(page.locator("#breath-after")).toHaveCount(0);
  await page.getByRole("button", { name: "Start breathing" }).click();
  await page.clock.fastForward(5 * 60_000 + 1000);
  await expect(page.locator(".timer-status")).toHaveText("Time is up.");
  const after = page.locator("#breath-after");
  const four = after.getByRole("radio", { name: "4", exact: true });
  if (hasTouch) await four.tap();
  else await four.click();
  await page.getByRole("button", { name: "Save to my journal" }).click();
  await expect(page.locator(".saved")).toContainText("Saved: 7 → 4.");
  // What was saved stays on screen: nothing resets to look lost.
  await expect(after.getByRole("radio", { name: "4", exact: true })).toBeChecked();
  // A rating can be taken back.
  await page.getByRole("button", { name: "Breathe again" }).click();
  const again = page.getByRole("group", { name: /How strong is the feeling now/ });
  await expect(again.getByRole("radio", { checked: true })).toHaveCount(0);
  await again.getByRole("radio", { name: "3", exact: true }).click();
  await again.getByRole("button", { name: /^Clear/ }).click();
  await expect(again.getByRole("radio", { checked: true })).toHaveCount(0);
});

test("repair asks how upset first and how it is after at the end", async ({ page }) => {
  await open(page, "practice/repair", "Repair scripts");
  const apology = page.locator("section.repair-script").first();
  // Before the script is used there is nothing to be "after".
  expect(await apology.locator("fieldset.intensity-field legend").allTextContents()).toEqual([expect.stringMatching(/How upset are you now/)]);
  await type(apology.getByLabel("What I did"), "snapped at you");
  await expect(apology.locator("fieldset.intensity-field")).toHaveCount(2);
  const groups = await apology.locator("fieldset.intensity-field legend").allTextContents();
  expect(groups[1]).toMatch(/And now, how upset/);
  // The "after" scale comes after the script's words, just before saving.
  const last = await apology.evaluate((s) => {
    const sets = s.querySelectorAll("fieldset.intensity-field");
    const said = s.querySelector(".said")!;
    return !!(said.compareDocumentPosition(sets[1]) & Node.DOCUMENT_POSITION_FOLLOWING) && !(said.compareDocumentPosition(sets[0]) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  expect(last).toBe(true);
  // An empty blank is a gap, never four dots.
  await expect(apology.locator(".said")).not.toContainText("….");
});

// Issue 23 on a touch phone: choices are chips to tap, "after" is asked once
// the tool is used, the saved message says what was kept, and the words a
// tool made can be copied.
test.describe("on a touch phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("a feeling is one tap on a chip, and the box still takes my own words", async ({ page }) => {
    await open(page, "practice/i-statement", "I-statement builder");
    await expect(page.locator("datalist")).toHaveCount(0);
    const feeling = page.getByLabel(/^I feel/);
    const chips = page.getByRole("group", { name: "Feeling words", exact: true });
    // A first set, not all 38 at once.
    const count = await chips.getByRole("button").count();
    expect(count).toBeGreaterThanOrEqual(6);
    expect(count).toBeLessThanOrEqual(12);
    for (const box of await chips.getByRole("button").evaluateAll((els) => els.map((e) => e.getBoundingClientRect()))) {
      expect(box.width).toBeGreaterThanOrEqual(44);
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
    const scared = chips.getByRole("button", { name: "scared", exact: true });
    await expect(scared).toHaveAttribute("aria-pressed", "false");
    await scared.tap();
    await expect(feeling).toHaveValue("scared");
    await expect(scared).toHaveAttribute("aria-pressed", "true");
    // The rest wait behind "More feelings".
    const tender = page.getByRole("button", { name: "tender", exact: true });
    await expect(tender).toBeHidden();
    await page.locator("summary", { hasText: "More feelings" }).tap();
    await tender.tap();
    await expect(feeling).toHaveValue("scared, tender");
    await scared.tap();
    await expect(feeling).toHaveValue("tender");
    await expect(scared).toHaveAttribute("aria-pressed", "false");
    // Own words typed stay; a chip adds after them.
    await feeling.fill("on edge");
    await chips.getByRole("button", { name: "hurt", exact: true }).tap();
    await expect(feeling).toHaveValue("on edge, hurt");
  });

  test("an urge is one tap too, and a second tap takes it back", async ({ page }) => {
    await open(page, "practice/wait", "Wait before you act");
    const urge = page.getByLabel("What do you want to do right now?");
    // Behind one tap on this page, so Start stays in the first screen.
    await page.locator("summary", { hasText: "Common urges" }).tap();
    const chips = page.getByRole("group", { name: "Urges", exact: true });
    const text = chips.getByRole("button", { name: "Text them again" });
    await text.tap();
    await expect(urge).toHaveValue("Text them again");
    await chips.getByRole("button", { name: "Go quiet" }).tap();
    await expect(urge).toHaveValue("Go quiet");
    await expect(text).toHaveAttribute("aria-pressed", "false");
    await chips.getByRole("button", { name: "Go quiet" }).tap();
    await expect(urge).toHaveValue("");
  });

  test("'after' is asked once the tool is used, and the saved message says 7 → 4", async ({ page }) => {
    await open(page, "practice/i-statement", "I-statement builder");
    await expect(page.getByRole("group", { name: /And after putting it into words/ })).toHaveCount(0);
    await page.locator("#i-before").getByRole("radio", { name: "7", exact: true }).tap();
    await page.getByRole("group", { name: "Feeling words", exact: true }).getByRole("button", { name: "hurt", exact: true }).tap();
    // A feeling alone is no sentence yet: still nothing to be "after".
    await expect(page.locator("#i-after")).toHaveCount(0);
    await page.getByRole("group", { name: "Needs", exact: true }).getByRole("button", { name: "a hug" }).tap();
    await expect(page.locator("output.said")).toHaveText("I feel hurt, and I need a hug.");
    const after = page.getByRole("group", { name: /And after putting it into words/ });
    await expect(after).toBeVisible();
    // Asked after the sentence, just above Save.
    const order = await page.evaluate(() => {
      const said = document.querySelector("output.said")!;
      const after = document.querySelector("#i-after")!;
      const save = [...document.querySelectorAll("main button")].find((b) => b.textContent === "Save to my journal")!;
      return !!(said.compareDocumentPosition(after) & Node.DOCUMENT_POSITION_FOLLOWING) && !!(after.compareDocumentPosition(save) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(order).toBe(true);
    await after.getByRole("radio", { name: "4", exact: true }).tap();
    await page.getByRole("button", { name: "Save to my journal" }).tap();
    // The message keeps what was saved, and says the empty form is on purpose.
    await expect(page.locator(".saved")).toContainText("Saved: 7 → 4. The form is clear for next time.");
    await expect(page.getByLabel(/^I feel/)).toHaveValue("");
    await expect(page.locator("#i-after")).toHaveCount(0);
    await journalHas(page, "I-statement", "Intensity 7 → 4");
  });

  test("Copy puts the I-statement on the clipboard; Share… only where there is a share sheet", async ({ page, context, baseURL }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(baseURL!).origin });
    await open(page, "practice/i-statement", "I-statement builder");
    const copy = page.getByRole("button", { name: /^Copy/ });
    await copy.tap();
    await expect(page.locator(".copy-status")).toContainText("no sentence to copy yet");
    await page.getByLabel(/^I feel/).fill("lonely");
    await page.getByLabel(/^and I need/).fill("a call tonight");
    await copy.tap();
    await expect(page.locator(".copy-status")).toHaveText(/^Copied\./);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("I feel lonely, and I need a call tonight.");
    const sheet = await page.evaluate(() => typeof (navigator as Navigator & { share?: unknown }).share === "function");
    await expect(page.getByRole("button", { name: "Share…" })).toHaveCount(sheet ? 1 : 0);
  });

  test("when copying is refused, it says so and selects the words to copy by hand", async ({ page }) => {
    await open(page, "practice/i-statement", "I-statement builder");
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException("Not allowed", "NotAllowedError"));
    });
    await page.getByLabel(/^I feel/).fill("crowded");
    await page.getByLabel(/^and I need/).fill("an evening alone");
    await page.getByRole("button", { name: /^Copy/ }).tap();
    await expect(page.locator(".copy-status")).toContainText("would not copy");
    expect(await page.evaluate(() => getSelection()?.toString())).toBe("I feel crowded, and I need an evening alone.");
  });

  test("the couple agreement and a repair script copy as plain text", async ({ page, context, baseURL }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(baseURL!).origin });
    await open(page, "practice/couple-agreement", "Secure-functioning agreement");
    await page.getByLabel("Between (your names)").fill("Sam and Alex");
    await page.getByLabel("When one of us is upset, we will ...").fill("stop and ask what would help.");
    await page.getByRole("button", { name: /^Copy/ }).tap();
    await expect(page.locator(".copy-status")).toHaveText(/^Copied\./);
    const agreement = await page.evaluate(() => navigator.clipboard.readText());
    expect(agreement).toMatch(/^Our agreement\nBetween Sam and Alex\n\n1\. /);
    expect(agreement).toContain("\n- When one of us is upset, we will stop and ask what would help.");

    await open(page, "practice/repair", "Repair scripts");
    const apology = page.locator("section#apology");
    await apology.getByLabel("What I did").fill("snapped at you");
    await apology.getByRole("button", { name: /^Copy/ }).tap();
    await expect(apology.locator(".copy-status")).toHaveText(/^Copied\./);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain("I'm sorry I snapped at you.");
  });

  test("Clear on a rating keeps focus on its scale", async ({ page }) => {
    await open(page, "practice/reframe", "Three generous explanations");
    const before = page.locator("#reframe-before");
    await before.getByRole("radio", { name: "6", exact: true }).tap();
    await before.getByRole("button", { name: /^Clear/ }).tap();
    await expect(before.getByRole("radio", { checked: true })).toHaveCount(0);
    await expect(page.locator("#reframe-before-0")).toBeFocused();
  });
});
