import { expect, test } from "@playwright/test";
import { deliverInboundEmail, rawEmail, signInAs } from "./support";

// Against a busy `next dev`, the HMR socket's rebuild/reload messages can restart the page before
// it hydrates (see ai-settings.spec.ts); only those are dropped.
test.beforeEach(async ({ page }) => {
  await page.routeWebSocket(/\/_next\//, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((message) => {
      if (!/"type":"(reloadPage|built|sync|building|turbopack-message)"/.test(String(message))) {
        ws.send(message);
      }
    });
  });
});

test("a manager creates a rule in the editor, tests it on a pasted reply and switches it off", async ({
  page,
}) => {
  test.slow();
  await signInAs(page, "manager");
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  // A keyword nobody else's reply contains, so the rule never acts on other specs' replies.
  const keyword = `zebra${tag}`;
  const template = await page.request.post("/api/v1/templates", {
    data: {
      name: `Pricing reply ${tag}`,
      subject: "Pricing for {{company|your team}}",
      html: "<p>Hi {{firstName|there}}, here is our pricing.</p>",
    },
  });
  expect(template.status()).toBe(201);
  const lead = await page.request.post("/api/v1/leads", {
    data: { firstName: `Grace${tag}`, company: "Acme", email: `grace-${tag}@example.org` },
  });
  expect(lead.status()).toBe(201);

  await page.goto("/settings/auto-responder", { timeout: 90_000 });
  await page.getByRole("button", { name: "New rule" }).click({ timeout: 30_000 });
  const form = page.getByRole("form", { name: "New rule" });
  const ruleName = `Pricing ${tag}`;
  await form.getByLabel("Rule name").fill(ruleName);
  await form.getByRole("checkbox", { name: "Interested", exact: true }).check();
  await form.getByLabel(/Contains any of these keywords/).fill(`${keyword}, pricing sheet`);
  await form.getByRole("combobox", { name: "Send a template" }).selectOption({
    label: `Pricing reply ${tag}`,
  });
  await form.getByRole("combobox", { name: "Move the lead to status" }).selectOption("qualified");
  await form.getByLabel("Add tags (comma-separated)").fill("pricing");
  await form.getByRole("checkbox", { name: "The lead's owner" }).check();
  await form.getByRole("button", { name: "Create rule" }).click();
  await expect(page.getByText(`Rule “${ruleName}” saved.`)).toBeVisible({ timeout: 30_000 });
  const item = page.getByRole("list", { name: "Rules" }).getByRole("listitem", { name: ruleName });
  await expect(item).toContainText("Interested");
  await expect(item).toContainText("Matched 0 times");

  // The dry run: the given category, the keyword in the text, rendered for the chosen lead.
  const panel = page.getByRole("form", { name: "Test the rules" });
  await panel
    .getByLabel("Sample reply")
    .fill(`Sounds good. Could you send the ${keyword} details?`);
  await panel.getByRole("combobox", { name: "Category" }).selectOption("interested");
  await panel.getByRole("searchbox", { name: "Find a lead" }).fill(`Grace${tag}`);
  const leadPicker = panel.getByRole("combobox", { name: "Lead (optional)" });
  await expect(leadPicker.locator("option", { hasText: `Grace${tag}` })).toHaveCount(1, {
    timeout: 30_000,
  });
  await leadPicker.selectOption({ label: `Grace${tag} (grace-${tag}@example.org)` });
  await panel.getByRole("button", { name: "Run test" }).click();
  const result = page.getByRole("region", { name: "Test result" });
  const tested = result.getByRole("listitem", { name: `Rule ${ruleName}` });
  await expect(tested).toContainText("Would act", { timeout: 30_000 });
  await expect(tested).toContainText(`found “${keyword}”`);
  await expect(tested).toContainText("Subject: Pricing for Acme");
  await expect(tested).toContainText(`Hi Grace${tag}, here is our pricing.`);
  await expect(tested).toContainText("Set the status to qualified");

  // Nothing ran: the lead is as it was.
  const leadId = ((await lead.json()) as { id: string }).id;
  const after = (await (await page.request.get(`/api/v1/leads/${leadId}`)).json()) as {
    tags: string[];
  };
  expect(after.tags).toEqual([]);

  // Switch it off; a reload keeps it off.
  // The switch follows the saved state: it flips once the server has answered.
  const onOff = item.getByRole("switch", { name: `${ruleName}: enabled` });
  await onOff.click();
  await expect(onOff).not.toBeChecked({ timeout: 30_000 });
  await expect(page.getByText(`“${ruleName}” disabled.`)).toBeVisible({ timeout: 30_000 });
  await expect(item).toContainText("Disabled");
  await page.reload();
  await expect(
    page
      .getByRole("list", { name: "Rules" })
      .getByRole("listitem", { name: ruleName })
      .getByRole("switch", { name: `${ruleName}: enabled` }),
  ).not.toBeChecked({ timeout: 30_000 });

  const rules = (await (await page.request.get("/api/v1/auto-responder/rules")).json()) as {
    data: { id: string; name: string }[];
  };
  const made = rules.data.find((r) => r.name === ruleName)!;
  expect((await page.request.delete(`/api/v1/auto-responder/rules/${made.id}`)).status()).toBe(204);
});

