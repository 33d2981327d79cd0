import { expect, test, type APIRequestContext } from "@playwright/test";
import { signInAs } from "./support";

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

const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Campaigns send from the default mailbox when they name none; only admins may add one. */
async function ensureDefaultMailbox(request: APIRequestContext) {
  const list = await request.get("/api/v1/mailboxes");
  expect(list.ok()).toBe(true);
  const { data } = (await list.json()) as { data: { isDefault: boolean; status: string }[] };
  if (data.some((m) => m.isDefault && m.status === "active")) return;
  const created = await request.post("/api/v1/mailboxes", {
    data: {
      name: "E2E sender",
      fromName: "Leadline E2E",
      fromAddress: `approvals-${id}@example.test`,
      isDefault: true,
    },
  });
  expect(created.status()).toBe(201);
}

test("an AI-drafted campaign message held for approval is previewed, edited and approved in the browser, then sent", async ({
  page,
}) => {
  test.slow();
  await signInAs(page, "admin");
  const request = page.request;
  await ensureDefaultMailbox(request);

  // A one-step campaign whose opener is drafted per lead (offline here: from the lead's fields),
  // and a rule holding this campaign's AI-drafted messages only (the demo organization is shared
  // with other specs).
  const firstName = `Abby${id}`;
  const subject = `Quick question ${id}`;
  const lead = await request.post("/api/v1/leads", {
    data: { firstName, lastName: "Approval", email: `abby-${id}@example.test` },
  });
  expect(lead.status()).toBe(201);
  const leadId = ((await lead.json()) as { id: string }).id;
  const created = await request.post("/api/v1/campaigns", {
    data: {
      name: `Approval journey ${id}`,
      steps: [
        {
          ai: { personalize: "first_line" },
          variants: [
            {
              subject,
              html: "<p>{{aiFirstLine}}</p><p>Hi {{firstName|there}}, a first draft.</p>",
            },
          ],
        },
      ],
      sendWindow: { days: [1, 2, 3, 4, 5, 6, 7], start: "00:00", end: "23:59" },
      timezone: "UTC",
      useLeadTimezone: false,
    },
  });
  expect(created.status()).toBe(201);
  const campaignId = ((await created.json()) as { id: string }).id;
  const rule = await request.post("/api/v1/approvals/rules", {
    data: { name: `Hold ${id}`, trigger: "ai_drafted", campaignId, timeoutHours: 48 },
  });
  expect(rule.status()).toBe(201);
  const ruleId = ((await rule.json()) as { id: string }).id;
  expect(
    (
      await request.post(`/api/v1/campaigns/${campaignId}/recipients`, {
        data: { leadIds: [leadId] },
      })
    ).status(),
  ).toBe(200);
  expect((await request.post(`/api/v1/campaigns/${campaignId}/launch`)).status()).toBe(200);

  try {
    // The sequence (the engine inside the server) reaches the step and holds it.
    await expect
      .poll(
        async () => {
          const res = await request.get("/api/v1/approvals?status=pending&perPage=100");
          if (!res.ok()) return `HTTP ${res.status()}`;
          const { data } = (await res.json()) as { data: { campaign: { id: string } | null }[] };
          return data.some((a) => a.campaign?.id === campaignId) ? "held" : "not yet";
        },
        { timeout: 60_000, intervals: [1_000] },
      )
      .toBe("held");
    const outbox = async () => {
      const res = await request.get(`/api/v1/email-outbox?campaignId=${campaignId}`);
      expect(res.ok()).toBe(true);
      return ((await res.json()) as { data: { id: string; status: string }[] }).data;
    };
    expect(await outbox()).toHaveLength(0);

    await page.goto("/approvals", { timeout: 90_000 });
    await expect(page.getByRole("heading", { name: "Approvals" })).toBeVisible({ timeout: 30_000 });
    const item = page.getByRole("listitem", { name: `${subject} to ${firstName} Approval` });
    await expect(item).toBeVisible({ timeout: 30_000 });
    await expect(item).toContainText(
      `Held by: Hold ${id}: the message was drafted by AI (campaign rule)`,
    );
    // Drafted without a model here: labelled as the offline draft it is.
    await expect(item).toContainText("AI-drafted · offline");
    await item.getByRole("button", { name: `Review ${subject} to ${firstName} Approval` }).click();

    // The preview renders the message as the lead will see it.
    const preview = item.frameLocator(`iframe[title="Preview of ${subject}"]`);
    await expect(preview.getByText(`Hi ${firstName}, a first draft.`)).toBeVisible({
      timeout: 30_000,
    });

    const edited = `Better subject ${id}`;
    await item.getByRole("textbox", { name: "Subject", exact: true }).fill(edited);
    await item
      .getByRole("textbox", { name: "Message", exact: true })
      .fill(`Hi ${firstName}, the approved words.`);
    await item.getByRole("button", { name: "Approve with edits" }).click();
    await expect(page.getByRole("tab", { name: "Pending" })).toHaveAttribute(
      "aria-selected",
      "true",
    );
    // Decided: it leaves the pending list and shows in the history.
    await expect(
      page.getByRole("listitem", { name: `${subject} to ${firstName} Approval` }),
    ).toHaveCount(0, { timeout: 30_000 });
    await page.getByRole("tab", { name: "History" }).click();
    const decided = page.getByRole("listitem", { name: `${edited} to ${firstName} Approval` });
    await expect(decided).toContainText("Approved", { timeout: 30_000 });

    // The waiting sequence sends the approved words, once.
    await expect
      .poll(async () => (await outbox()).map((m) => m.status).join(","), {
        timeout: 60_000,
        intervals: [1_000],
      })
      .toBe("sent");
    const [message] = await outbox();
    const full = (await (await request.get(`/api/v1/email-outbox/${message!.id}`)).json()) as {
      subject: string;
      html: string | null;
    };
    expect(full.subject).toBe(edited);
    expect(full.html).toContain("the approved words.");
    expect(full.html).not.toContain("a first draft");
  } finally {
    await request.delete(`/api/v1/approvals/rules/${ruleId}`);
  }
});

