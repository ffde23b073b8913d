import { readFileSync } from "node:fs";
import { test, expect, appReady, keptAside, storeResults } from "./fixtures";
import type { Page } from "@playwright/test";

// The same answers and expected scores the domain's unit test checks
// (src/content.rs), so the screen is held to the domain's computation.
const pattern: { answers: number[]; expected: { anxiety: string; avoidance: string } } = JSON.parse(
  readFileSync(new URL("../fixtures/quiz-pattern.json", import.meta.url), "utf8"),
);
const TOTAL = pattern.answers.length;

const statement = (page: Page) => page.locator("#quiz-statement");
const count = (page: Page) => page.locator("#quiz-count");

/** Starts the quiz by keyboard alone, for the focus named `label`. */
async function startByKeyboard(page: Page, label = "Relationships in general") {
  await page.goto("quiz");
  await appReady(page);
  const choice = page.getByRole("radio", { name: label });
  await choice.focus();
  await page.keyboard.press("Space");
  await expect(choice).toBeChecked();
  await page.getByRole("button", { name: "Start the quiz" }).focus();
  await page.keyboard.press("Enter");
  await expect(count(page)).toHaveText(`1 of ${TOTAL}`);
  await expect(statement(page)).toBeFocused();
}

/** Answers statements from `from` (0-based) to `to` with number keys. */
async function answerWithKeys(page: Page, answers: number[], from: number, to: number) {
  for (let i = from; i < to; i++) {
    await expect(count(page)).toHaveText(`${i + 1} of ${TOTAL}`);
    await page.keyboard.press(String(answers[i]));
  }
}

test("the whole quiz by keyboard gives the domain's scores and saves a result", async ({ page }) => {
  await startByKeyboard(page);
  await expect(statement(page)).toContainText("someone I'm close to");
  await answerWithKeys(page, pattern.answers, 0, TOTAL);

  await expect(page).toHaveURL(/\/steady\/quiz\/result\/[\w-]+$/);
  await expect(page.locator("h1")).toHaveText("Your result");
  await expect(page.locator('[data-dimension="anxiety"]')).toHaveText(pattern.expected.anxiety);
  await expect(page.locator('[data-dimension="avoidance"]')).toHaveText(pattern.expected.avoidance);
  // The text alternative of the plane states the same position.
  await expect(page.locator("figure.plane figcaption")).toContainText(
    `Anxiety ${pattern.expected.anxiety} and avoidance ${pattern.expected.avoidance}`,
  );
  await expect(page.getByRole("img", { name: "Your point on the anxiety and avoidance plane" })).toBeVisible();
  await expect(page.locator("main")).toContainText("This is self-reflection, not a diagnosis.");
  await expect(page.getByRole("link", { name: "find help and crisis lines" })).toBeVisible();
  await expect(page.locator(".next-steps li")).toHaveCount(3);
  // Varied, consistent answers: no careless-answer message, no middle
  // wording (5.6 is high, 2.4 low), and the line at 4 is called a convention.
  await expect(page.locator(".answer-check")).toHaveCount(0);
  await expect(page.locator(".score-list")).not.toContainText("in the middle");
  await expect(page.locator("main")).toContainText("They are not norms from any population");
  await expect(page.locator("main")).not.toContainText("earlier set of statements");
  // Strengths and growth edges start from this person's own statements.
  await expect(page.locator(".own-answers")).toHaveCount(2);
  await expect(page.locator(".own-answers").first().locator("li")).toHaveCount(3);
  await expect(page.locator(".own-answers").first()).toContainText("someone I'm close to");

  // The journal keeps a note of it.
  await page.goto("journal");
  await expect(page.locator(".entries > li").first()).toContainText(`Anxiety${pattern.expected.anxiety} of 7`);

  // The run in progress is gone: the quiz starts fresh.
  await page.goto("quiz");
  await expect(page.getByRole("button", { name: "Start the quiz" })).toBeVisible();
  await expect(page.getByText("See your last result")).toBeVisible();
});

test("a reload mid-quiz resumes at the same statement with the answers kept", async ({ page }) => {
  await startByKeyboard(page, "A partner");
  await answerWithKeys(page, pattern.answers, 0, 12);
  await expect(count(page)).toHaveText(`13 of ${TOTAL}`);
  await expect(statement(page)).toContainText("my partner");

  await page.reload();
  await appReady(page);
  await expect(count(page)).toHaveText(`13 of ${TOTAL}`);
  await expect(statement(page)).toContainText("my partner");
  // Home offers the way back in.
  await page.goto("");
  await page.getByRole("link", { name: "Continue the quiz" }).click();
  await expect(count(page)).toHaveText(`13 of ${TOTAL}`);
  // Back shows the earlier answer still chosen.
  await page.getByRole("button", { name: "Back" }).click();
  await expect(count(page)).toHaveText(`12 of ${TOTAL}`);
  await expect(page.getByRole("radio", { checked: true })).toHaveValue(String(pattern.answers[11]));
});

