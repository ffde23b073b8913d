import AxeBuilder from "@axe-core/playwright";
import { test, expect, appReady } from "./fixtures";
import type { Page } from "@playwright/test";

// Issue 23: in the moment. A running breathing session or body scan is one
// calm screen (the focused mode), and a timer's end can reach a person who
// put the phone down: a chime, a vibration, a notification, each chosen.
// Timers run on Playwright's clock; the browser's audio, vibration and
// notifications are stand-ins that record what Steady asked of them.

test.use({ locale: "en-GB", timezoneId: "UTC" });

const START = new Date("2026-11-22T18:25:00Z");
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function open(page: Page, route: string, heading: string) {
  await page.goto(route);
  await appReady(page);
  await expect(page.locator("h1")).toHaveText(heading);
}

/** Stand-ins for Web Audio, navigator.vibrate, Notification and the page
 *  being hidden, each call recorded in `window.__calls`. */
async function recordAlerts(page: Page) {
  await page.addInitScript(() => {
    const calls: string[] = [];
    const w = window as unknown as Record<string, unknown>;
    w.__calls = calls;
    w.__hidden = false;
    class Param {
      value = 0;
      setValueAtTime() {}
      exponentialRampToValueAtTime() {}
      linearRampToValueAtTime() {}
    }
    class Node {
      connect() {}
      disconnect() {}
    }
    class Oscillator extends Node {
      frequency = new Param();
      onended: unknown = null;
      start() {
        calls.push("tone");
      }
      stop() {}
    }
    class Gain extends Node {
      gain = new Param();
    }
    class FakeAudioContext {
      currentTime = 0;
      state = "running";
      destination = new Node();
      constructor() {
        calls.push("AudioContext");
      }
      createOscillator() {
        return new Oscillator();
      }
      createGain() {
        return new Gain();
      }
      resume() {
        return Promise.resolve();
      }
      close() {
        return Promise.resolve();
      }
    }
    w.AudioContext = FakeAudioContext;
    Object.defineProperty(Navigator.prototype, "vibrate", {
      configurable: true,
      value: (pattern: unknown) => {
        calls.push(`vibrate ${JSON.stringify(pattern)}`);
        return true;
      },
    });
    class FakeNotification {
      static permission = "default";
      static requestPermission() {
        calls.push("asked");
        FakeNotification.permission = "granted";
        return Promise.resolve("granted");
      }
      constructor(title: string, options: { body?: string }) {
        calls.push(`notification ${title}: ${options?.body ?? ""}`);
      }
      close() {}
      onclick: unknown = null;
    }
    w.Notification = FakeNotification;
    ServiceWorkerRegistration.prototype.showNotification = function (title: string, options?: NotificationOptions) {
      calls.push(`notification ${title}: ${options?.body ?? ""}`);
      return Promise.resolve();
    };
    Object.defineProperty(Document.prototype, "visibilityState", {
      configurable: true,
      get: () => (w.__hidden ? "hidden" : "visible"),
    });
  });
}

const calls = (page: Page) => page.evaluate(() => (window as unknown as { __calls: string[] }).__calls.slice());

/** Opens "When the time is up" under Start and ticks the named choices. */
async function choose(page: Page, ...names: string[]) {
  const settings = page.locator("details.time-up-settings");
  await settings.locator("summary").click();
  for (const name of names) await settings.getByRole("checkbox", { name }).check();
}

async function setLength(page: Page, label: string, minutes: string) {
  const field = page.getByLabel(label);
  await field.fill(minutes);
}

