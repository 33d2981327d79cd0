import { expect, test } from "@playwright/test";
import { signInAs } from "./support";

/**
 * The manager dashboard with the demo data: KPI cards and charts with numbers, a chart's table
 * fallback saying the same numbers as its bars, and a source bar drilling down to the leads
 * table filtered by that source, period and the manager's team — with as many leads as the bar.
 */
test.beforeEach(() => test.slow());

test("manager dashboard: KPIs, charts, table fallback and a drill-down to the leads", async ({
  page,
}) => {
  await signInAs(page, "manager");
  await page.goto("/analytics", { timeout: 90_000 });
  await expect(page.getByRole("heading", { level: 1, name: "Analytics" })).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByTestId("analytics-scope")).toHaveText(/Team/);

  // KPI cards: numbers, each with its change in words.
  const newLeads = page.getByRole("article", { name: "New leads" });
  await expect(newLeads.getByTestId("kpi-value")).toHaveText(/^\d[\d,.\s]*$/, {
    timeout: 60_000,
  });
  await expect(newLeads).toContainText(/vs previous period|New this period|No previous period/);
  await expect(page.getByRole("article", { name: "Won" }).getByTestId("kpi-value")).toHaveText(
    /\d/,
  );

  // The sources chart: one named, focusable bar per source.
  const sources = page.getByRole("figure", { name: "Lead sources" });
  const bars = sources.getByRole("link", { name: /^.+: [\d,.\s]+ leads$/ });
  await expect(bars.first()).toBeVisible({ timeout: 60_000 });
  const barNames = await bars.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")!));
  expect(barNames.length).toBeGreaterThan(0);
  const barData = barNames.map((name) => {
    const [, label, value] = /^(.+): ([\d,.\s]+) leads$/.exec(name)!;
    return { label: label!, value: value!.trim() };
  });

  // Focus shows the tooltip with the same words.
  await bars.first().focus();
  await expect(sources.getByRole("tooltip")).toHaveText(barNames[0]!);

  // Table fallback: the same sources with the same numbers.
  await sources.getByRole("button", { name: "Show as table" }).click();
  const table = sources.getByRole("table", { name: "Lead sources" });
  await expect(table).toBeVisible();
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(barData.length);
  for (const [i, bar] of barData.entries()) {
    await expect(rows.nth(i).locator("th")).toHaveText(bar.label);
    await expect(rows.nth(i).locator("td").first()).toHaveText(bar.value);
  }
  await sources.getByRole("button", { name: "Show as chart" }).click();

  // Drill-down: the first source's bar opens the leads table filtered the same way.
  const first = barData[0]!;
  const href = await bars.first().getAttribute("href");
  expect(href).toMatch(/^\/leads\?/);
  const expected = new URL(href!, "http://x").searchParams;
  const source = expected.get("source");
  expect(source).toBeTruthy();
  expect(expected.get("createdFrom")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(expected.get("createdTo")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(expected.get("ownerId")).toBeTruthy();

  await bars.first().click();
  await expect(page).toHaveURL(/\/leads\?/, { timeout: 60_000 });
  const landed = new URL(page.url()).searchParams;
  expect(landed.get("source")).toBe(source);
  expect(landed.get("createdFrom")).toBe(expected.get("createdFrom"));
  expect(landed.get("createdTo")).toBe(expected.get("createdTo"));
  await expect(page.getByRole("heading", { level: 1, name: "Leads" })).toBeVisible({
    timeout: 60_000,
  });
  // The table's own source filter shows the source; it lists as many leads as the bar counted.
  await expect(page.getByRole("combobox", { name: "Source" })).toHaveValue(source!);
  await expect(page.getByText(`${first.value} matching`)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("button", { name: "Clear filters" })).toBeVisible();
});

test("a rep sees their own numbers and no team or owner choice", async ({ page }) => {
  await signInAs(page, "rep");
  await page.goto("/analytics?range=90d", { timeout: 90_000 });
  await expect(page.getByTestId("analytics-scope")).toHaveText(/^Your numbers/, {
    timeout: 60_000,
  });
  await expect(page.getByRole("combobox", { name: "Team" })).toHaveCount(0);
  await expect(page.getByRole("combobox", { name: "Period" })).toHaveValue("90d");
  await expect(
    page.getByRole("article", { name: "New leads" }).getByTestId("kpi-value"),
  ).toHaveText(/\d/, { timeout: 60_000 });
});