test("arrow keys choose without moving on; Enter moves on", async ({ page }) => {
  await startByKeyboard(page);
  await page.keyboard.press("Tab");
  const first = page.getByRole("radio").first();
  await expect(first).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio").nth(1)).toBeChecked();
  await expect(count(page)).toHaveText(`1 of ${TOTAL}`);
  await page.keyboard.press("Enter");
  await expect(count(page)).toHaveText(`2 of ${TOTAL}`);
});

test("a Tab pressed straight after answering is not undone by focus returning to the statement", async ({ page }) => {
  await startByKeyboard(page);
  // On a busy phone the next frame can come after the user's next key. Hold
  // the page's animation frames so the Tab surely lands first, then let them run.
  type HeldFrames = { releaseFrames: () => Promise<void> };
  await page.evaluate(() => {
    const real = window.requestAnimationFrame.bind(window);
    const held: FrameRequestCallback[] = [];
    window.requestAnimationFrame = (run) => (held.push(run), 0);
    (window as unknown as HeldFrames).releaseFrames = () => {
      window.requestAnimationFrame = real;
      held.forEach((run) => real(run));
      return new Promise((done) => real(() => real(() => done())));
    };
  });
  await page.keyboard.press("7");
  await expect(count(page)).toHaveText(`2 of ${TOTAL}`);
  await page.keyboard.press("Tab");
  const first = page.getByRole("radio").first();
  await expect(first).toBeFocused();
  await page.evaluate(() => (window as unknown as HeldFrames).releaseFrames());
  await expect(first).toBeFocused();
  // With nothing pressed in between, answering still takes focus to the statement.
  await page.keyboard.press("3");
  await expect(count(page)).toHaveText(`3 of ${TOTAL}`);
  await expect(statement(page)).toBeFocused();
});

test("a tap on an option answers and moves on; skipped statements are listed before the result", async ({ page }) => {
  await page.goto("quiz");
  await appReady(page);
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await page.getByText("Agree", { exact: true }).click();
  await expect(count(page)).toHaveText(`2 of ${TOTAL}`);
  // Before an answer, Skip is a quiet button, not the filled next step.
  const skip = page.getByRole("button", { name: "Skip" });
  await expect(skip).not.toHaveClass(/primary/);
  // On touch, the option just tapped does not stay highlighted on the next
  // statement (a desktop mouse still resting there may hover it, rightly).
  if (test.info().project.name === "phone") {
    const looks = await page.locator(".likert-option").evaluateAll((els) => els.map((e) => getComputedStyle(e).borderColor));
    expect(new Set(looks).size).toBe(1);
  }
  // A tip about number keys is for keyboards; a phone has none to press.
  const tip = page.getByText(/press a number from 1 to 7/);
  if (test.info().project.name === "phone") await expect(tip).toBeHidden();
  else await expect(tip).toBeVisible();
  // Skip the second statement, answer the rest.
  await skip.click();
  await expect(count(page)).toHaveText(`3 of ${TOTAL}`);
  await answerWithKeys(page, pattern.answers, 2, TOTAL);

  await expect(page.getByRole("heading", { name: "Before your result" })).toBeVisible();
  await expect(page.locator(".skipped-list li")).toHaveCount(1);
  await page.locator(".skipped-list button").click();
  await expect(count(page)).toHaveText(`2 of ${TOTAL}`);
  await page.keyboard.press("4");
  await expect(page).toHaveURL(/quiz\/result\//);
});

test("a retake adds a second point to the history, shown as a trail and on Progress", async ({ page }) => {
  await startByKeyboard(page);
  await answerWithKeys(page, pattern.answers, 0, TOTAL);
  await expect(page.locator("h1")).toHaveText("Your result");

  const mirrored = pattern.answers.map((a) => 8 - a);
  await page.getByRole("link", { name: "Take the quiz again" }).click();
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await answerWithKeys(page, mirrored, 0, TOTAL);
  await expect(page.locator("h1")).toHaveText("Your result");
  // Mirrored answers mirror the scores around 4.
  const mirror = (s: string) => (8 - Number(s)).toFixed(1);
  await expect(page.locator('[data-dimension="anxiety"]')).toHaveText(mirror(pattern.expected.anxiety));
  await expect(page.locator("figure.plane figcaption")).toContainText("1 earlier result of this focus");
  await expect(page.locator(".plane-earlier")).toHaveCount(1);

  await page.getByRole("link", { name: "See your progress" }).click();
  await expect(page.locator(".result-row")).toHaveCount(2);
  await expect(page.getByRole("img", { name: /Scores in general: 2 results/ })).toBeVisible();

  // Delete, then undo.
  await page.locator(".result-row").first().getByRole("button", { name: /Delete/ }).click();
  await expect(page.locator(".result-row")).toHaveCount(1);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.locator(".result-row")).toHaveCount(2);
  await page.reload();
  await appReady(page);
  await expect(page.locator(".result-row")).toHaveCount(2);
});

