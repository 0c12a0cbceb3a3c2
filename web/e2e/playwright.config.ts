import { defineConfig, devices } from "@playwright/test";

/**
 * Kippu's pages in Debian's chromium (never a browser Playwright downloads), against a running
 * Kippu that serves the export beside /graphql: WebEndToEndIT starts one on the local stand-ins and
 * passes it in KIPPU_E2E (see tests/stack.ts). One worker: the machine has two cores.
 */
const chromium = {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
};

export default defineConfig({
  testDir: "tests",
  testMatch: "**/*.e2e.ts",
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  outputDir: "test-results",
  reporter: [["list"]],
  use: { screenshot: "only-on-failure", trace: "off", launchOptions: chromium },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions: chromium } },
    { name: "phone", use: { ...devices["Pixel 7"], launchOptions: chromium }, testMatch: "**/screens.e2e.ts" },
  ],
});
