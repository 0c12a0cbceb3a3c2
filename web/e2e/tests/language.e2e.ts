import { expect, test } from "@playwright/test";
import { stack } from "./stack";

test("the language switch turns every page to Japanese and is remembered", async ({ page }) => {
  await page.goto(`${stack.baseUrl}/`);
  await expect(page.getByRole("heading", { level: 1, name: "Upcoming events" })).toBeVisible();

  await page.getByLabel("Language").selectOption("ja");
  await expect(page.getByRole("heading", { level: 1, name: "開催予定のイベント" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "開催予定のイベント" })).toBeVisible();
  await page.goto(`${stack.baseUrl}/sign-in/`);
  await expect(page.getByRole("heading", { level: 1, name: "ログイン" })).toBeVisible();
});