test("a rule acts on a real reply in the background and the run shows in the log", async ({
  page,
}) => {
  test.slow();
  await signInAs(page, "admin");
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const keyword = `okapi${tag}`;
  const email = `reply-${tag}@example.test`;
  const created = await page.request.post("/api/v1/leads", {
    data: { firstName: "Rowan", lastName: `Reply ${tag}`, email },
  });
  expect(created.status()).toBe(201);
  const lead = (await created.json()) as { id: string };
  const ruleName = `Tag ${tag}`;
  const rule = await page.request.post("/api/v1/auto-responder/rules", {
    data: {
      name: ruleName,
      conditions: { categories: ["interested"], keywords: [keyword] },
      actions: { addTags: [`auto-${tag}`] },
    },
  });
  expect(rule.status()).toBe(201);

  await deliverInboundEmail(
    page,
    rawEmail(
      {
        From: `Rowan Reply <${email}>`,
        To: "sales@northwind.demo.test",
        Subject: "Re: Spring listings",
        "Message-ID": `<auto-${tag}@mail.example.test>`,
      },
      `Sounds great, I'm interested — tell me more about the ${keyword} offer.`,
    ),
  );
  // Classified (offline), announced, and the rule's action run — all in the background.
  await expect
    .poll(
      async () =>
        ((await (await page.request.get(`/api/v1/leads/${lead.id}`)).json()) as { tags: string[] })
          .tags,
      { timeout: 90_000 },
    )
    .toContain(`auto-${tag}`);

  await page.goto("/settings/auto-responder", { timeout: 90_000 });
  const runs = page.getByRole("region", { name: "Recent runs" });
  const row = runs.getByRole("row").filter({ hasText: ruleName });
  await expect(row).toContainText(`Rowan Reply ${tag}`, { timeout: 30_000 });
  await expect(row).toContainText("Interested");
  await expect(row).toContainText("Tags: done");
  await expect(
    page.getByRole("list", { name: "Rules" }).getByRole("listitem", { name: ruleName }),
  ).toContainText("Matched 1 time");

  const id = ((await rule.json()) as { id: string }).id;
  expect((await page.request.delete(`/api/v1/auto-responder/rules/${id}`)).status()).toBe(204);
});

test("a sales rep sees the rules and can test them, but gets no editing controls", async ({
  page,
}) => {
  test.slow();
  await signInAs(page, "rep");
  await page.goto("/settings/auto-responder", { timeout: 90_000 });
  await expect(page.getByRole("region", { name: "Auto-responder rules" })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole("button", { name: "New rule" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Delete / })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Test the rules" })).toBeVisible();
});
