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

const NO_EFFECTS = { effects: {}, createReferralLeads: false };

test("an admin sets what an interested reply does and it is kept after a reload", async ({
  page,
}) => {
  test.slow();
  await signInAs(page, "admin");
  expect((await page.request.put("/api/v1/ai/reply-effects", { data: NO_EFFECTS })).status()).toBe(
    200,
  );
  const options = (await (await page.request.get("/api/v1/lead-options")).json()) as {
    status: { value: string; label: string }[];
  };
  const qualified = options.status.find((s) => s.value === "qualified");
  expect(qualified).toBeDefined();

  await page.goto("/settings/ai", { timeout: 90_000 });
  const card = page.getByRole("region", { name: "What replies do" });
  const status = card.getByRole("combobox", { name: "Interested: status", exact: true });
  await expect(status).toBeVisible({ timeout: 30_000 });
  await expect(status).toHaveValue("");
  await status.selectOption({ label: qualified!.label });
  await card
    .getByRole("combobox", { name: "Interested: temperature", exact: true })
    .selectOption("hot");
  await card.getByLabel("Create a lead for referrals").check();
  await card.getByRole("button", { name: "Save reply effects" }).click();
  await expect(page.getByText("Reply effects saved.")).toBeVisible({ timeout: 30_000 });

  await page.reload();
  const after = page.getByRole("region", { name: "What replies do" });
  await expect(
    after.getByRole("combobox", { name: "Interested: status", exact: true }),
  ).toHaveValue("qualified", { timeout: 30_000 });
  await expect(
    after.getByRole("combobox", { name: "Interested: temperature", exact: true }),
  ).toHaveValue("hot");
  await expect(after.getByLabel("Create a lead for referrals")).toBeChecked();
  await expect(after.getByRole("combobox", { name: "Question: status" })).toHaveValue("");

  expect((await page.request.put("/api/v1/ai/reply-effects", { data: NO_EFFECTS })).status()).toBe(
    200,
  );
});

test("a sales rep sees the reply effects but cannot change them", async ({ page }) => {
  test.slow();
  await signInAs(page, "rep");
  await page.goto("/settings/ai", { timeout: 90_000 });
  const card = page.getByRole("region", { name: "What replies do" });
  await expect(
    card.getByRole("combobox", { name: "Interested: status", exact: true }),
  ).toBeDisabled({
    timeout: 30_000,
  });
  await expect(card.getByRole("button", { name: "Save reply effects" })).toHaveCount(0);
});

interface Thread {
  messages: { classification: { category: string } | null; classificationState: string | null }[];
}

test("an uncertain reply waits in the review queue until a person confirms it", async ({
  page,
}) => {
  test.slow();
  await signInAs(page, "owner");
  const unique = Date.now().toString(36);
  const email = `review-${unique}@example.test`;
  const created = await page.request.post("/api/v1/leads", {
    data: { firstName: "Robin", lastName: `Review ${unique}`, email },
  });
  expect(created.status()).toBe(201);
  const lead = (await created.json()) as { id: string };
  await deliverInboundEmail(
    page,
    rawEmail(
      {
        From: `Robin Review <${email}>`,
        To: "sales@northwind.demo.test",
        Subject: "Re: Spring listings",
        "Message-ID": `<review-${unique}@mail.example.test>`,
      },
      "hmm",
    ),
  );
  const state = async () => {
    const res = await page.request.get(`/api/v1/leads/${lead.id}/conversation`);
    return ((await res.json()) as Thread).messages[0]?.classificationState ?? null;
  };
  // The offline classifier can't tell what "hmm" means: the reply waits for a person.
  await expect.poll(state, { timeout: 60_000 }).toBe("review");

  await page.goto("/conversations/reviews", { timeout: 90_000 });
  const item = page.getByRole("listitem", { name: `Reply from Robin Review ${unique}` });
  await expect(item).toBeVisible({ timeout: 30_000 });
  await expect(item).toContainText("hmm");
  await expect(item).toContainText("Suggested:");
  await expect(item.getByRole("link", { name: `Robin Review ${unique}` })).toHaveAttribute(
    "href",
    `/conversations?lead=${lead.id}`,
  );
  await item.getByRole("button", { name: /^Confirm/ }).click();
  await expect(item).toHaveCount(0, { timeout: 30_000 });
  expect(await state()).toBe("corrected");
});
