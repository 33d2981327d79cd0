import { expect, test } from "@playwright/test";
import { signInAs } from "./support";

test("an owner adds a mailbox, makes it the default and sends a test to the outbox", async ({
  page,
}) => {
  test.slow();
  const unique = Date.now().toString(36);
  const address = `sales-${unique}@northwind.example`;
  await signInAs(page, "owner");
  // Another mailbox first, so the one added below isn't the default by being the only one.
  const other = await page.request.post("/api/v1/mailboxes", {
    data: {
      name: `Ops ${unique}`,
      fromName: "Northwind Ops",
      fromAddress: `ops-${unique}@x.example`,
    },
  });
  expect(other.status()).toBe(201);
  await page.goto("/settings/email", { timeout: 90_000 });
  await page.getByRole("button", { name: "Add mailbox" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a mailbox" });
  await dialog.getByLabel("Name", { exact: true }).fill(`Sales ${unique}`);
  await dialog.getByLabel("From name").fill("Northwind Sales");
  await dialog.getByLabel("From address").fill("not an address");
  await dialog.getByRole("button", { name: "Add mailbox" }).click();
  await expect(dialog.getByText("Invalid email address")).toBeVisible({ timeout: 30_000 });
  await dialog.getByLabel("From address").fill(address);
  await dialog.getByRole("button", { name: "Add mailbox" }).click();
  const row = page.getByRole("row", { name: new RegExp(`Sales ${unique}`) });
  await expect(row).toContainText(address);

  await row.getByRole("button", { name: `Make Sales ${unique} the default` }).click();
  await expect(row).toContainText("Default", { timeout: 30_000 });
  await row.getByRole("button", { name: `Send a test from Sales ${unique}` }).click();
  await expect(page.getByText(/Test message sent to owner@demo.leadline.dev/)).toBeVisible({
    timeout: 30_000,
  });

  await page.goto("/settings/email-outbox");
  await expect(
    page.getByRole("row", { name: new RegExp(`Test from Sales ${unique}`) }),
  ).toBeVisible({
    timeout: 30_000,
  });
});
