import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInAs } from "./support";

const id = Date.now().toString(36);
const campaignName = `Spring outreach ${id}`;
const templateName = `Campaign intro ${id}`;
const viewName = `Campaign leads ${id}`;
const company = `Acme ${id}`;
// An exact tag (search is typo-tolerant and could pick up earlier runs' leads).
const tag = `campaign-${id}`;
const firstNames = ["Ada", "Grace", "Linus"].map((n) => `${n}${id}`);

/** Campaigns send from a mailbox; only admins may add one, so an owner makes sure one exists. */
async function ensureDefaultMailbox(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, "owner");
  const list = await page.request.get("/api/v1/mailboxes");
  expect(list.ok()).toBe(true);
  const { data } = (await list.json()) as { data: { isDefault: boolean; status: string }[] };
  if (!data.some((m) => m.isDefault && m.status === "active")) {
    const created = await page.request.post("/api/v1/mailboxes", {
      data: {
        name: "E2E sender",
        fromName: "Leadline E2E",
        fromAddress: `e2e-${id}@example.test`,
        isDefault: true,
      },
    });
    expect(created.status()).toBe(201);
  }
  await context.close();
}

/** The rep's own leads (one tag, so a saved view picks exactly them) and a template. */
async function seedForRep(page: Page) {
  const leadIds: string[] = [];
  for (const [i, firstName] of firstNames.entries()) {
    const res = await page.request.post("/api/v1/leads", {
      data: {
        firstName,
        lastName: "Tester",
        company,
        tags: [tag],
        email: `c${i}-${id}@example.test`,
      },
    });
    expect(res.status()).toBe(201);
    leadIds.push(((await res.json()) as { id: string }).id);
  }
  const template = await page.request.post("/api/v1/templates", {
    data: {
      name: templateName,
      subject: "Quick intro, {{firstName|there}}",
      html: '<p>Hi {{firstName|there}},</p><p>Intro.</p><a href="{{unsubscribeUrl}}">Unsubscribe</a>',
    },
  });
  expect(template.status()).toBe(201);
  const view = await page.request.post("/api/v1/saved-views", {
    data: {
      resource: "leads",
      name: viewName,
      state: { query: { tag }, columns: [], density: "comfortable" },
    },
  });
  expect(view.status()).toBe(201);
  return leadIds;
}

