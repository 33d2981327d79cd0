import { expect, test } from "@playwright/test";
import { signInAs } from "./support";

/**
 * The dashboard's recent activity, a funnel stage drilling down to the leads that reached it (or
 * a later stage) with as many leads as the stage counts, and one member's activity on the Team
 * tab, opened from the salesperson report and kept in the URL.
 */
test.beforeEach(() => test.slow());

type Stage = { value: string; label: string; entered: number };

test("recent activity lists who did what to which lead, linking to the lead", async ({ page }) => {
  await signInAs(page, "manager");
  await page.goto("/analytics", { timeout: 90_000 });
  const panel = page.getByRole("region", { name: "Recent activity" });
  const items = panel.getByRole("list", { name: "Recent activity" }).getByRole("listitem");
  await expect(items.first()).toBeVisible({ timeout: 60_000 });
  // Each row says when, relatively, with the exact time on hover.
  const time = items.first().locator("time");
  await expect(time).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
  await expect(time).toHaveAttribute("title", /\d/);
  const lead = panel.getByRole("link").filter({ hasNotText: "Show more" }).first();
  await expect(lead).toHaveAttribute("href", /^\/(leads|campaigns)\/[0-9a-f-]{36}$/);
});

test("a funnel stage opens the leads table with the leads that reached it", async ({ page }) => {
  await signInAs(page, "manager");
  await page.goto("/analytics?range=90d", { timeout: 90_000 });
  const res = await page.request.get("/api/v1/analytics/dashboard?range=90d&interval=week");
  expect(res.ok()).toBe(true);
  const funnel = ((await res.json()) as { funnel: Stage[] }).funnel;
  // A stage past the first with leads in it, so "or later" matters.
  const at = funnel.findIndex((s, i) => i > 0 && s.entered > 0);
  expect(at).toBeGreaterThan(0);
  const stage = funnel[at]!;

  const figure = page.getByRole("figure", { name: "Conversion funnel" });
  const link = figure.getByRole("link", { name: new RegExp(`^${stage.label}: `) });
  await expect(link).toBeVisible({ timeout: 60_000 });
  const count = /: ([\d,.\s]+) leads/.exec((await link.getAttribute("aria-label"))!)![1]!.trim();
  expect(Number(count.replace(/\D/g, ""))).toBe(stage.entered);

  await link.click();
  await expect(page).toHaveURL(/\/leads\?/, { timeout: 60_000 });
  const landed = new URL(page.url()).searchParams;
  expect(landed.get("reachedStatus")).toBe(
    funnel
      .slice(at)
      .map((s) => s.value)
      .join(","),
  );
  expect(landed.get("createdFrom")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(landed.get("ownerId")).toBeTruthy();
  await expect(page.getByTestId("reached-status-filter")).toContainText(stage.label);
  await expect(page.getByText(`${count} matching`)).toBeVisible({ timeout: 60_000 });

  // Removing the chip drops only that filter.
  await page.getByRole("button", { name: /^Remove filter: reached / }).click();
  await expect(page).not.toHaveURL(/reachedStatus=/);
  expect(new URL(page.url()).searchParams.get("createdFrom")).toBe(landed.get("createdFrom"));
});

test("the Team tab opens a member's activity, kept in the URL", async ({ page }) => {
  await signInAs(page, "manager");
  await page.goto("/analytics/team?range=90d", { timeout: 90_000 });
  const report = page.getByRole("table", { name: "Salesperson report" });
  const member = report.getByRole("link", { name: /: show activity$/ }).first();
  await expect(member).toBeVisible({ timeout: 60_000 });
  const name = (await member.textContent())!.trim();
  await member.click();
  await expect(page).toHaveURL(/[?&]member=[0-9a-f-]{36}/);
  expect(new URL(page.url()).searchParams.get("range")).toBe("90d");

  const view = page.getByRole("region", { name: `${name}’s activity` });
  await expect(view).toBeVisible({ timeout: 60_000 });
  await expect(view.getByRole("heading", { level: 2 })).toBeFocused();
  const chart = view.getByRole("figure", { name: /^Activity per week/ });
  await expect(chart).toBeVisible();
  // The chart's table fallback, when there is anything to chart.
  const asTable = chart.getByRole("button", { name: "Show as table" });
  if (await asTable.count()) {
    await asTable.click();
    await expect(chart.getByRole("table")).toBeVisible();
  }
  await expect(
    view
      .getByRole("list", { name: `${name}’s latest actions` })
      .or(view.getByText("Nothing logged")),
  ).toBeVisible();

  // The link is shareable: opening it afresh shows the same member.
  await page.reload();
  await expect(page.getByRole("region", { name: `${name}’s activity` })).toBeVisible({
    timeout: 60_000,
  });
  await page.getByRole("link", { name: "Close member activity" }).click();
  await expect(page).not.toHaveURL(/member=/);
  await expect(page.getByTestId("member-activity")).toHaveCount(0);
});
