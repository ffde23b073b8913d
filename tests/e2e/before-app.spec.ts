import { test, expect, appReady } from "./fixtures";

// Before the app has arrived, the static page is all there is: its links
// work, and it says plainly that its buttons wait for the app, then, if the
// app does not come, what works without it. Every `.wasm` request is held
// back here, as on a very slow link.

test.describe("with the wasm held back", () => {
  test.beforeEach(async ({ page }) => {
    await page.route(/\.wasm$/, () => {
      // Never answered: the app never arrives.
    });
  });

  test("home's ways in are plain links, and the page says it is still loading", async ({ page }) => {
    await page.goto("");
    const hero = page.locator(".hero");
    const ways: [string, string][] = [
      ["Take the quiz", "quiz"],
      ["I'm activated right now", "practice/activated"],
      ["slow breathing", "practice/breathing"],
      ["help in a crisis", "help"],
    ];
    for (const [name, path] of ways) {
      await expect(hero.getByRole("link", { name, exact: true })).toHaveAttribute("href", new RegExp(`(^|/)${path}$`));
    }
    const note = page.getByRole("status").filter({ hasText: "Loading Steady" });
    await expect(note).toBeVisible();
    await expect(note).toContainText("Some buttons work only once it has loaded.");
    // Without the app, after a few seconds, it points to what works.
    const stalled = page.getByRole("status").filter({ hasText: "slow to start" });
    await expect(stalled).toBeVisible({ timeout: 15_000 });
    await expect(note.getByText("Loading Steady")).toBeHidden();
    await stalled.getByRole("link", { name: "help in a crisis" }).click();
    await expect(page.locator("main h1")).toBeVisible();
    await expect(page).toHaveURL(/\/help$/);
  });

  test("the note covers nothing: the page's end can be scrolled above it", async ({ page }) => {
    await page.goto("help");
    const note = page.locator(".app-wait");
    await expect(note).toBeVisible();
    await page.locator("footer").scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const footer = await page.locator("footer").boundingBox();
    const over = await note.boundingBox();
    expect(footer!.y + footer!.height).toBeLessThanOrEqual(over!.y + 1);
  });
});

test.describe("with the wasm failing", () => {
  test.use({ expectedProblems: /Failed to load resource|ERR_INTERNET_DISCONNECTED|WebAssembly|fetch/i });

  test("the page says at once what works without the app", async ({ page }) => {
    await page.route(/\.wasm$/, (route) => route.abort("internetdisconnected"));
    await page.goto("practice/breathing");
    // Sooner than the six seconds a slow start is given: the failure itself.
    await expect(page.getByRole("status").filter({ hasText: "slow to start" })).toBeVisible({ timeout: 4_000 });
  });
});

test("once the app starts, the note is gone and nothing of it stays", async ({ page }) => {
  await page.goto("");
  await appReady(page);
  await expect(page.locator(".app-wait")).toHaveCount(0);
  await expect(page.locator("html")).not.toHaveAttribute("data-app", /.*/);
});

test("with JavaScript off the note never shows: the page's own notes say what needs it", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("");
  await expect(page.locator(".app-wait")).toBeHidden();
  await expect(page.locator(".noscript-note").first()).toBeVisible();
  await context.close();
});

