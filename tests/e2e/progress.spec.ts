import { test, expect, appReady } from "./fixtures";

test("the starter plan remembers ticked steps", async ({ page }) => {
  await page.goto("progress");
  await appReady(page);
  const first = page.getByRole("checkbox", { name: "Take the quiz" });
  await first.focus();
  await page.keyboard.press("Space");
  await expect(first).toBeChecked();
  await expect(page.getByText("1 of 5 done.")).toBeVisible();
  await page.reload();
  await appReady(page);
  await expect(page.getByRole("checkbox", { name: "Take the quiz" })).toBeChecked();
});

test("the plan ticks itself from a tool used and an entry written, and a step by hand still ticks", async ({ page }) => {
  await page.goto("progress");
  await appReady(page);
  const at = new Date("2026-11-20T10:00:00").getTime();
  await page.evaluate((at) => {
    const entry = (id: string, kind: string) => ({ id, created: at, updated: at, kind, title: "", body: "Some words" });
    localStorage.setItem("steady.journal", JSON.stringify({ v: 1, data: [entry("a", "activated"), entry("b", "free"), entry("c", "i-statement")] }));
  }, at);
  await page.reload();
  await appReady(page);
  const date = await page.evaluate((at) => new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }).format(at), at);
  const settle = page.getByRole("checkbox", { name: "Settle yourself when something stirs you up" });
  await expect(settle).toBeChecked();
  await expect(settle).toBeDisabled();
  await expect(settle).toHaveAccessibleDescription(`Ticked for you: you used “I'm activated” on ${date}.`);
  const note = page.getByRole("checkbox", { name: "Keep a note of what helps" });
  await expect(note).toBeChecked();
  await expect(note).toHaveAccessibleDescription(`Ticked for you: you wrote in your journal on ${date}.`);
  // An I-statement built in Steady is not speaking up: that one is yours to tick.
  const speak = page.getByRole("checkbox", { name: "Practise one way of speaking up this week" });
  await expect(speak).not.toBeChecked();
  await expect(page.getByText("2 of 5 done.")).toBeVisible();
  await speak.check();
  await expect(page.getByText("3 of 5 done.")).toBeVisible();
  await page.reload();
  await appReady(page);
  await expect(speak).toBeChecked();
  await expect(speak).toBeEnabled();
  await speak.uncheck();
  await expect(page.getByText("2 of 5 done.")).toBeVisible();
});

test("a self-check needs every rating and then joins the history", async ({ page }) => {
  await page.goto("progress");
  await appReady(page);
  await page.getByRole("button", { name: "Take the self-check" }).click();
  const groups = page.locator("fieldset.rating");
  await expect(groups).toHaveCount(15);
  for (let i = 0; i < 14; i++) await groups.nth(i).getByRole("radio", { name: "Mostly" }).check();
  await page.getByRole("button", { name: "Save this self-check" }).click();
  await expect(page.getByText("1 statements still need a rating.")).toBeVisible();
  await groups.nth(14).getByRole("radio", { name: "Very much" }).check();
  await page.getByRole("button", { name: "Save this self-check" }).click();
  // 14 x 3 + 4 = 46.
  await expect(page.locator(".self-check-history")).toContainText("46 of 60");
  await page.reload();
  await appReady(page);
  await expect(page.locator(".self-check-history")).toContainText("46 of 60");
});

test("what helps counts uses and the average change per tool", async ({ page }) => {
  await page.goto("progress");
  await appReady(page);
  await page.evaluate(() => {
    const now = Date.now();
    const entry = (id: string, kind: string, before: number, after: number) => ({
      id, created: now - 1000, updated: now - 1000, kind, title: "", body: "", intensity_before: before, intensity_after: after,
    });
    localStorage.setItem("steady.journal", JSON.stringify({ v: 1, data: [
      entry("a", "breathing", 8, 5), entry("b", "breathing", 6, 5), entry("c", "reframe", 7, 7),
    ] }));
  });
  await page.reload();
  await appReady(page);
  const rows = page.locator("table.helps tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("Physiological sigh");
  await expect(rows.first()).toContainText("−2.0 over 2 rated uses");
  await expect(page.getByText("3 practice sessions in the last 8 weeks.")).toBeVisible();
});

test("the plan's style step points at the style of the latest result", async ({ page }) => {
  await page.goto("progress");
  await appReady(page);
  const step = page.getByRole("link", { name: "Go to “Read the page for your style”" });
  await expect(step).toHaveAttribute("href", "/steady/learn/secure-attachment");
  await page.evaluate(() =>
    localStorage.setItem(
      "steady.quiz.results",
      JSON.stringify({ v: 1, data: [{ id: "r1", focus: "general", taken_at: 1, scores: { anxiety: 52, avoidance: 21 }, answers: {}, answered: 36, of: 36 }] }),
    ),
  );
  await page.reload();
  await appReady(page);
  await expect(step).toHaveAttribute("href", "/steady/learn/anxious-attachment");
});

test("the trend chart's text is at least 12 px on screen, and two results on one day show their times", async ({ page }) => {
  await page.goto("progress");
  await appReady(page);
  const day = new Date("2026-12-02T09:14:00").getTime();
  const result = (id: string, taken_at: number, anxiety: number, avoidance: number) => ({
    id, focus: "general", taken_at, scores: { anxiety, avoidance }, answers: {}, answered: 36, of: 36,
  });
  await page.evaluate((data) => localStorage.setItem("steady.quiz.results", JSON.stringify({ v: 1, data })), [
    result("a", day - 20 * 86_400_000, 52, 31),
    result("b", day, 48, 30),
    result("c", day + 5 * 3_600_000, 44, 27),
  ]);
  await page.reload();
  await appReady(page);
  const ticks = page.locator("figure.trend text.trend-tick");
  await expect(ticks.first()).toBeVisible();
  const sizes = await ticks.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
  // A text box is a little taller than its font: 12 px text is at least ~13 px high.
  for (const h of sizes) expect(h).toBeGreaterThanOrEqual(12);
  const font = await ticks.first().evaluate((t) => {
    const svg = t.closest("svg")!;
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return parseFloat(getComputedStyle(t).fontSize) * scale;
  });
  expect(font).toBeGreaterThanOrEqual(12);
  // The two results of 2 December are told apart by their time.
  // Each date label: its date, and its time on a second line (a <tspan>) if any.
  const labels = await page.locator("figure.trend text.trend-tick").evaluateAll((els) =>
    els
      .filter((e) => e.getAttribute("text-anchor") === "middle")
      .map((e) => ({ date: e.firstChild?.textContent?.trim() ?? "", time: e.querySelector("tspan")?.textContent?.trim() ?? null })),
  );
  expect(labels).toHaveLength(3);
  const [first, second, third] = labels;
  expect(second.date).toBe(third.date);
  expect(first.date).not.toBe(second.date);
  expect(first.time).toBeNull();
  expect(second.time).toMatch(/\d:\d\d/);
  expect(third.time).toMatch(/\d:\d\d/);
  expect(second.time).not.toBe(third.time);
});
