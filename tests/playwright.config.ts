import { defineConfig } from "@playwright/test";
import { resolve } from "node:path";

// The release build (cargo xtask test makes it) is served the way GitHub
// Pages serves a project site: under a sub-path, gzip, 404.html for deep links.
const base = process.env.STEADY_BASE ?? "/steady/";
const dist = process.env.STEADY_DIST ?? resolve(import.meta.dirname, "../target/e2e-dist");
const port = Number(process.env.STEADY_PORT ?? 4173);
// A second build of the app for another base on the same origin, for the
// test of two copies side by side (cargo xtask test builds it).
const second = process.env.STEADY_DIST_B ? ` --also "${process.env.STEADY_DIST_B}" ${process.env.STEADY_BASE_B ?? "/steady-b/"}` : "";

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}${base}`,
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium; Playwright never downloads a browser here.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "phone", use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } },
    { name: "desktop", use: { viewport: { width: 1280, height: 800 } } },
  ],
  webServer: {
    command: `node e2e/pages-server.mjs "${dist}" ${port} ${base}${second}`,
    url: `http://127.0.0.1:${port}${base}`,
    reuseExistingServer: false,
    stdout: "ignore",
  },
});