test("breathing runs in a focused mode: one shape, one word, the time left, Pause and Stop; the rest is hidden", async ({ page }) => {
  await page.clock.install({ time: START });
  await open(page, "practice/breathing", "Physiological sigh");
  await page.getByRole("button", { name: "Start breathing" }).click();

  const moment = page.getByRole("dialog", { name: "Breathing" });
  await expect(moment).toBeVisible();
  // Focus moves into it, so the keyboard and a screen reader are there.
  await expect(moment).toBeFocused();
  // The whole screen, whatever the device.
  const box = (await moment.boundingBox())!;
  const view = page.viewportSize()!;
  expect([box.x, box.y, box.width, box.height]).toEqual([0, 0, view.width, view.height]);

  await expect(moment.locator(".breath-circle")).toBeVisible();
  await expect(moment.locator(".moment-word")).toHaveText("In");
  await expect(moment.getByRole("timer")).toHaveText(/Time left: 0[45]:\d\d/);
  await expect(moment.getByRole("button")).toHaveText(["Pause", "Stop"]);
  // Nothing else: no header, heading, breadcrumb, reasons, progress bars or breath count.
  for (const hidden of [".site-header", ".site-footer", "h1", ".breadcrumb", "details.why-this-helps", ".care-line"]) {
    await expect(page.locator(hidden).first(), hidden).toBeHidden();
  }
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  await expect(page.getByText(/^Breath \d/)).toHaveCount(0);

  // One word a phase, the long cue beside it for whoever needs it.
  await page.clock.fastForward(2600);
  await expect(moment.locator(".moment-word")).toHaveText("In again");
  await page.clock.fastForward(1000);
  await expect(moment.locator(".moment-word")).toHaveText("Out");
  await expect(moment.locator(".breath-cue")).toHaveText("Breathe out slowly through your mouth");

  // Pause holds it (timers can be paused: WCAG 2.2.1) and says so.
  await moment.getByRole("button", { name: "Pause" }).click();
  await expect(moment.locator(".timer-status")).toContainText("Paused");
  const held = await moment.getByRole("timer").textContent();
  await page.clock.fastForward(30_000);
  await expect(moment.getByRole("timer")).toHaveText(held!);
  await moment.getByRole("button", { name: "Resume" }).click();

  // Stop ends it; focus goes to the question that follows.
  await moment.getByRole("button", { name: "Stop" }).click();
  await expect(moment).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "How do you feel now?" })).toBeFocused();
  await expect(page.locator(".site-header")).toBeVisible();
  await expect(page.locator("h1")).toBeVisible();

  // Escape ends it as Stop does.
  await page.getByRole("button", { name: "Breathe again" }).click();
  await page.getByRole("button", { name: "Start breathing" }).click();
  await expect(moment).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(moment).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "How do you feel now?" })).toBeFocused();
});

test("the focused mode ends by itself when the time is up, and a minute more brings it back", async ({ page }) => {
  await page.clock.install({ time: START });
  await open(page, "practice/breathing", "Physiological sigh");
  await setLength(page, "Length in minutes", "1");
  await page.getByRole("button", { name: "Start breathing" }).click();
  const moment = page.getByRole("dialog", { name: "Breathing" });
  await expect(moment).toBeVisible();
  await page.clock.fastForward(61_000);
  await expect(moment).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "How do you feel now?" })).toBeFocused();
  await expect(page.locator(".breath-cue")).toHaveText("Done. Breathe normally.");
  await page.getByRole("button", { name: "Add 1 minute" }).click();
  await expect(moment).toBeVisible();
  await expect(moment.getByRole("timer")).toHaveText(/Time left: 0[01]:\d\d/);
});

test("with reduced motion the focused mode is words only, no shape", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await open(page, "practice/breathing", "Physiological sigh");
  await page.getByRole("button", { name: "Start breathing" }).click();
  const moment = page.getByRole("dialog", { name: "Breathing" });
  await expect(moment.locator(".moment-word")).toHaveText("In");
  await expect(moment.locator(".breath-cue")).toHaveText("Breathe in through your nose");
  await expect(moment.locator(".breath-stage")).toBeHidden();
  await expect(moment.getByRole("button", { name: "Pause" })).toBeVisible();

  await page.goto("practice/body-scan");
  await appReady(page);
  await page.getByRole("button", { name: "Start the body scan" }).click();
  const scan = page.getByRole("dialog", { name: "Body scan" });
  await expect(scan.getByRole("heading", { level: 2 })).toHaveText("Breath");
  await expect(scan.locator(".breath-stage")).toBeHidden();
});

test("the body scan runs in the focused mode: the place, its cue, the time left; notes afterwards", async ({ page }) => {
  await page.clock.install({ time: START });
  await open(page, "practice/body-scan", "Body scan");
  await page.getByRole("button", { name: "Start the body scan" }).click();
  const moment = page.getByRole("dialog", { name: "Body scan" });
  await expect(moment).toBeFocused();
  await expect(moment.getByRole("heading", { level: 2 })).toHaveText("Breath");
  await expect(moment.locator(".scan-circle")).toBeVisible();
  // The whole scan's time left: its ten places take five minutes.
  await expect(moment.getByRole("timer")).toHaveText(/Time left: 0[45]:\d\d/);
  await expect(moment.getByRole("button")).toHaveText(["Pause", "Next region", "Stop"]);
  await expect(moment.getByRole("textbox")).toHaveCount(0);
  await expect(page.locator(".site-header")).toBeHidden();
  await page.clock.fastForward(21_000);
  await expect(moment.getByRole("heading", { level: 2 })).toHaveText("Feet");
  await page.keyboard.press("Escape");
  await expect(moment).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Afterwards" })).toBeFocused();
  // A note for each place reached, and no more.
  await expect(page.getByLabel(/What I notice in my feet/)).toBeVisible();
  await expect(page.getByLabel(/What I notice in my legs/)).toHaveCount(0);
});

