import { expect, test } from "@playwright/test";
import { signIn, stack } from "./stack";

// the smallest PNG there is: one transparent pixel
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

/** A datetime-local input's value, {@code days} from now at 19:00 in the browser's zone. */
function daysFromNow(days: number, hour: number): string {
  const when = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}T${pad(hour)}:00`;
}

test("an organizer creates, publishes, uploads a cover, sees the event in the list, and cancels it with a reason", async ({ page }) => {
  const title = `Rooftop Concert ${Date.now()}`;
  await signIn(page, stack.organizer, "/organizer/new/");
  await page.goto(`${stack.baseUrl}/organizer/new/`);
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Description").fill("Strings under the stars.");
  await page.getByLabel("Venue").fill("Roppongi Hills");
  await page.getByLabel("Starts").fill(daysFromNow(10, 19));
  await page.getByLabel("Ends").fill(daysFromNow(10, 21));
  await page.getByLabel("Capacity (seats)").fill("30");
  await page.getByRole("button", { name: "Create draft" }).click();

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("The event is published and on sale.")).toBeVisible();

  await page.getByLabel("Image file (JPEG, PNG or WebP, up to 5 MB)").setInputFiles({ name: "cover.png", mimeType: "image/png", buffer: PNG });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByText("The new cover is in place.")).toBeVisible();

  await page.goto(`${stack.baseUrl}/organizer/`);
  await page.getByRole("link", { name: title }).click();
  await page.getByRole("button", { name: "Cancel the event…" }).click();
  await page.getByLabel("Reason (in the e-mail to ticket holders, optional)").fill("The roof is closed for repairs.");
  await page.getByRole("button", { name: "Yes, cancel the event" }).click();
  await expect(page.getByText("The event has been cancelled.")).toBeVisible();
  await expect(page.getByText("This event is cancelled: it can no longer be changed.")).toBeVisible();
});

test("an organizer's cover that is no image is refused at once, and the cover stays as it was", async ({ page }) => {
  await signIn(page, stack.organizer, "/organizer/");
  await page.goto(`${stack.baseUrl}/organizer/`);
  await page.getByRole("link", { name: stack.events.open.title }).click();
  await page.getByLabel("Image file (JPEG, PNG or WebP, up to 5 MB)").setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("no image") });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByText("That file is not a JPEG, PNG or WebP image.")).toBeVisible();
  await expect(page.getByText("No cover yet.")).toBeVisible();
});
