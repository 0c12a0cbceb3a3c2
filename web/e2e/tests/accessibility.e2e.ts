import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { eventPath, signIn, stack } from "./stack";

const SERIOUS = ["serious", "critical"];

for (const [name, path] of [["events", "/"], ["sign-in", "/sign-in/"], ["sign-up", "/sign-up/"]] as const) {
  test(`axe finds nothing serious on ${name}`, async ({ page }) => {
    await page.goto(`${stack.baseUrl}${path}`);
    await expect(page.locator("h1")).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((violation) => SERIOUS.includes(violation.impact ?? "")).map((violation) => violation.id)).toEqual([]);
  });
}

test("axe finds nothing serious on an event and on my bookings, signed in", async ({ page }) => {
  await signIn(page, stack.attendee);
  for (const url of [eventPath(stack.events.open), `${stack.baseUrl}/bookings/`]) {
    await page.goto(url);
    await expect(page.locator("h1")).toBeVisible();
    await expect(page.getByText("Loading…")).toHaveCount(0);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((violation) => SERIOUS.includes(violation.impact ?? "")).map((violation) => `${url}: ${violation.id}`)).toEqual([]);
  }
});
