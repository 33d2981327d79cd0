import fs from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./support";

// The dev server compiles pages on first use; warm the app shell so sign-in's redirect is quick.
test.beforeEach(async ({ request }) => {
  await request.get("/", { timeout: 90_000 });
});

/** The number shown under one of the import's count labels ("Would fail", "Created", …). */
function count(page: Page, label: string) {
  return page.locator("dt", { hasText: new RegExp(`^${label}$`) }).locator("+ dd");
}

test.describe("CSV import wizard", () => {
  test("maps a HubSpot export, dry-runs it, imports it and reports the bad row", async ({
    page,
  }) => {
    test.slow();
    const id = Date.now().toString(36);
    const csv = [
      '"First Name","Last Name","Email","Company Name","Lead Status"',
      `Ada,Imp${id},ada.${id}@import-ui.test,"Engines, Ltd",New`,
      `Bad,Row${id},not-an-email-${id},Broken Co,New`,
      `Grace,Imp${id},grace.${id}@import-ui.test,Navy,Contacted`,
    ].join("\r\n");
    await signInAs(page, "admin");
    await page.goto("/leads/import", { timeout: 90_000 });
    await page.getByLabel("CSV file").setInputFiles({
      name: `hubspot-${id}.csv`,
      mimeType: "text/csv",
      buffer: Buffer.from(csv),
    });

    await expect(page.getByRole("heading", { name: /Map columns/ })).toBeVisible({
      timeout: 30_000,
    });
    await expect(page.getByText(`hubspot-${id}.csv`)).toBeVisible();
    await expect(page.getByLabel("First Name", { exact: true })).toHaveValue("firstName");
    await expect(page.getByLabel("Last Name", { exact: true })).toHaveValue("lastName");
    await expect(page.getByLabel("Email", { exact: true })).toHaveValue("email");
    await expect(page.getByLabel("Company Name", { exact: true })).toHaveValue("company");
    await expect(page.getByLabel("Lead Status", { exact: true })).toHaveValue("status");
    // Sample values from the file sit next to their column.
    await expect(page.getByRole("cell", { name: /Engines, Ltd/ })).toBeVisible();
    await page.getByLabel("Skip the row").check();

    await page.getByRole("button", { name: "Check with a dry run" }).click();
    await expect(page.getByRole("heading", { name: /Dry run/ })).toBeVisible({ timeout: 30_000 });
    await expect(count(page, "Would create")).toHaveText("2", { timeout: 30_000 });
    await expect(count(page, "Would fail")).toHaveText("1");
    await expect(page.getByRole("table", { name: "Row errors" })).toContainText(
      "Invalid email address",
    );
    // A dry run writes nothing.
    const before = await page.request.get(`/api/v1/leads?q=${encodeURIComponent(`Imp${id}`)}`);
    expect((await before.json()).data).toHaveLength(0);

    await page.getByRole("button", { name: "Import 2 leads" }).click();
    await expect(page.getByRole("heading", { name: /Result/ })).toBeVisible({ timeout: 30_000 });
    await expect(count(page, "Created")).toHaveText("2");
    await expect(count(page, "Failed")).toHaveText("1");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download error rows", exact: true }).click(),
    ]);
    const errorsCsv = await fs.readFile((await download.path())!, "utf8");
    expect(errorsCsv).toContain("row,column,message");
    expect(errorsCsv).toContain("3,Email,Invalid email address");

    const found = await page.request.get(`/api/v1/leads?q=${encodeURIComponent(`Imp${id}`)}`);
    expect(found.ok()).toBe(true);
    const leads = (await found.json()).data as { email: string; company: string }[];
    expect(leads.map((l) => l.email).sort()).toEqual([
      `ada.${id}@import-ui.test`,
      `grace.${id}@import-ui.test`,
    ]);
    expect(leads.find((l) => l.email.startsWith("ada"))?.company).toBe("Engines, Ltd");

    await expect(page.getByRole("link", { name: "View imported leads" })).toHaveAttribute(
      "href",
      "/leads",
    );
    await expect(
      page.getByRole("table", { name: "Recent imports" }).getByText(`hubspot-${id}.csv`).first(),
    ).toBeVisible();
    await page.getByRole("button", { name: "Import another file" }).click();
    await expect(page.getByLabel("CSV file")).toBeVisible();
  });
});

interface LeadOptionsBody {
  source: { value: string; label: string; retired: boolean }[];
  customFields: {
    id: string;
    key: string;
    label: string;
    type: string;
    options: string[];
    archived: boolean;
  }[];
}