test("after the quiz the plan's first step is done, and opening the style page ticks the second", async ({ page }) => {
  await startByKeyboard(page);
  await answerWithKeys(page, pattern.answers, 0, TOTAL);
  await expect(page.locator("h1")).toHaveText("Your result");
  await page.getByRole("link", { name: "See your progress" }).click();
  const quiz = page.getByRole("checkbox", { name: "Take the quiz" });
  await expect(quiz).toBeChecked();
  await expect(quiz).toBeDisabled();
  await expect(quiz).toHaveAccessibleDescription(/^Ticked for you: you took the quiz on .+\.$/);
  await expect(page.getByText("1 of 5 done.")).toBeVisible();
  const read = page.getByRole("checkbox", { name: "Read the page for your style" });
  await expect(read).not.toBeChecked();
  await page.getByRole("link", { name: "Go to “Read the page for your style”" }).click();
  await expect(page).toHaveURL(/\/steady\/learn\/[a-z-]+$/);
  // Only an article ends with "Try this now".
  await expect(page.getByRole("heading", { name: "Try this now" })).toBeVisible();
  const title = (await page.locator("main h1").textContent())!.trim();
  await page.goBack();
  await expect(read).toBeChecked();
  await expect(read).toHaveAccessibleDescription(new RegExp(`^Ticked for you: you opened “${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}” on `));
  await expect(page.getByText("2 of 5 done.")).toBeVisible();
  await page.reload();
  await appReady(page);
  await expect(read).toBeChecked();
});

test("every tool the report's plan names links to that tool's page", async ({ page }) => {
  await page.goto("report");
  await appReady(page);
  // One result per style, each report in turn.
  const styles: [string, number, number][] = [["secure", 20, 20], ["anxious", 60, 20], ["avoidant", 20, 60], ["fearful", 60, 60]];
  await page.evaluate((styles) => {
    const data = styles.map(([id, anxiety, avoidance], i) => ({
      id, focus: "general", taken_at: 1000 + i, scores: { anxiety, avoidance }, answers: {}, answered: 36, of: 36,
    }));
    localStorage.setItem("steady.quiz.results", JSON.stringify({ v: 1, data }));
  }, styles);
  const tools = new Map<string, string>();
  for (const [id] of styles) {
    await page.goto(`report/${id}`);
    await appReady(page);
    await expect(page.locator(".plan-week")).toHaveCount(4);
    const links = page.locator(".plan-week a.plan-tool");
    expect(await links.count(), id).toBeGreaterThan(0);
    for (const { href, text } of await links.evaluateAll((as) =>
      as.map((a) => ({ href: a.getAttribute("href")!, text: a.textContent!.trim() })),
    )) {
      expect(href, text).toMatch(/^\/steady\/practice\/[a-z-]+$/);
      tools.set(href, text.replace(/^Open “(.*)”$/, "$1"));
    }
  }
  expect(tools.size).toBeGreaterThanOrEqual(5);
  for (const [href, name] of tools) {
    await page.goto(href.slice("/steady/".length));
    await appReady(page);
    await expect(page.locator("main h1"), href).toHaveText(name);
  }
});

test("the report prints without navigation and offers a text summary", async ({ page, context }) => {
  await startByKeyboard(page);
  await answerWithKeys(page, pattern.answers, 0, TOTAL);
  await page.getByRole("link", { name: "Open your personal report" }).click();
  await expect(page.locator("h1")).toHaveText("Your personal report");
  await expect(page.locator(".plan-week")).toHaveCount(4);

  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".site-header")).toBeHidden();
  await expect(page.locator(".site-footer")).toBeHidden();
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  await expect(page.locator(".plan-week").first()).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy summary" }).click();
  await expect(page.getByText("Summary copied.")).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(`Anxiety: ${pattern.expected.anxiety} of 7`);
  expect(copied).toContain("self-reflection, not a diagnosis");
});

