import { expect, test } from "@playwright/test";
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

test("the review queue lists replies waiting for a person", async ({ page }) => {
  test.slow();
  await signInAs(page, "owner");
  await page.goto("/conversations/reviews", { timeout: 90_000 });
  await expect(page.getByRole("heading", { name: /Review queue \(\d+\)/ })).toBeVisible({
    timeout: 30_000,
  });
});