test("axe finds nothing in the focused mode or the time-up choices, light and dark", async ({ page }) => {
  await open(page, "practice/breathing", "Physiological sigh");
  await page.getByRole("button", { name: "Start breathing" }).click();
  await expect(page.getByRole("dialog", { name: "Breathing" })).toBeVisible();
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).withTags(WCAG).setLegacyMode(true).analyze();
    expect(violations.map((v) => `${colorScheme}: ${v.id} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("practice/body-scan");
  await appReady(page);
  await page.getByRole("button", { name: "Start the body scan" }).click();
  await expect(page.getByRole("dialog", { name: "Body scan" })).toBeVisible();
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).withTags(WCAG).setLegacyMode(true).analyze();
    expect(violations.map((v) => `body scan, ${colorScheme}: ${v.id} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }
  // And "When the time is up", open, with a choice ticked.
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("practice/wait");
  await appReady(page);
  await choose(page, "A vibration, where this device can");
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).withTags(WCAG).setLegacyMode(true).analyze();
    expect(violations.map((v) => `time-up settings, ${colorScheme}: ${v.id} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }
});

test("'When the time is up' is off by default, kept on this device, and the same on every timer", async ({ page }) => {
  await open(page, "practice/wait", "Wait before you act");
  const settings = page.locator("details.time-up-settings");
  await expect(settings).not.toHaveAttribute("open");
  await expect(settings.locator("summary")).toHaveText("When the time is up (all off)");
  // Start stays in the first screen with the choices under it.
  await expect(page.getByRole("button", { name: "Start waiting" })).toBeInViewport({ ratio: 1 });
  await settings.locator("summary").click();
  for (const name of ["A soft chime", "A vibration, where this device can", "A notification, when Steady is not on screen"]) {
    await expect(settings.getByRole("checkbox", { name })).not.toBeChecked();
  }
  await expect(settings).toContainText("once the browser or the tab is closed, it cannot");
  expect(await page.evaluate(() => localStorage.getItem("steady.timer-alerts"))).toBeNull();

  await settings.getByRole("checkbox", { name: "A soft chime" }).check();
  await settings.getByRole("checkbox", { name: "A vibration, where this device can" }).check();
  expect(await page.evaluate(() => localStorage.getItem("steady.timer-alerts"))).toBe(
    '{"v":1,"data":{"chime":true,"vibrate":true,"notify":false}}',
  );
  await page.reload();
  await appReady(page);
  await expect(settings.locator("summary")).toHaveText("When the time is up (chime, vibration)");

  // Another timer reads the same choice, and a change there holds here.
  await open(page, "practice/breathing", "Physiological sigh");
  await settings.locator("summary").click();
  await expect(settings.getByRole("checkbox", { name: "A soft chime" })).toBeChecked();
  await settings.getByRole("checkbox", { name: "A soft chime" }).uncheck();
  await open(page, "practice/repair", "Repair scripts");
  await expect(page.locator("section#timeout details.time-up-settings summary")).toHaveText("When the time is up (vibration)");

  // A damaged value reads as all off, without a fault.
  await page.evaluate(() => localStorage.setItem("steady.timer-alerts", '{"v":1,"data":"loud"}'));
  await page.reload();
  await appReady(page);
  await expect(page.locator("section#timeout details.time-up-settings summary")).toHaveText("When the time is up (all off)");
});

test("with the chime and vibration on, the end of a breathing session sounds and vibrates; Stop does not", async ({ page }) => {
  await recordAlerts(page);
  await page.clock.install({ time: START });
  await open(page, "practice/breathing", "Physiological sigh");
  await choose(page, "A soft chime", "A vibration, where this device can");
  await setLength(page, "Length in minutes", "1");
  await page.getByRole("button", { name: "Start breathing" }).click();
  await expect(page.getByRole("dialog", { name: "Breathing" })).toBeVisible();
  await page.clock.fastForward(30_000);
  // Nothing sounds while it runs (the audio is only made ready at Start).
  expect((await calls(page)).filter((c) => c !== "AudioContext")).toEqual([]);
  await page.clock.fastForward(31_000);
  await expect.poll(() => calls(page)).toContain("vibrate [300,150,300]");
  expect((await calls(page)).filter((c) => c === "tone")).toHaveLength(2);
  // Asked on a tap, never on load.
  expect(await calls(page)).not.toContain("asked");

  // A session the person stops is not "time up": no sound, no buzz.
  const before = (await calls(page)).length;
  await page.getByRole("button", { name: "Breathe again" }).click();
  await page.getByRole("button", { name: "Start breathing" }).click();
  await page.clock.fastForward(5_000);
  await page.getByRole("dialog", { name: "Breathing" }).getByRole("button", { name: "Stop" }).click();
  await page.clock.fastForward(120_000);
  expect((await calls(page)).slice(before).filter((c) => c !== "AudioContext")).toEqual([]);
});

test("with notifications on, the wait's end notifies only when Steady is hidden, and never with the urge", async ({ page }) => {
  await recordAlerts(page);
  await page.clock.install({ time: START });
  await open(page, "practice/wait", "Wait before you act");
  // Nothing is asked on load.
  expect(await calls(page)).toEqual([]);
  await choose(page, "A notification, when Steady is not on screen");
  await expect.poll(() => calls(page)).toEqual(["asked"]);

  // On screen: the page says it; no notification.
  await page.getByLabel("What do you want to do right now?").fill("Text him again");
  await setLength(page, "Wait for how many minutes?", "1");
  await page.getByRole("button", { name: "Start waiting" }).click();
  await page.clock.fastForward(61_000);
  await expect(page.getByRole("heading", { name: "The wait is over. Do you still want to?" })).toBeVisible();
  expect(await calls(page)).toEqual(["asked"]);
  await page.getByRole("button", { name: "Discard this wait" }).click();

  // Hidden (another app, the screen off): a notification with fixed words.
  await page.getByLabel("What do you want to do right now?").fill("Text him again");
  await setLength(page, "Wait for how many minutes?", "1");
  await page.getByRole("button", { name: "Start waiting" }).click();
  await page.evaluate(() => ((window as unknown as { __hidden: boolean }).__hidden = true));
  await page.clock.fastForward(61_000);
  await expect.poll(() => calls(page)).toContain("notification Your wait is over: Come back to Steady when you are ready.");
  expect((await calls(page)).join("\n")).not.toContain("Text him");
});

test("auto-lock counts no idle time while a calm timer runs, and counts again after it", async ({ page }) => {
  await page.clock.install({ time: START });
  // The lock on, opened, with auto-lock after 5 minutes.
  await page.goto("data");
  await appReady(page);
  const lock = page.locator("section", { has: page.getByRole("heading", { name: "Lock with a passphrase" }) });
  await lock.getByLabel(/^New passphrase \(at least/).fill("quiet harbour lantern");
  await lock.getByLabel("New passphrase again").fill("quiet harbour lantern");
  await lock.getByLabel("I understand that a forgotten passphrase cannot be recovered.").check();
  await lock.getByRole("button", { name: "Turn the lock on" }).click();
  await expect(lock.locator(".lock-result")).toContainText("The lock is on.");
  await page.reload();
  await appReady(page);
  await page.getByLabel("Passphrase", { exact: true }).fill("quiet harbour lantern");
  await page.getByRole("button", { name: "Unlock" }).click();
  await page.getByLabel("Lock by itself").selectOption({ label: "After 5 minutes without use" });

  // A ten-minute breath, reached without a reload.
  await page.getByRole("link", { name: "Practice", exact: true }).first().click();
  await page.getByRole("link", { name: "Physiological sigh" }).first().click();
  await expect(page.locator("h1")).toHaveText("Physiological sigh");
  await setLength(page, "Length in minutes", "10");
  await page.getByRole("button", { name: "Start breathing" }).click();
  const moment = page.getByRole("dialog", { name: "Breathing" });
  await expect(moment).toBeVisible();
  // Six minutes without a tap, past the auto-lock: the session goes on.
  await page.clock.fastForward("06:00");
  await page.clock.fastForward("03:00");
  await expect(moment).toBeVisible();
  // The session ends at 10 minutes; idle time counts from there.
  await page.clock.fastForward("01:10");
  await expect(page.getByRole("heading", { name: "How do you feel now?" })).toBeVisible();
  const lockNow = page.getByRole("banner").getByRole("button", { name: "Lock now" });
  await page.clock.fastForward("04:00");
  await expect(page.getByRole("heading", { name: "How do you feel now?" })).toBeVisible();
  await expect(lockNow).toBeVisible();
  // Then it locks: a reload, back to the breathing page as it is behind the lock.
  await page.clock.fastForward("01:20");
  await expect(lockNow).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Start breathing" })).toBeVisible();
});