// The quiz and breathing work as plain pages: answered and begun before the
// app has arrived, then carried on by the app without a loss or a restart.
test.describe("the first answer and the first breath need no app", () => {
  // Holds every `.wasm` request until `release()` lets them through.
  async function holdTheApp(page: import("@playwright/test").Page) {
    const held: import("@playwright/test").Route[] = [];
    let released = false;
    await page.route(/\.wasm$/, (route) => (released ? route.continue() : void held.push(route)));
    return async () => {
      released = true;
      for (const route of held.splice(0)) await route.continue();
    };
  }

  test("the quiz is answered by keyboard as a plain page, one statement at a time", async ({ page }) => {
    await holdTheApp(page);
    await page.goto("quiz");
    await expect(page.locator("html")).toHaveAttribute("data-app", "loading");
    await page.getByRole("radio", { name: "A partner" }).check();
    await page.getByRole("link", { name: "Start the quiz" }).click();
    await expect(page).toHaveURL(/\/quiz#statement-1$/);
    // The statement takes focus, says where it is and names the partner.
    const first = page.getByRole("group", { name: /^Statement 1 of 36 .*my partner/ });
    await expect(first).toBeFocused();
    // Only the statement stepped to is there at all, for eyes and the tree.
    await expect(page.locator(".plain-step:visible")).toHaveCount(1);
    await expect(page.getByRole("group", { name: /^Statement 2 of 36/ })).toHaveCount(0);
    await expect(first.getByRole("radio")).toHaveCount(7);
    // Arrow keys choose without moving on.
    await page.keyboard.press("Tab");
    await expect(first.getByRole("radio").first()).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await expect(first.getByRole("radio", { name: "Somewhat disagree", exact: true })).toBeChecked();
    await expect(page).toHaveURL(/#statement-1$/);
    // Next, from the keyboard: Tab past Back, Enter.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(first.getByRole("link", { name: "Next" })).toBeFocused();
    await page.keyboard.press("Enter");
    const second = page.getByRole("group", { name: /^Statement 2 of 36/ });
    await expect(second).toBeFocused();
    await second.getByText("Agree", { exact: true }).click();
    await expect(second.getByRole("radio", { name: "Agree", exact: true })).toBeChecked();
    // Back keeps what was chosen.
    await second.getByRole("link", { name: "Back" }).click();
    await expect(first.getByRole("radio", { name: "Somewhat disagree", exact: true })).toBeChecked();
    await expect(page.locator("html")).toHaveAttribute("data-app", /loading|stalled/);
  });

  test("answers given before the app arrives are kept, and the app goes on at the same statement", async ({ page }) => {
    const release = await holdTheApp(page);
    await page.goto("quiz");
    await page.getByRole("radio", { name: "A parent" }).check();
    await page.getByRole("link", { name: "Start the quiz" }).click();
    for (const [n, answer] of [[1, "Agree"], [2, "Disagree"], [3, "Strongly agree"]] as const) {
      const step = page.getByRole("group", { name: new RegExp(`^Statement ${n} of 36`) });
      await step.getByText(answer, { exact: true }).click();
      await step.getByRole("link", { name: "Next" }).click();
    }
    await expect(page.getByRole("group", { name: /^Statement 4 of 36/ })).toBeFocused();
    await release();
    await appReady(page);
    await expect(page.locator(".quiz-count")).toHaveText("4 of 36");
    await expect(page.locator(".quiz-about")).toHaveText("About: a parent");
    await expect(page.locator("#quiz-statement")).toBeFocused();
    // The step's address is cleared, so a reload does not step back to it.
    await expect(page).toHaveURL(/\/quiz$/);
    const kept = await page.evaluate(() => JSON.parse(localStorage.getItem("steady.quiz.progress") ?? "null"));
    expect(kept?.data?.focus).toBe("parent");
    expect(Object.values(kept?.data?.answers ?? {})).toEqual(expect.arrayContaining([6, 2, 7]));
    expect(Object.keys(kept?.data?.answers ?? {})).toHaveLength(3);
    await page.getByRole("button", { name: "Back" }).click();
    await expect(page.locator(".quiz-count")).toHaveText("3 of 36");
    await expect(page.getByRole("radio", { name: "Strongly agree", exact: true })).toBeChecked();
    // And after a reload, the app resumes where it was, not at the page's step.
    await page.reload();
    await appReady(page);
    await expect(page.locator(".quiz-count")).toHaveText("3 of 36");
  });

  test("answers about another person than a saved quiz change nothing saved until the reader chooses", async ({ page }) => {
    const release = await holdTheApp(page);
    await page.goto("quiz");
    // A quiz in progress about a partner, two statements answered, saved earlier.
    const [a, b] = await page.locator(".plain-step input[value='1']").evaluateAll((els) => els.slice(0, 2).map((e) => (e as HTMLInputElement).name.slice(2)));
    const earlier = JSON.stringify({ v: 1, data: { focus: "partner", answers: { [a]: 2, [b]: 3 }, position: 2 } });
    await page.evaluate((v) => localStorage.setItem("steady.quiz.progress", v), earlier);
    // On the plain page, with its own default choice, one answer.
    await page.getByRole("link", { name: "Start the quiz" }).click();
    await page.getByRole("group", { name: /^Statement 1 of 36/ }).getByText("Agree", { exact: true }).click();
    await release();
    await appReady(page);
    const choice = page.getByRole("group", { name: /Which do you want to go on with/ });
    await expect(choice).toContainText("you answered 1 statement about relationships in general");
    await expect(choice).toContainText("about a partner, with 2 statements answered, and it is still saved");
    await expect(choice.locator("p")).toBeFocused();
    expect(await page.evaluate(() => localStorage.getItem("steady.quiz.progress"))).toBe(earlier);
    await choice.getByRole("button", { name: "Go back to the earlier quiz" }).click();
    await expect(choice).toHaveCount(0);
    await expect(page.locator(".quiz-about")).toHaveText("About: a partner");
    await expect(page.locator(".quiz-count")).toHaveText("3 of 36");
    const kept = await page.evaluate(() => JSON.parse(localStorage.getItem("steady.quiz.progress")!));
    expect(kept.data.answers).toEqual({ [a]: 2, [b]: 3 });
  });

  test("breathing starts as a plain page, and the app carries the breath on", async ({ page }) => {
    const release = await holdTheApp(page);
    await page.goto("practice/breathing");
    await page.getByRole("link", { name: "Start breathing" }).click();
    await expect(page).toHaveURL(/\/practice\/breathing#breathe$/);
    const guide = page.locator(".plain-breath");
    await expect(guide.getByRole("heading", { name: "Breathe along" })).toBeVisible();
    // The circle moves, and one phase's word shows at a time.
    const circle = guide.locator(".plain-circle");
    const size = () => circle.evaluate((el) => el.getBoundingClientRect().width);
    const before = await size();
    await expect.poll(size).not.toBe(before);
    const shown = () =>
      guide.locator(".plain-words span").evaluateAll((els) => els.filter((e) => getComputedStyle(e).opacity === "1").map((e) => e.textContent));
    await expect.poll(async () => (await shown()).length).toBe(1);
    // Every cue is read by a screen reader, whichever shows.
    await expect(guide.getByRole("listitem")).toHaveText(["Breathe in through your nose", "A second, shorter breath in", "Breathe out slowly through your mouth"]);
    await release();
    // The app takes over mid-session: its guide runs, with less than the whole length left.
    const moment = page.getByRole("dialog", { name: "Breathing" });
    await expect(moment).toBeVisible();
    await expect(moment.getByRole("button", { name: /Pause/ })).toBeVisible();
    await expect(page).toHaveURL(/\/practice\/breathing$/);
  });

  test("\"I'm activated\" starts its minute of breathing as a plain page, and the app goes on with it", async ({ page }) => {
    const release = await holdTheApp(page);
    await page.goto("practice/activated");
    await expect(page.getByRole("heading", { name: "Step 1 of 5" })).toHaveCount(0);
    await expect(page.getByText("Step 1 of 5")).toBeVisible();
    await page.getByRole("link", { name: "Start a minute of breathing" }).click();
    await expect(page).toHaveURL(/\/practice\/activated#breathe$/);
    const guide = page.locator(".plain-breath");
    await expect(guide.getByRole("heading", { name: "Breathe along" })).toBeVisible();
    // Stop goes back to the step, with focus on its heading.
    await guide.getByRole("link", { name: "Stop" }).click();
    await expect(page.locator("#activated-step")).toBeFocused();
    await page.getByRole("link", { name: "Start a minute of breathing" }).click();
    await expect(guide).toBeVisible();
    await release();
    await expect(page.getByRole("dialog", { name: "Breathing" })).toBeVisible();
    await expect(page).toHaveURL(/\/practice\/activated$/);
  });

  test("with reduced motion the plain guide is words only", async ({ page }) => {
    await holdTheApp(page);
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.goto("practice/breathing#breathe");
    await expect(page.locator(".plain-breath .breath-stage")).toBeHidden();
    await expect.poll(() =>
      page.locator(".plain-words span").evaluateAll((els) => els.filter((e) => getComputedStyle(e).opacity === "1").length),
    ).toBe(1);
  });
});