test("an admin adds a campaign rule in Settings → Approvals, tests it, switches it off and deletes it", async ({
  page,
}) => {
  test.slow();
  await signInAs(page, "admin");
  const campaignName = `Rules journey ${id}`;
  const created = await page.request.post("/api/v1/campaigns", {
    data: {
      name: campaignName,
      steps: [{ variants: [{ subject: "Hello", html: "<p>Hello</p>" }] }],
    },
  });
  expect(created.status()).toBe(201);
  const ruleName = `AI drafts ${id}`;

  await page.goto("/settings/approvals", { timeout: 90_000 });
  const card = page.getByRole("region", { name: "Approval rules" });
  await card.getByRole("button", { name: "Add rule" }).click({ timeout: 30_000 });
  const form = page.getByRole("form", { name: "New approval rule" });
  await form.getByRole("textbox", { name: "Name" }).fill(ruleName);
  await form.getByRole("combobox", { name: "Hold" }).selectOption({ label: "AI-drafted messages" });
  await form.getByRole("combobox", { name: "Campaign" }).selectOption({ label: campaignName });
  await form
    .getByRole("combobox", { name: "When nobody decides in time" })
    .selectOption({ label: "Stop the lead's sequence" });
  await form.getByRole("button", { name: "Create rule" }).click();
  const row = card.getByRole("listitem", { name: ruleName });
  await expect(row).toContainText("Campaign rule", { timeout: 30_000 });
  await expect(row).toContainText("stop the lead's sequence");

  // Organization-wide test (no campaign): a campaign rule does not apply to it.
  const tester = page.getByRole("region", { name: "Test the rules" });
  await tester.getByRole("button", { name: "Test" }).click();
  await expect(tester.getByRole("status", { name: "Test result" })).not.toContainText(ruleName);

  const toggle = row.getByRole("switch", { name: `Enable ${ruleName}` });
  await expect(toggle).toBeChecked();
  await toggle.click();
  await expect(row).toContainText("Disabled", { timeout: 30_000 });
  await page.reload();
  const after = page.getByRole("region", { name: "Approval rules" }).getByRole("listitem", {
    name: ruleName,
  });
  await expect(after).toContainText("Disabled", { timeout: 30_000 });
  await after.getByRole("button", { name: `Delete ${ruleName}` }).click();
  await expect(after).toHaveCount(0, { timeout: 30_000 });
});
