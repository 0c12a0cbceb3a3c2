import { expect, test } from "@playwright/test";
import { eventPath, signIn, stack } from "./stack";

const SEATS_LEFT = /^(\d[\d,]*) seats? left$/;

test("one visitor's booking changes the seats another is watching, within seconds", async ({ browser }) => {
  const watcher = await (await browser.newContext()).newPage();
  const buyer = await (await browser.newContext()).newPage();
  const event = stack.events.open;
  await watcher.goto(eventPath(event));
  const watched = watcher.getByText(SEATS_LEFT).first();
  await expect(watched).toBeVisible();
  const before = Number((await watched.textContent())!.match(SEATS_LEFT)![1].replace(/,/g, ""));

  await signIn(buyer, stack.otherAttendee);
  await buyer.goto(eventPath(event));
  await buyer.getByLabel("Number of seats").selectOption("2");
  await buyer.getByRole("button", { name: "Book", exact: true }).click();
  await expect(buyer.getByText("Booked: 2 seats.")).toBeVisible();

  await expect(watcher.getByText(`${before - 2} seats left`).first()).toBeVisible({ timeout: 10_000 });
});