test.describe("lead field settings", () => {
  test("an owner adds a source and a custom field, and archives the field", async ({ page }) => {
    test.slow();
    const id = Date.now().toString(36);
    const source = `Trade show ${id}`;
    const field = `Budget ${id}`;
    await signInAs(page, "owner");
    await page.goto("/settings/lead-fields", { timeout: 90_000 });

    const sources = page.getByRole("region", { name: "Sources" });
    await sources.getByLabel("New value for sources").fill(source);
    await sources.getByRole("button", { name: "Add", exact: true }).click();
    await expect(sources.getByRole("list", { name: "Sources" })).toContainText(source, {
      timeout: 30_000,
    });
    await expect(sources.getByLabel("New value for sources")).toHaveValue("");

    let options = (await (
      await page.request.get("/api/v1/lead-options")
    ).json()) as LeadOptionsBody;
    const added = options.source.find((o) => o.label === source);
    expect(added).toMatchObject({ value: `trade_show_${id}`, retired: false });

    // Moving the new last value up one place is saved as the picklist's order.
    await sources.getByRole("button", { name: `Move ${source} up` }).click();
    await expect
      .poll(
        async () => {
          const body = (await (
            await page.request.get("/api/v1/lead-options")
          ).json()) as LeadOptionsBody;
          return body.source.at(-2)?.label;
        },
        { timeout: 30_000 },
      )
      .toBe(source);

    await page.getByRole("button", { name: "Add field" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a custom field" });
    await dialog.getByLabel("Label").fill(field);
    await dialog.getByLabel("Type").selectOption("select");
    await dialog.getByLabel("Choices (one per line)").fill("Under 100k\n100k or more");
    await dialog.getByRole("button", { name: "Add field" }).click();
    await expect(dialog).toBeHidden({ timeout: 30_000 });
    const fields = page.getByRole("list", { name: "Custom fields" });
    await expect(fields).toContainText(field);

    options = (await (await page.request.get("/api/v1/lead-options")).json()) as LeadOptionsBody;
    const created = options.customFields.find((f) => f.label === field);
    expect(created).toMatchObject({
      key: `budget_${id}`,
      type: "select",
      options: ["Under 100k", "100k or more"],
      archived: false,
    });

    await page.getByRole("button", { name: `Archive ${field}` }).click();
    await expect(page.getByText(`Archived ${field}.`)).toBeVisible({ timeout: 30_000 });
    options = (await (await page.request.get("/api/v1/lead-options")).json()) as LeadOptionsBody;
    expect(options.customFields.find((f) => f.id === created!.id)?.archived).toBe(true);

    // Leave the demo picklist as it was: an unused value may be removed through the API.
    const rest = options.source.filter((o) => o.label !== source);
    const cleanup = await page.request.put("/api/v1/lead-options/source", {
      data: { options: rest.map(({ value, label, retired }) => ({ value, label, retired })) },
    });
    expect(cleanup.ok()).toBe(true);
  });

  test("a sales rep sees the lead fields read-only", async ({ page }) => {
    await signInAs(page, "rep");
    await page.goto("/settings/lead-fields", { timeout: 90_000 });
    await expect(page.getByText("Only owners and admins can change lead fields.")).toBeVisible();
    await expect(page.getByRole("list", { name: "Statuses" })).toContainText("New");
    await expect(page.getByRole("button", { name: "Add field" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Retire / })).toHaveCount(0);
  });
});

test.describe("scoring settings", () => {
  test("draft rules change the preview before anything is saved", async ({ page }) => {
    test.slow();
    const rule = `E2E email rule ${Date.now().toString(36)}`;
    await signInAs(page, "admin");
    await page.goto("/settings/scoring", { timeout: 90_000 });
    const score = page.getByRole("status", { name: "Previewed score" });
    await expect(score).toHaveText(/^\d+$/, { timeout: 30_000 });
    const before = Number(await score.textContent());

    await page.getByRole("button", { name: "Add rule" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a scoring rule" });
    await dialog.getByLabel("Label", { exact: true }).fill(rule);
    await dialog.getByLabel("Field", { exact: true }).selectOption("email");
    await dialog.getByLabel("Condition").selectOption("exists");
    await dialog.getByLabel("Points", { exact: true }).fill("7");
    await dialog.getByRole("button", { name: "Add rule" }).click();
    await expect(page.getByRole("list", { name: "Scoring rules" })).toContainText(rule);
    // The sample lead has an email address, so the new rule applies.
    await expect(score).toHaveText(String(before + 7));

    await page.getByLabel(`Points for ${rule}`).fill("30");
    await expect(score).toHaveText(String(before + 30));
    const result = page.getByRole("region", { name: "Preview result" });
    await expect(result.getByRole("row", { name: new RegExp(rule) })).toContainText("+30");
    await expect(result).toContainText(`With the saved rules: ${before}`);
    await expect(page.getByText("Unsaved changes")).toBeVisible();

    await page.getByRole("button", { name: "Discard changes" }).click();
    await expect(score).toHaveText(String(before));
    await expect(page.getByRole("list", { name: "Scoring rules" })).not.toContainText(rule);
  });

  test("an existing lead scores in the preview as it is stored", async ({ page }) => {
    test.slow();
    const id = Date.now().toString(36);
    await signInAs(page, "admin");
    const created = await page.request.post("/api/v1/leads", {
      data: {
        firstName: "Preview",
        lastName: `Lead${id}`,
        email: `preview.${id}@scoring-ui.test`,
        company: "Scoring Works",
        jobTitle: "Chief Executive Officer",
        source: "referral",
      },
    });
    expect(created.status()).toBe(201);
    const lead = (await created.json()) as { score: number };
    expect(lead.score).toBeGreaterThan(0);

    await page.goto("/settings/scoring", { timeout: 90_000 });
    await page.getByLabel("Load an existing lead").fill(`Lead${id}`);
    await page
      .getByRole("list", { name: "Matching leads" })
      .getByRole("button", { name: new RegExp(`Preview Lead${id}`) })
      .click({ timeout: 30_000 });
    await expect(page.getByText(`Using Preview Lead${id} (score now ${lead.score})`)).toBeVisible();
    await expect(page.getByLabel("Job title", { exact: true })).toHaveValue(
      "Chief Executive Officer",
    );
    await expect(page.getByRole("status", { name: "Previewed score" })).toHaveText(
      String(lead.score),
      { timeout: 30_000 },
    );
  });
});
