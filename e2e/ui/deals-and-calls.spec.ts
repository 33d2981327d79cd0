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

test("a rep sets a deal value on a lead and logs a call that appears in the timeline", async ({
  page,
}) => {
  test.slow();
  await signInAs(page, "rep");
  const tag = Date.now().toString(36);
  const created = await page.request.post("/api/v1/leads", {
    data: { firstName: "Dora", lastName: `Deal ${tag}`, email: `dora-${tag}@deal.example` },
  });
  expect(created.status()).toBe(201);
  const lead = (await created.json()) as { id: string };

  await page.goto(`/leads/${lead.id}`, { timeout: 90_000 });
  const deal = page.getByRole("form", { name: "Deal" });
  await deal.getByLabel("Deal value").fill("48500", { timeout: 60_000 });
  await deal.getByLabel("Currency").fill("EUR");
  await deal.getByLabel("Expected close").fill("2027-02-15");
  await deal.getByRole("button", { name: "Save deal" }).click();
  await expect(deal.getByText("Saved.")).toBeVisible({ timeout: 30_000 });
  const saved = (await (await page.request.get(`/api/v1/leads/${lead.id}`)).json()) as Record<
    string,
    unknown
  >;
  expect(saved).toMatchObject({
    dealValue: 48500,
    dealCurrency: "EUR",
    expectedCloseDate: "2027-02-15",
  });
  // The card shows what was stored (the refreshed lead), not just what was typed.
  await expect(deal.getByLabel("Currency")).toHaveValue("EUR");

  const log = page.getByRole("form", { name: "Log call" });
  await log.getByLabel("Outcome").selectOption("meeting_booked");
  await log.getByLabel("Duration (minutes)").fill("12");
  await log.getByLabel("Notes").fill(`Viewing booked ${tag}`);
  await log.getByRole("button", { name: "Log call" }).click();
  await expect(log.getByText("Call logged.")).toBeVisible({ timeout: 30_000 });
  const timeline = page.getByRole("list", { name: "Timeline" });
  await expect(timeline.getByText("Call logged: meeting booked, 12 min")).toBeVisible({
    timeout: 30_000,
  });
  await expect(timeline.getByText(`Viewing booked ${tag}`)).toBeVisible();
  const calls = (await (await page.request.get(`/api/v1/leads/${lead.id}/calls`)).json()) as {
    data: { outcome: string; durationSeconds: number }[];
  };
  expect(calls.data).toEqual([
    expect.objectContaining({ outcome: "meeting_booked", durationSeconds: 720 }),
  ]);
});

test("a listing is created on the Listings screen", async ({ page }) => {
  test.slow();
  await signInAs(page, "rep");
  const tag = Date.now().toString(36);
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Listings" })
    .click();
  await expect(page.getByRole("heading", { name: "Listings" })).toBeVisible({ timeout: 90_000 });
  await page.getByRole("button", { name: "New listing" }).click({ timeout: 60_000 });
  const form = page.getByRole("form", { name: "New listing" });
  await form.getByLabel("Title").fill(`Harbour loft ${tag}`);
  await form.getByLabel("Type").fill("apartment");
  await form.getByLabel("Location").fill(`Portside ${tag}`);
  await form.getByLabel("Price", { exact: true }).fill("412000");
  await form.getByLabel("Currency").fill("USD");
  await form.getByRole("button", { name: "Create listing" }).click();
  await expect(form).toBeHidden({ timeout: 30_000 });

  await page
    .getByRole("search", { name: "Filter listings" })
    .getByLabel("Location")
    .fill(`Portside ${tag}`);
  const table = page.getByRole("table", { name: "Listings" });
  await expect(table.getByText(`Harbour loft ${tag}`)).toBeVisible({ timeout: 30_000 });
  await expect(table.getByText("$412,000.00")).toBeVisible();
  const found = (await (
    await page.request.get(`/api/v1/listings?location=${encodeURIComponent(`Portside ${tag}`)}`)
  ).json()) as { data: { title: string; price: number; status: string }[] };
  expect(found.data).toEqual([
    expect.objectContaining({ title: `Harbour loft ${tag}`, price: 412000, status: "active" }),
  ]);
});