test("unreadable saved progress restarts the quiz with a message and keeps the value aside", async ({ page }) => {
  await page.goto("quiz");
  await appReady(page);
  await page.evaluate(() => localStorage.setItem("steady.quiz.progress", '{"v":1,"data":{"focus":"nobody"'));
  await page.reload();
  await appReady(page);
  await expect(page.locator(".notice")).toContainText("could not be read");
  await expect(page.getByRole("button", { name: "Start the quiz" })).toBeVisible();
  expect(await keptAside(page, "quiz.progress")).toBe(
    '{"v":1,"data":{"focus":"nobody"',
  );
  // Starting again writes fresh progress; the kept copy is untouched.
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await page.keyboard.press("5");
  await expect(count(page)).toHaveText(`2 of ${TOTAL}`);
  expect(await keptAside(page, "quiz.progress")).toBe(
    '{"v":1,"data":{"focus":"nobody"',
  );
});

test("unreadable saved results never crash the app and are kept aside", async ({ page }) => {
  await page.goto("progress");
  await appReady(page);
  await page.evaluate(() => localStorage.setItem("steady.quiz.results", '{"v":1,"data":[{"scores":{"anxiety":99}}]}'));
  await page.reload();
  await appReady(page);
  await expect(page.locator(".notice")).toContainText("quiz results could not be read");
  await expect(page.locator("h1")).toHaveText("Progress");
  expect(await keptAside(page, "quiz.results")).toContain('"anxiety":99');
});

/** Answers every statement with `value`, by number key. */
async function answerAll(page: Page, value: number) {
  await answerWithKeys(page, Array(TOTAL).fill(value), 0, TOTAL);
  await expect(page.locator("h1")).toHaveText("Your result");
}

test("the same answer to every statement gets the middle wording and a plain warning, with the scores still shown", async ({ page }) => {
  await startByKeyboard(page);
  await answerAll(page, 4);
  // 4.0 on both: in the middle, on both lines, with no style decided silently.
  await expect(page.locator('[data-dimension="anxiety"]')).toHaveText("4.0");
  await expect(page.locator('[data-dimension="avoidance"]')).toHaveText("4.0");
  await expect(page.locator(".score-list")).toContainText("On anxiety you are in the middle");
  await expect(page.locator(".score-list")).toContainText("On avoidance you are in the middle");
  await expect(page.locator(".score-list")).not.toContainText("real alarm");
  // The answer check fired, so no style is named, and the page says why.
  await expect(page.getByRole("heading", { name: "No style named for these answers" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Closest style/ })).toHaveCount(0);
  await expect(page.locator("section[aria-labelledby=style-heading]")).toContainText("So Steady names no closest style this time.");
  await expect(page.locator("figure.plane figcaption")).toContainText("at the centre, where all four regions meet");

  const check = page.locator(".answer-check");
  await expect(check.getByRole("heading", { name: "These answers may not reflect you" })).toBeVisible();
  await expect(check).toContainText(`the same answer, “Neither agree nor disagree”, to ${TOTAL} of the ${TOTAL} statements`);
  // "Neither" is on no side of the scale, so no pair contradicts.
  await expect(check.locator(".contradictions")).toHaveCount(0);
  // No answer leaned either way, so no statement is offered as a strength.
  await expect(page.locator(".own-answers")).toHaveCount(0);
  await check.getByRole("link", { name: "take the quiz again" }).click();
  await expect(page.getByRole("button", { name: "Start the quiz" })).toBeVisible();
});

test("agreeing with every statement also lists the pairs that contradict each other", async ({ page }) => {
  await startByKeyboard(page, "A close friend");
  await answerAll(page, 5);
  // (12 x 5 + 6 x 3) / 18 = 4.3 on both: in the middle, above the line.
  await expect(page.locator('[data-dimension="anxiety"]')).toHaveText("4.3");
  await expect(page.locator(".score-list")).toContainText("On anxiety you are in the middle");
  const check = page.locator(".answer-check");
  await expect(check).toContainText("the same answer, “Somewhat agree”");
  await expect(check).toContainText("12 of 12 pairs of statements that say opposite things");
  await expect(check.locator(".contradictions li")).toHaveCount(12);
  await expect(check.locator(".contradictions li").first()).toContainText("my close friend");
  // The report says it too.
  await expect(page.getByRole("heading", { name: /^Closest style/ })).toHaveCount(0);
  await page.getByRole("link", { name: "Open your personal report" }).click();
  await expect(page.locator(".answer-check")).toContainText("These answers may not reflect you");
  await expect(page.getByRole("heading", { name: "No style named for these answers" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^What it means/ })).toHaveCount(0);
});

