import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./support";

/**
 * Every main screen, as a manager sees it with the demo data: no serious or critical axe
 * violations (WCAG 2.1 A/AA rules), in light and dark themes, and a screenshot for the docs.
 */
async function firstLeadId(page: Page): Promise<string> {
  const res = await page.request.get("/api/v1/leads?perPage=1&sort=-score");
  const { data } = (await res.json()) as { data: { id: string }[] };
  expect(data.length).toBeGreaterThan(0);
  return data[0]!.id;
}

/** A campaign to show (the demo data has none until someone makes one). */
async function someCampaignId(page: Page): Promise<string> {
  const res = await page.request.get("/api/v1/campaigns?perPage=1");
  const { data } = (await res.json()) as { data: { id: string }[] };
  if (data[0]) return data[0].id;
  const created = await page.request.post("/api/v1/campaigns", {
    data: { name: "Accessibility check" },
  });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

/** The inbox with its newest conversation open, when there is one. */
async function inboxWithThread(page: Page): Promise<string> {
  const res = await page.request.get("/api/v1/conversations?perPage=1");
  const { data } = (await res.json()) as { data: { id: string }[] };
  return data[0] ? `/conversations?id=${data[0].id}` : "/conversations";
}

const PAGES: { name: string; path: (page: Page) => Promise<string>; ready: RegExp }[] = [
  { name: "my-day", path: async () => "/", ready: /Welcome/ },
  { name: "leads", path: async () => "/leads", ready: /^Leads$/ },
  { name: "lead", path: async (p) => `/leads/${await firstLeadId(p)}`, ready: /./ },
  { name: "new-lead", path: async () => "/leads/new", ready: /lead/i },
  { name: "import", path: async () => "/leads/import", ready: /Import/i },
  { name: "lead-fields", path: async () => "/settings/lead-fields", ready: /./ },
  { name: "scoring", path: async () => "/settings/scoring", ready: /./ },
  { name: "email-settings", path: async () => "/settings/email", ready: /./ },
  { name: "templates", path: async () => "/templates", ready: /templates/i },
  { name: "campaigns", path: async () => "/campaigns", ready: /^Campaigns$/ },
  { name: "campaign", path: async (p) => `/campaigns/${await someCampaignId(p)}`, ready: /./ },
  { name: "conversations", path: inboxWithThread, ready: /^Conversations$/ },
  { name: "analytics", path: async () => "/analytics", ready: /^Analytics$/ },
];

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
}

async function settle(page: Page, ready: RegExp) {
  await expect(page.getByRole("heading", { level: 1, name: ready }).first()).toBeVisible({
    timeout: 60_000,
  });
  // Let queries land so the check sees the real screen, not its loading state.
  await page.waitForLoadState("networkidle").catch(() => undefined);
  await expect(page.getByText("Loading…")).toHaveCount(0, { timeout: 30_000 });
}

test.describe.serial("accessibility and screenshots", () => {
  test.describe.configure({ timeout: 300_000 });

  for (const theme of ["light", "dark"] as const) {
    test(`main screens have no serious accessibility violations (${theme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await signInAs(page, "manager");
      for (const screen of PAGES) {
        await page.goto(await screen.path(page), { timeout: 90_000 });
        await settle(page, screen.ready);
        expect(await seriousViolations(page), `${screen.name} (${theme})`).toEqual([]);
        if (theme === "light" || ["leads", "lead"].includes(screen.name)) {
          await page.screenshot({
            path: `docs/screenshots/${screen.name}${theme === "dark" ? "-dark" : ""}.png`,
            fullPage: theme === "light",
          });
        }
      }
    });
  }

  test("phone width: navigation opens from the menu button and the table scrolls", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInAs(page, "rep");
    await page.goto("/leads", { timeout: 90_000 });
    await settle(page, /^Leads$/);
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav).not.toBeInViewport();
    await page.getByRole("button", { name: "Open navigation" }).click();
    await expect(nav).toBeInViewport();
    await nav.getByRole("link", { name: "My day" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /Welcome/ })).toBeVisible({
      timeout: 60_000,
    });
    await page.goto("/leads");
    await settle(page, /^Leads$/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: "docs/screenshots/leads-phone.png" });
  });
});
