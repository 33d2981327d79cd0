import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
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

interface Result {
  rows: Record<string, string | number | null>[];
  totals: Record<string, number | null>;
}

test("a manager builds a report, saves it and exports it as CSV", async ({ page }) => {
  test.slow();
  // The first export compiles the XLSX and PDF libraries into the route under `next dev`.
  test.setTimeout(480_000);
  await signInAs(page, "manager");
  const tag = Date.now().toString(36);
  // A lead of this run, so the report has at least one row whatever the demo data holds.
  const created = await page.request.post("/api/v1/leads", {
    data: { firstName: "Rita", lastName: `Report ${tag}`, email: `rita-${tag}@report.example` },
  });
  expect(created.status()).toBe(201);

  await page.goto("/reports", { timeout: 90_000 });
  await page.getByLabel("Dataset").selectOption("leads", { timeout: 60_000 });
  await page.getByLabel("Group by").selectOption("status");
  await page.getByLabel("Period").selectOption("7d");
  await page.getByRole("button", { name: "Run" }).click();
  const table = page.getByRole("table", { name: "Report result" });
  await expect(table).toBeVisible({ timeout: 60_000 });
  await expect(table.getByRole("columnheader", { name: "Status" })).toBeVisible();

  const name = `Leads by status ${tag}`;
  await page.getByLabel("Report name").fill(name);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/, { timeout: 120_000 });
  const id = page.url().split("/").pop()!;
  await expect(page.getByRole("navigation", { name: "Saved reports" }).getByText(name)).toBeVisible(
    {
      timeout: 60_000,
    },
  );

  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 180_000 }),
    page.getByRole("link", { name: "Export CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^leads-by-status-[a-z0-9-]+\.csv$/);
  const csv = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
  const rows = parse(csv) as string[][];

  // The file holds what the API computes for the saved definition, as this manager sees it.
  const saved = await (await page.request.get(`/api/v1/reports/${id}`)).json();
  expect(saved.definition).toMatchObject({
    dataset: "leads",
    dimensions: ["status"],
    metrics: ["count"],
  });
  const result = (await (
    await page.request.post("/api/v1/reports/generate", { data: { definition: saved.definition } })
  ).json()) as Result;
  expect(rows[0]).toEqual(["Status", "Leads"]);
  expect(rows.slice(1, -1)).toEqual(result.rows.map((r) => [String(r.status), String(r.count)]));
  expect(rows.at(-1)).toEqual(["Total", String(result.totals.count)]);
  expect(result.totals.count).toBeGreaterThanOrEqual(1);
  expect(rows.slice(1, -1).map((r) => r[0])).toContain("New");
});
