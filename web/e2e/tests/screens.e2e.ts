import { expect, test } from "@playwright/test";
import { eventPath, stack } from "./stack";

// The main pages in both languages, kept as the run's artifacts (test-results/screens/), desktop and phone
for (const locale of ["en", "ja"] as const) {
  test(`the main pages in ${locale}`, async ({ page }, testInfo) => {
    await page.addInitScript((chosen) => window.localStorage.setItem("kippu.locale", chosen), locale);
    for (const [name, url] of [["events", `${stack.baseUrl}/`], ["event", eventPath(stack.events.open)], ["sign-in", `${stack.baseUrl}/sign-in/`]]) {
      await page.goto(url);
      await expect(page.locator("h1")).toBeVisible();
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await page.screenshot({ path: `test-results/screens/${testInfo.project.name}-${name}-${locale}.png`, fullPage: true });
    }
  });
}
