import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../lib/seed/demo-users";
import { demoUser, type DemoKey } from "./support";

// Search is typo-tolerant (trigram similarity), so each test's word must look like no other:
// fresh random letters, not a timestamp whose prefix every run shares.
const uniqueWord = () => Math.random().toString(36).slice(2, 12);

/**
 * support.ts's signInAs, waiting for the login form to hydrate before submitting: on a busy dev
 * server a click that lands earlier submits the bare HTML form and nobody gets signed in.
 */
async function signInAs(page: Page, key: DemoKey) {
  const user = demoUser(key);
  await page.goto("/login?callbackUrl=%2Fleads", { timeout: 90_000 });
  await page.waitForFunction(
    () => {
      const form = document.querySelector("form");
      return Boolean(form && Object.keys(form).some((k) => k.startsWith("__reactProps")));
    },
    undefined,
    { timeout: 60_000 },
  );
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible({ timeout: 60_000 });
  return user;
}

// Five journeys through a shared dev server that compiles on demand: allow them the time.
test.beforeEach(() => test.slow());

interface CreatedLead {
  id: string;
  displayName: string;
  email: string;
}

/** Leads of this test only: a unique company word makes them searchable and isolated. */
async function createLeads(page: Page, word: string, count: number, extra: object = {}) {
  const leads: CreatedLead[] = [];
  for (let i = 0; i < count; i++) {
    const res = await page.request.post("/api/v1/leads", {
      data: {
        firstName: `Tess${i}`,
        lastName: `Table ${word}`,
        email: `tess${i}.${word}@example.test`,
        company: `${word} Holdings`,
        status: "new",
        ...extra,
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    leads.push((await res.json()) as CreatedLead);
  }
  return leads;
}

const table = (page: Page) => page.getByRole("table", { name: "Leads" });
const dataRows = (page: Page) => table(page).locator("tbody tr");

async function openLeads(page: Page, query = "") {
  await page.goto(`/leads${query}`, { timeout: 90_000 });
  await expect(page.getByRole("heading", { name: "Leads", level: 1 })).toBeVisible({
    timeout: 30_000,
  });
  await expect(table(page)).toHaveAttribute("aria-busy", "false", { timeout: 60_000 });
}

test("change a lead's status from the table; it persists after reload", async ({ page }) => {
  await signInAs(page, "owner");
  const word = uniqueWord();
  const [lead] = await createLeads(page, word, 1);
  await openLeads(page, `?q=${word}`);

  const status = page.getByRole("combobox", { name: `Status of ${lead!.displayName}` });
  await expect(status).toHaveValue("new");
  const saved = page.waitForResponse(
    (r) => r.url().includes(`/api/v1/leads/${lead!.id}`) && r.request().method() === "PATCH",
  );
  await status.selectOption({ label: "Contacted" });
  expect((await saved).status()).toBe(200);

  await page.reload({ timeout: 60_000 });
  await expect(page.getByRole("combobox", { name: `Status of ${lead!.displayName}` })).toHaveValue(
    "contacted",
  );
});

test("bulk-assign selected leads to a team member", async ({ page }) => {
  await signInAs(page, "manager");
  const word = uniqueWord();
  const leads = await createLeads(page, word, 3);
  const rep2 = demoUser("rep2");
  await openLeads(page, `?q=${word}`);
  await expect(dataRows(page)).toHaveCount(3);

  await page.getByRole("checkbox", { name: "Select all leads on this page" }).check();
  const bar = page.getByRole("region", { name: "Bulk actions" });
  await expect(bar).toContainText("3 selected");
  await bar.getByLabel("Bulk action").selectOption({ label: "Assign owner" });
  await bar.getByLabel("New owner").selectOption({ label: rep2.name });
  await bar.getByRole("button", { name: "Apply" }).click();

  // The bulk request can take a while on a busy dev server.
  await expect(page.getByRole("status").filter({ hasText: "Assigned to" })).toContainText(
    `Assigned to ${rep2.name}: 3 leads changed`,
    { timeout: 30_000 },
  );
  for (const lead of leads) {
    const owner = page.getByRole("combobox", { name: `Owner of ${lead.displayName}` });
    await expect(owner.locator("option:checked")).toHaveText(rep2.name);
  }
  // And on the server, not just on screen.
  const res = await page.request.get(`/api/v1/leads/${leads[0]!.id}`);
  expect((await res.json()).owner.name).toBe(rep2.name);
});

test("search narrows the list, the URL carries q, and back restores it", async ({ page }) => {
  await signInAs(page, "owner");
  const word = uniqueWord();
  const [lead] = await createLeads(page, word, 1, { tags: ["e2e-search"] });
  await openLeads(page);
  await expect(dataRows(page).first()).toBeVisible();
  const before = await dataRows(page).count();
  expect(before).toBeGreaterThan(1);

  const search = page.getByRole("searchbox", { name: "Search this list" });
  await page.keyboard.press("/");
  await expect(search).toBeFocused();
  await page.keyboard.type(word);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${word}`));
  await expect(dataRows(page)).toHaveCount(1);
  await expect(page.getByRole("link", { name: lead!.displayName })).toBeVisible();

  // A discrete change is its own history entry; back returns to the search alone.
  await page.getByRole("combobox", { name: "Temperature" }).selectOption({ label: "Hot" });
  await expect(page).toHaveURL(/temperature=hot/);
  await expect(page.getByRole("button", { name: "Clear filters" }).first()).toBeVisible();
  await page.goBack();
  await expect(page).not.toHaveURL(/temperature=/);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${word}`));
  await expect(search).toHaveValue(word);
  await expect(dataRows(page)).toHaveCount(1);

  // A shared link opens the same narrowed list.
  await openLeads(page, `?q=${word}`);
  await expect(search).toHaveValue(word);
  await expect(page.getByRole("link", { name: lead!.displayName })).toBeVisible();
});

test("save a view with a filter and columns, then apply it later", async ({ page }) => {
  await signInAs(page, "owner");
  const word = uniqueWord();
  const tag = `vt-${uniqueWord()}`;
  const [lead] = await createLeads(page, word, 1, { tags: [tag] });
  await openLeads(page);

  await page.getByRole("textbox", { name: "Tag" }).fill(tag);
  await expect(page).toHaveURL(new RegExp(`tag=${tag}`));
  await expect(dataRows(page)).toHaveCount(1);

  await page.getByRole("button", { name: "Columns" }).click();
  const columns = page.getByRole("region", { name: "Columns" });
  await columns.getByRole("button", { name: "Reset to default" }).click();
  await columns.getByRole("checkbox", { name: "Tags" }).check();
  await columns.getByRole("checkbox", { name: "Email" }).uncheck();
  await page.keyboard.press("Escape");
  await expect(table(page).getByRole("columnheader", { name: "Tags" })).toBeVisible();
  await expect(table(page).getByRole("columnheader", { name: "Email" })).toHaveCount(0);

  const name = `My view ${uniqueWord()}`;
  await page.getByRole("button", { name: "Views" }).click();
  await page.getByRole("button", { name: "Save current view…" }).click();
  const dialog = page.getByRole("dialog", { name: "Save view" });
  await dialog.getByLabel("View name").fill(name);
  await dialog.getByRole("button", { name: "Save view" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: `View: ${name}` })).toBeVisible();

  // Elsewhere, with the default columns back: the view restores filter and columns.
  await page.goto("/");
  await openLeads(page);
  await page.getByRole("button", { name: "Columns" }).click();
  await page.getByRole("button", { name: "Reset to default" }).click();
  await page.keyboard.press("Escape");
  await expect(table(page).getByRole("columnheader", { name: "Email" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Tag" })).toHaveValue("");

  await page.getByRole("button", { name: "Views" }).click();
  await page
    .getByRole("region", { name: "Saved views" })
    .getByRole("button", { name, exact: true })
    .click();
  await expect(page).toHaveURL(new RegExp(`tag=${tag}`));
  await expect(page.getByRole("textbox", { name: "Tag" })).toHaveValue(tag);
  await expect(dataRows(page)).toHaveCount(1);
  await expect(page.getByRole("link", { name: lead!.displayName })).toBeVisible();
  await expect(table(page).getByRole("columnheader", { name: "Tags" })).toBeVisible();
  await expect(table(page).getByRole("columnheader", { name: "Email" })).toHaveCount(0);

  // Tidy up this run's view so re-runs don't accumulate them.
  await page.getByRole("button", { name: `View: ${name}` }).click();
  await page.getByRole("button", { name: `Delete view ${name}` }).click();
  await page
    .getByRole("dialog", { name: `Delete view “${name}”?` })
    .getByRole("button", { name: "Delete view" })
    .click();
  await expect(page.getByRole("button", { name: "Views" })).toBeVisible({ timeout: 30_000 });
});

test("export downloads a CSV of the filtered leads", async ({ page }) => {
  await signInAs(page, "owner");
  const word = uniqueWord();
  const [lead] = await createLeads(page, word, 1);
  await openLeads(page, `?q=${word}`);
  await expect(dataRows(page)).toHaveCount(1);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await (await download).path();
  const lines = fs
    .readFileSync(file, "utf8")
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  const header = lines[0]!;
  for (const column of ["First Name", "Last Name", "Email", "Company", "Status", "Owner"]) {
    expect(header).toContain(column);
  }
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(lead!.email);
});
