import { expect, test } from "@playwright/test";

test("the home page greets a signed-in member and shows the installation's status", async ({
  page,
}) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("owner@demo.leadline.dev");
  await page.getByLabel("Password").fill("leadline-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Welcome, Olivia Hart");
  await expect(page.getByRole("region", { name: "This installation" })).toContainText("pglite");
  await page.screenshot({ path: "docs/screenshots/home.png", fullPage: true });
  await page.goto("/login");
  await page.screenshot({ path: "docs/screenshots/login.png" });
});
