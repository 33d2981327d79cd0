import { expect, test } from "@playwright/test";
import { signInAs } from "./support";

test("a rep builds a template, fixes its checks, previews it for a lead, stars and copies it", async ({
  page,
}) => {
  test.slow();
  const id = Date.now().toString(36);
  const name = `Intro ${id}`;
  await signInAs(page, "rep");

  // A lead of the rep's own, with a first name the preview must show.
  const firstName = `Quinn${id}`;
  const lead = await page.request.post("/api/v1/leads", {
    data: { firstName, lastName: "Tester", email: `quinn-${id}@example.test` },
  });
  expect(lead.status()).toBe(201);

  await page.goto("/templates", { timeout: 90_000 });
  await expect(page.getByRole("heading", { name: "Email templates" })).toBeVisible({
    timeout: 60_000,
  });
  await page.getByRole("link", { name: "New template" }).click();
  await expect(page.getByRole("heading", { name: "New template" })).toBeVisible({
    timeout: 60_000,
  });

  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Category").fill("E2E");
  await page.getByLabel("Subject").fill("Hello {{firstName|there}}");
  const html = page.getByLabel("HTML body");
  await html.fill("<p>Hi {{firstName|there}},</p>\n<p>Glad to meet you.</p>\n");

  const checks = page.getByRole("region", { name: "Checks" });
  await expect(checks.getByText(/no \{\{unsubscribeUrl\}\} link/)).toBeVisible({ timeout: 30_000 });

  // Put the caret at the end of the body and insert the unsubscribe link there.
  await html.focus();
  await html.press("ControlOrMeta+End");
  await page.getByRole("button", { name: /Insert Unsubscribe link/ }).click();
  await expect(html).toHaveValue(/Glad to meet you\.<\/p>\n\{\{unsubscribeUrl\}\}$/);
  await expect(checks.getByText(/no \{\{unsubscribeUrl\}\} link/)).toHaveCount(0);
  await html.fill(
    '<p>Hi {{firstName|there}},</p>\n<p>Glad to meet you.</p>\n<a href="{{unsubscribeUrl}}">Unsubscribe</a>',
  );
  await expect(checks.getByText("No problems found.")).toBeVisible();

  // Without a lead the fallback shows; with one, their first name.
  const preview = page.frameLocator('iframe[title="HTML preview"]');
  await expect(preview.getByText("Hi there,")).toBeVisible();
  await page.getByLabel("Load an existing lead").fill(firstName);
  await page.getByRole("button", { name: new RegExp(`${firstName} Tester`) }).click();
  await expect(preview.getByText(`Hi ${firstName},`)).toBeVisible();
  await expect(page.getByTestId("preview-subject")).toHaveText(`Hello ${firstName}`);

  await page.getByRole("button", { name: "Create template" }).click();
  await expect(page.getByRole("heading", { name: "Edit template" })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page).toHaveURL(/\/templates\/[0-9a-f-]{36}$/);

  const star = page.getByRole("button", { name: `Favorite ${name}` });
  await expect(star).toHaveAttribute("aria-pressed", "false");
  await star.click();
  await expect(star).toHaveAttribute("aria-pressed", "true");

  await page.getByRole("link", { name: "Templates", exact: true }).first().click();
  await page.getByLabel("Search templates").fill(id);
  const table = page.getByRole("table", { name: "Email templates" });
  await expect(table.getByRole("link", { name, exact: true })).toBeVisible();
  await table.getByRole("button", { name: `Duplicate ${name}` }).click();
  await expect(table.getByRole("link", { name: `${name} (copy)` })).toBeVisible();
  await expect(table.getByRole("button", { name: `Favorite ${name} (copy)` })).toHaveAttribute(
    "aria-pressed",
    "false",
  );

  // Favorites only: the original, not the copy.
  await page.getByRole("button", { name: "Favorites only" }).click();
  await expect(table.getByRole("link", { name: `${name} (copy)` })).toHaveCount(0);
  await expect(table.getByRole("link", { name, exact: true })).toBeVisible();
});
