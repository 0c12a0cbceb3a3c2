import { expect, test, type Page } from "@playwright/test";
import { eventPath, signIn, stack, type User } from "./stack";

// The main pages in both languages, kept as the run's artifacts (test-results/screens/), desktop and phone
for (const locale of ["en", "ja"] as const) {
  test(`the main pages in ${locale}`, async ({ page }, testInfo) => {
    const shoot = screens(page, locale, testInfo.project.name);
    await shoot(null, { events: "/", event: eventPath(stack.events.open), "sign-in": "/sign-in/", "sign-up": "/sign-up/" });
    await shoot(stack.booker, { bookings: "/bookings/" });
    await shoot(stack.organizer, {
      "organizer-events": "/organizer/",
      "organizer-event": `/organizer/event/?id=${encodeURIComponent(stack.events.open.id)}`,
    });
  });
}

/** Screenshots of pages, signed out or signed in as a user (signing in in English, then switching). */
function screens(page: Page, locale: "en" | "ja", device: string) {
  return async (user: User | null, pages: Record<string, string>) => {
    await page.goto(`${stack.baseUrl}/`); // the origin whose storage holds the session and the language
    await page.evaluate(() => window.localStorage.clear());
    if (user) await signIn(page, user);
    await page.evaluate((chosen) => window.localStorage.setItem("kippu.locale", chosen), locale);
    for (const [name, path] of Object.entries(pages)) {
      await page.goto(path.startsWith("http") ? path : `${stack.baseUrl}${path}`, { waitUntil: "networkidle" });
      await expect(page.locator("h1")).toBeVisible();
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await page.screenshot({ path: `test-results/screens/${device}-${name}-${locale}.png`, fullPage: true });
    }
  };
}