test("a result from the previous bank (version 2, with statements since rewritten) still opens with its scores", async ({ page }) => {
  await storeResults(page, [
    {
      id: "v2result",
      focus: "partner",
      taken_at: 1780000000000,
      scores: { anxiety: 47, avoidance: 33 },
      // Two ids this bank still has, and two it retired.
      answers: { "abandon-1": 6, "closeness-1": 2, "abandon-3": 5, "reject-1": 5 },
      answered: 36,
      of: 36,
      bank: 2,
    },
  ]);
  await page.goto("quiz/result/v2result");
  await appReady(page);
  await expect(page.locator('[data-dimension="anxiety"]')).toHaveText("4.7");
  await expect(page.locator('[data-dimension="avoidance"]')).toHaveText("3.3");
  await expect(page.locator(".earlier-bank")).toContainText("This result came from an earlier set of statements.");
  await expect(page.getByRole("heading", { name: "Closest style: Anxious" })).toBeVisible();
  await page.getByRole("link", { name: "Open your personal report" }).click();
  await expect(page.getByRole("heading", { name: /What it means: closest to anxious/ })).toBeVisible();
});

test("a result saved with the earlier set of statements opens with its stored scores and says so", async ({ page }) => {
  await page.goto("progress");
  await appReady(page);
  // Exactly what the first bank stored: old statement ids and no bank version.
  await page.evaluate(() =>
    localStorage.setItem(
      "steady.quiz.results",
      JSON.stringify({ v: 1, data: [{ id: "old1", focus: "partner", taken_at: 1766880000000, scores: { anxiety: 52, avoidance: 28 }, answers: { "anx-01": 6, "avo-01": 2 }, answered: 36, of: 36 }] }),
    ),
  );
  await page.goto("quiz/result/old1");
  await appReady(page);
  await expect(page.locator('[data-dimension="anxiety"]')).toHaveText("5.2");
  await expect(page.locator('[data-dimension="avoidance"]')).toHaveText("2.8");
  await expect(page.locator(".earlier-bank")).toContainText("This result came from an earlier set of statements.");
  await expect(page.locator(".answer-check")).toHaveCount(0);
});

test("a quiz begun on the earlier statements says why it starts again instead of resuming silently", async ({ page }) => {
  await page.goto("quiz");
  await appReady(page);
  // Progress saved by the first bank, whose ids (anx-01, avo-07) no longer exist.
  await page.evaluate(() =>
    localStorage.setItem(
      "steady.quiz.progress",
      JSON.stringify({ v: 1, data: { focus: "partner", answers: { "anx-01": 6, "avo-07": 2 }, position: 2 } }),
    ),
  );
  await page.reload();
  await appReady(page);
  await expect(page.locator(".notice")).toContainText("begun on an earlier set of statements");
  await expect(count(page)).toHaveText(`1 of ${TOTAL}`);
});

test("a result that cannot be saved keeps every answer, says so, and saves on the next try", async ({ page }) => {
  await startByKeyboard(page);
  await answerWithKeys(page, pattern.answers, 0, TOTAL - 1);
  // The results key cannot be written (a full quota, as the browser reports
  // it); the quiz in progress still can.
  await page.evaluate(() => {
    const set = Storage.prototype.setItem;
    (window as any).__refuse = true;
    Storage.prototype.setItem = function (key: string, value: string) {
      if ((window as any).__refuse && key === "steady.quiz.results") {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      }
      return set.call(this, key, value);
    };
  });
  await page.keyboard.press(String(pattern.answers[TOTAL - 1]));
  await expect(page.locator(".notice")).toContainText("Your answers are still here");
  await expect(page).toHaveURL(/\/steady\/quiz$/);
  const stored = await page.evaluate(() => localStorage.getItem("steady.quiz.progress"));
  expect(stored).not.toBeNull();
  expect(Object.keys(JSON.parse(stored!).data.answers)).toHaveLength(TOTAL);
  expect(await page.evaluate(() => localStorage.getItem("steady.quiz.results"))).toBeNull();

  // Room again: finishing works, and only then is the quiz forgotten.
  await expect(page.locator(".quiz-review")).toContainText("Every statement has an answer.");
  await page.evaluate(() => ((window as any).__refuse = false));
  await page.getByRole("button", { name: "See my result" }).click();
  await expect(page).toHaveURL(/\/steady\/quiz\/result\/[\w-]+$/);
  await expect(page.locator('[data-dimension="anxiety"]')).toHaveText(pattern.expected.anxiety);
  expect(await page.evaluate(() => localStorage.getItem("steady.quiz.progress"))).toBeNull();
});
