import { expect, test } from "@playwright/test";
import { awaitVerificationCode, eventPath, mailTo, signIn, stack } from "./stack";

test("a new attendee signs up, confirms the e-mailed code, signs in, books once with a double click, sees the booking and its e-mail, cancels it, stays signed in across a reload, and signs out", async ({ page }) => {
  const event = stack.events.open;
  const newcomer = { email: `newcomer-${crypto.randomUUID()}@example.com`, password: "Kippu-newcomer-1" };
  await page.goto(`${stack.baseUrl}/sign-up/`);
  await page.getByLabel("E-mail address").fill(newcomer.email);
  await page.getByLabel("Password", { exact: true }).fill(newcomer.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(`We sent a code to ${newcomer.email}. Enter it here.`)).toBeVisible();

  await page.getByLabel("Confirmation code").fill(await awaitVerificationCode(newcomer.email));
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText("Your address is confirmed. You can sign in now.")).toBeVisible();
  await page.getByRole("link", { name: "Sign in" }).last().click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "E-mail address" })).toHaveValue(newcomer.email);
  await page.getByLabel("Password", { exact: true }).fill(newcomer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(`Signed in as ${newcomer.email}`)).toBeVisible();

  await page.goto(eventPath(event));
  await expect(page.getByRole("heading", { level: 1, name: event.title })).toBeVisible();

  await page.getByRole("button", { name: "Book", exact: true }).dblclick();
  await expect(page.getByText("Booked: 1 seat.")).toBeVisible();

  await page.goto(`${stack.baseUrl}/bookings/`);
  const bookings = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: event.title }) });
  await expect(bookings).toHaveCount(1);
  await expect(bookings.getByText("Confirmed")).toBeVisible();
  await expect.poll(async () => (await mailTo(newcomer.email)).map((mail) => mail.subject), { timeout: 30_000 })
    .toContain(`Your booking for ${event.title} is confirmed`);

  await bookings.getByRole("button", { name: "Cancel booking" }).click();
  await page.getByRole("button", { name: "Yes, cancel it" }).click();
  await expect(page.getByText("The booking has been cancelled.")).toBeVisible();
  await expect(bookings.getByRole("button", { name: "Cancel booking" })).toHaveCount(0);

  await page.reload();
  await expect(page.getByText(`Signed in as ${newcomer.email}`)).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  const signInLink = page.getByRole("navigation").getByRole("link", { name: "Sign in" });
  await expect(signInLink).toBeVisible();
  await page.reload();
  await expect(signInLink).toBeVisible();
  await expect(page.getByText(`Signed in as ${newcomer.email}`)).toHaveCount(0);
});

test("a sold-out event refuses politely", async ({ page }) => {
  await signIn(page, stack.attendee);
  await page.goto(eventPath(stack.events.soldOut));

  await expect(page.getByRole("heading", { level: 1, name: stack.events.soldOut.title })).toBeVisible();
  await expect(page.getByText("Sold out").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Book", exact: true })).toHaveCount(0);
});
