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

interface Analysis {
  id: string;
  mode: "llm" | "offline";
  summary: string;
  nextStep: { action: string };
}

test("a rep analyses a lead, sees summary, next step and mode, and re-analyses", async ({
  page,
}) => {
  test.slow();
  await signInAs(page, "rep");
  const tag = Date.now().toString(36);
  const created = await page.request.post("/api/v1/leads", {
    data: {
      firstName: "Greta",
      lastName: `Analyse ${tag}`,
      email: `greta-${tag}@nordlicht-analyse.example`,
      company: "Nordlicht Logistik GmbH",
      jobTitle: "Head of Purchasing",
    },
  });
  expect(created.status()).toBe(201);
  const lead = (await created.json()) as { id: string };
  expect((await page.request.get(`/api/v1/leads/${lead.id}/analysis`)).status()).toBe(404);

  await page.goto(`/leads/${lead.id}`, { timeout: 90_000 });
  await page.getByRole("tab", { name: "AI analysis" }).click({ timeout: 60_000 });
  const panel = page.getByRole("tabpanel", { name: "AI analysis" });
  await expect(panel.getByText("Not analysed yet.")).toBeVisible({ timeout: 30_000 });
  await panel.getByRole("button", { name: "Analyze", exact: true }).click();

  const latest = panel.getByRole("group", { name: "Latest analysis" });
  await expect(latest).toBeVisible({ timeout: 60_000 });
  const stored = (await (
    await page.request.get(`/api/v1/leads/${lead.id}/analysis`)
  ).json()) as Analysis;
  await expect(latest.getByText(stored.summary)).toBeVisible();
  await expect(latest.getByText(stored.summary)).toContainText(
    `Greta Analyse ${tag}, Head of Purchasing at Nordlicht Logistik GmbH`,
  );
  await expect(latest.getByText(stored.nextStep.action)).toBeVisible();
  await expect(
    latest.getByText(stored.mode === "offline" ? "Offline mode · built-in rules" : /^AI · /),
  ).toBeVisible();

  await panel.getByRole("button", { name: "Re-analyze" }).click();
  await expect
    .poll(
      async () =>
        ((await (await page.request.get(`/api/v1/leads/${lead.id}/analysis`)).json()) as Analysis)
          .id,
      { timeout: 60_000 },
    )
    .not.toBe(stored.id);
  await expect(panel.getByRole("button", { name: "Re-analyze" })).toBeEnabled({ timeout: 30_000 });
});

test("a pasted signature fills the lead's missing phone and title", async ({ page }) => {
  test.slow();
  await signInAs(page, "rep");
  const tag = Date.now().toString(36);
  const created = await page.request.post("/api/v1/leads", {
    data: { firstName: "Anna", lastName: `Schmidt ${tag}`, email: `anna-${tag}@mueller.example` },
  });
  expect(created.status()).toBe(201);
  const lead = (await created.json()) as { id: string };

  await page.goto(`/leads/${lead.id}`, { timeout: 90_000 });
  await page.getByRole("tab", { name: "AI analysis" }).click({ timeout: 60_000 });
  const panel = page.getByRole("tabpanel", { name: "AI analysis" });
  await panel
    .getByLabel("Signature or contact details")
    .fill(
      `Mit freundlichen Grüßen\nAnna Schmidt ${tag}\nLeiterin Einkauf | Müller Logistik GmbH\nTel.: +49 30 1234567`,
    );
  await panel.getByRole("button", { name: "Extract" }).click();
  const suggestions = panel.getByRole("group", { name: "Suggestions" });
  await expect(suggestions.getByRole("checkbox", { name: /Phone: \+49301234567/ })).toBeChecked({
    timeout: 60_000,
  });
  await expect(
    suggestions.getByRole("checkbox", { name: /Title: Leiterin Einkauf/ }),
  ).toBeChecked();
  await suggestions.getByRole("button", { name: "Apply to lead" }).click();
  await expect(panel.getByText("Saved to the lead.")).toBeVisible({ timeout: 30_000 });

  const saved = (await (await page.request.get(`/api/v1/leads/${lead.id}`)).json()) as {
    phone: string;
    jobTitle: string;
    company: string;
  };
  expect(saved).toMatchObject({
    phone: "+49301234567",
    jobTitle: "Leiterin Einkauf",
    company: "Müller Logistik GmbH",
  });
});
