import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../lib/seed/demo-users";
import { demoUser } from "./support";

// Fresh random letters: search is typo-tolerant, so a shared prefix would match other runs.
const uniqueWord = () => Math.random().toString(36).slice(2, 12);

/** Sign in once the login form has hydrated (an earlier click posts the bare HTML form). */
async function signInAsOwner(page: Page) {
  await page.goto("/login?callbackUrl=%2Fleads", { timeout: 90_000 });
  await page.waitForFunction(
    () => {
      const form = document.querySelector("form");
      return Boolean(form && Object.keys(form).some((k) => k.startsWith("__reactProps")));
    },
    undefined,
    { timeout: 60_000 },
  );
  await page.getByLabel("Email").fill(demoUser("owner").email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible({ timeout: 60_000 });
}

const table = (page: Page) => page.getByRole("table", { name: "Leads" });

test("show the Deal value column and sort the table by it, both ways", async ({ page }) => {
  test.slow();
  await signInAsOwner(page);
  const word = uniqueWord();
  const deals = [
    { firstName: "Mid", dealValue: 500, dealCurrency: "EUR" },
    { firstName: "Big", dealValue: 12500.5, dealCurrency: "USD" },
    { firstName: "None" },
  ];
  for (const deal of deals) {
    const res = await page.request.post("/api/v1/leads", {
      data: { lastName: `Deal ${word}`, company: `${word} Deals`, ...deal },
    });
    expect(res.status(), await res.text()).toBe(201);
  }
  await page.goto(`/leads?q=${word}`, { timeout: 90_000 });
  await expect(table(page)).toHaveAttribute("aria-busy", "false", { timeout: 60_000 });
  await expect(table(page).locator("tbody tr")).toHaveCount(3);

  await page.getByRole("button", { name: "Columns" }).click();
  await page
    .getByRole("region", { name: "Columns" })
    .getByRole("checkbox", { name: "Deal value" })
    .check();
  await page.keyboard.press("Escape");
  const header = table(page).getByRole("columnheader", { name: "Deal value" });
  await expect(header).toBeVisible();

  const names = () => table(page).locator("tbody tr").getByRole("link");
  await header.getByRole("button").click();
  await expect(page).toHaveURL(/sort=-dealValue/);
  await expect(header).toHaveAttribute("aria-sort", "descending");
  await expect(names()).toHaveText([`Big Deal ${word}`, `Mid Deal ${word}`, `None Deal ${word}`]);
  const big = table(page).getByRole("row", { name: new RegExp(`Big Deal ${word}`) });
  await expect(big).toContainText("$12,500.50");
  await expect(
    table(page).getByRole("row", { name: new RegExp(`Mid Deal ${word}`) }),
  ).toContainText("€500.00");

  await header.getByRole("button").click();
  await expect(page).toHaveURL(/sort=dealValue/);
  await expect(header).toHaveAttribute("aria-sort", "ascending");
  await expect(names()).toHaveText([`None Deal ${word}`, `Mid Deal ${word}`, `Big Deal ${word}`]);

  // The deal filters narrow the same list and live in the URL.
  await page.getByRole("button", { name: "Deal", exact: true }).click();
  await page
    .getByRole("region", { name: "Deal filters" })
    .getByLabel("Deal value at least")
    .fill("500.01");
  await expect(page).toHaveURL(/minDealValue=500\.01/);
  await expect(names()).toHaveText([`Big Deal ${word}`]);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Deal · 1" })).toBeVisible();

  // Leave this browser's columns as the other specs expect them.
  await page.getByRole("button", { name: "Columns" }).click();
  await page
    .getByRole("region", { name: "Columns" })
    .getByRole("button", { name: "Reset to default" })
    .click();
});
