import { expect, test } from "@playwright/test";

test("the home page shows the installation's status", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Lead management");
  await expect(page.getByRole("region", { name: "This installation" })).toContainText("pglite");
  await page.screenshot({ path: "docs/screenshots/home.png", fullPage: true });
});