test("a rep builds a two-step A/B campaign, previews it, adds a saved view, launches, pauses and resumes it", async ({
  page,
  browser,
}) => {
  test.slow();
  await ensureDefaultMailbox(browser);
  await signInAs(page, "rep");
  const [firstLeadId] = await seedForRep(page);

  await page.goto("/campaigns", { timeout: 90_000 });
  await expect(page.getByRole("heading", { level: 1, name: "Campaigns" })).toBeVisible({
    timeout: 60_000,
  });
  await page.getByRole("link", { name: "New campaign" }).first().click();
  await expect(page.getByRole("heading", { name: "New campaign" })).toBeVisible({
    timeout: 60_000,
  });
  // The API's validation lands under the field it names.
  await page.getByRole("button", { name: "Create draft" }).click();
  const nameField = page.getByLabel("Name", { exact: true });
  await expect(nameField).toHaveAttribute("aria-invalid", "true", { timeout: 30_000 });
  await expect(nameField).toHaveAccessibleDescription(/.+/);
  await nameField.fill(campaignName);

  // Step 1 from the template library.
  const step1 = page.getByRole("group", { name: "Step 1" });
  const s1a = step1.getByRole("group", { name: "Variant A" });
  await s1a.getByRole("radio", { name: "From a template" }).check();
  await s1a.getByRole("combobox", { name: "Template" }).selectOption({ label: templateName });

  // Step 2 written inline, with a B variant.
  await page.getByRole("button", { name: "Add step" }).click();
  const step2 = page.getByRole("group", { name: "Step 2" });
  await step2.getByLabel("Wait (days)").fill("2");
  const s2a = step2.getByRole("group", { name: "Variant A" });
  await s2a.getByLabel("Subject").fill("Following up, {{firstName|there}}");
  await s2a
    .getByLabel("Body (HTML)")
    .fill(
      '<p>Hi {{firstName|there}}, any thoughts?</p><a href="{{unsubscribeUrl}}">Unsubscribe</a>',
    );
  await step2.getByRole("button", { name: "Add an A/B variant to Step 2" }).click();
  const s2b = step2.getByRole("group", { name: "Variant B" });
  await s2b.getByLabel("Subject").fill("{{firstName|there}}, one more idea");
  await s2b
    .getByLabel("Body (HTML)")
    .fill('<p>Hello {{firstName|there}}.</p><a href="{{unsubscribeUrl}}">Unsubscribe</a>');
  await s2b.getByLabel("Weight").fill("25");
  await expect(s2b.getByText("33% of this step's recipients")).toBeVisible();

  // Preview variant B for a real lead.
  await page.getByRole("button", { name: "Preview Step 2, variant B" }).click();
  await page.getByLabel("Load an existing lead").fill(firstNames[0]!);
  await page.getByRole("button", { name: new RegExp(`${firstNames[0]} Tester`) }).click();
  await expect(page.getByTestId("preview-subject")).toHaveText(`${firstNames[0]}, one more idea`);
  // The template step previews the template's own parts for the same lead.
  await page.getByRole("button", { name: "Preview Step 1, variant A" }).click();
  await expect(page.getByTestId("preview-subject")).toHaveText(
    new RegExp(`Quick intro, (${firstNames[0]}|there)`),
  );

  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("heading", { name: "Edit campaign" })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}\/edit$/);
  // The saved campaign reloads with both steps, the template step still on its template.
  await expect(
    page.getByRole("group", { name: "Step 1" }).getByRole("radio", { name: "From a template" }),
  ).toBeChecked();
  await expect(
    page
      .getByRole("group", { name: "Step 2" })
      .getByRole("group", { name: "Variant B" })
      .getByLabel("Subject"),
  ).toHaveValue("{{firstName|there}}, one more idea");

  // Recipients from the saved view.
  await page.getByLabel("Saved lead view").selectOption({ label: viewName });
  await page.getByRole("button", { name: "Add its leads" }).click();
  await expect(page.getByText("Added 3 leads.")).toBeVisible({ timeout: 30_000 });

  // A test of the selected step goes to the rep through the outbox.
  await page.getByRole("button", { name: "Send me a test of step 1" }).click();
  await expect(page.getByText(/Test of step 1 (for .+ )?queued to \S+@/)).toBeVisible({
    timeout: 30_000,
  });

  await page.getByRole("button", { name: "Launch now" }).click();
  const dialog = page.getByRole("dialog", { name: "Launch this campaign?" });
  await dialog.getByRole("button", { name: "Launch", exact: true }).click();
  await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1, name: campaignName })).toBeVisible();
  const status = page.getByTestId("campaign-status");
  await expect(status).toHaveText("Active");
  const recipients = page.getByRole("table", { name: "Recipients" });
  for (const name of firstNames) {
    await expect(recipients.getByRole("link", { name: `${name} Tester` })).toBeVisible();
  }

  await page.getByRole("button", { name: "Pause" }).click();
  // Generous: on a dev server each control's route compiles on first use.
  await expect(status).toHaveText("Paused", { timeout: 30_000 });
  await page.getByRole("button", { name: "Resume" }).click();
  await expect(status).toHaveText("Active", { timeout: 30_000 });

  // The lead page lists the campaign.
  await page.goto(`/leads/${firstLeadId}`, { timeout: 90_000 });
  await page.getByRole("tab", { name: "Campaigns" }).click();
  const memberships = page.getByRole("list", { name: "Campaigns" });
  await expect(memberships.getByRole("link", { name: campaignName })).toBeVisible({
    timeout: 30_000,
  });

  // And the list finds it by name, active.
  await page.goto("/campaigns", { timeout: 90_000 });
  await page.getByLabel("Search campaigns").fill(id);
  const table = page.getByRole("table", { name: "Campaigns" });
  const row = table
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: campaignName, exact: true }) });
  await expect(row.getByText("Active", { exact: true })).toBeVisible();
});
