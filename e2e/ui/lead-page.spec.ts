import { expect, test, type Page } from "@playwright/test";
import { signInAs, type DemoKey } from "./support";

const unique = Date.now().toString(36);
const email = `lead-page-${unique}@example.test`;
const firstName = "Quinn";
const lastName = `Tester ${unique}`;
const fullName = `${firstName} ${lastName}`;
const budget = { key: "e2e_budget", label: "E2E budget", type: "number" };
const homepage = { key: "e2e_homepage", label: "E2E homepage", type: "url" };
let leadUrl = "";

/** Custom fields to edit; created once per database, reused on re-runs. */
async function ensureCustomFields(page: Page) {
  const list = await page.request.get("/api/v1/custom-fields");
  expect(list.ok()).toBe(true);
  const { data } = (await list.json()) as { data: { key: string }[] };
  for (const field of [budget, homepage]) {
    if (data.some((f) => f.key === field.key)) continue;
    const created = await page.request.post("/api/v1/custom-fields", { data: field });
    expect(created.status()).toBe(201);
  }
}

/**
 * On a cold dev server the login form can be submitted before React hydrates it (a plain GET
 * that signs nobody in), so load it once first and retry the sign-in if that still happens.
 */
async function signIn(page: Page, key: DemoKey) {
  await page.goto("/login", { timeout: 90_000 });
  await page.waitForLoadState("networkidle");
  for (let attempt = 1; ; attempt++) {
    try {
      return await signInAs(page, key);
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/** For the first answer of an API route, which a dev server compiles on first use. */
const firstCall = { timeout: 30_000 };

/** Open the journey's lead and wait until it has loaded through the API. */
async function openLead(page: Page, reload = false) {
  if (reload) await page.reload({ timeout: 90_000 });
  else await page.goto(leadUrl, { timeout: 90_000 });
  await expect(page.getByRole("heading", { level: 1, name: fullName, exact: true })).toBeVisible({
    timeout: 60_000,
  });
}

const details = (page: Page) => page.getByRole("form", { name: "Lead details" });
const tab = (page: Page, name: string) => page.getByRole("tab", { name });

test.describe.serial("the lead page", () => {
  // One signed-in owner for the whole journey; New York, so local times have a known offset.
  let page: Page;
  test.beforeAll(async ({ browser }) => {
    // The sign-in page may be the dev server's first compile.
    test.setTimeout(180_000);
    const context = await browser.newContext({ timezoneId: "America/New_York" });
    page = await context.newPage();
    await signIn(page, "owner");
  });
  test.afterAll(async () => {
    await page.context().close();
  });

  test("create a lead from /leads/new and land on its page", async () => {
    // Two pages may compile for the first time here on a dev server.
    test.slow();
    await ensureCustomFields(page);
    await page.goto("/leads/new", { timeout: 90_000 });
    await page.getByLabel("First name").fill(firstName);
    await page.getByLabel("Last name").fill(lastName);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Company").fill("Example Testing Ltd");
    await page.getByLabel("Tags").fill("e2e, vip");
    await page.getByRole("button", { name: "Create lead" }).click();

    await expect(page).toHaveURL(/\/leads\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    leadUrl = new URL(page.url()).pathname;
    await expect(page.getByRole("heading", { level: 1, name: fullName, exact: true })).toBeVisible({
      timeout: 30_000,
    });
    await expect(page.getByRole("link", { name: email })).toHaveAttribute(
      "href",
      `mailto:${email}`,
    );
    const tags = page.getByRole("list", { name: "Tags" });
    await expect(tags.getByRole("listitem")).toHaveText(["e2e", "vip"].map((t) => new RegExp(t)));
    await page.getByRole("button", { name: "Remove tag vip" }).click();
    await expect(tags.getByRole("listitem")).toHaveText([/e2e/], firstCall);
    await expect(
      page
        .getByRole("navigation", { name: "Pipeline status" })
        .getByRole("button", { name: "New" }),
    ).toHaveAttribute("aria-current", "step");
  });

  test("edit a standard and a custom field; both persist", async () => {
    await openLead(page);
    const form = details(page);
    await form.getByLabel("Job title").fill("Head of Testing");
    await form.getByLabel(budget.label).fill("125000");
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(form.getByRole("status")).toHaveText("Saved.", firstCall);
    await expect(page.getByText("Head of Testing at Example Testing Ltd")).toBeVisible();

    await openLead(page, true);
    await expect(details(page).getByLabel("Job title")).toHaveValue("Head of Testing");
    await expect(details(page).getByLabel(budget.label)).toHaveValue("125000");
  });

  test("the API's validation messages show under the offending fields", async () => {
    await openLead(page);
    // Each message comes from the API's problem body (paths `email`, `customFields.<key>`).
    await details(page).getByLabel("Email", { exact: true }).fill("not-an-email");
    await details(page).getByLabel(homepage.label).fill("not a web address");
    await details(page).getByRole("button", { name: "Save changes" }).click();
    const emailInput = details(page).getByLabel("Email", { exact: true });
    await expect(emailInput).toHaveAccessibleDescription("Invalid email address", firstCall);
    await expect(emailInput).toHaveAttribute("aria-invalid", "true");
    await details(page).getByLabel("Email", { exact: true }).fill(email);
    await details(page).getByRole("button", { name: "Save changes" }).click();
    await expect(details(page).getByLabel(homepage.label)).toHaveAccessibleDescription(
      "Must be a web address",
      firstCall,
    );
    await details(page).getByRole("button", { name: "Discard" }).click();
    await expect(details(page).getByLabel(homepage.label)).toHaveValue("");
    await expect(emailInput).toHaveValue(email);
  });

  test("add, edit and delete a note", async () => {
    await openLead(page);
    await tab(page, "Notes").click();
    const text = `Called about the listing ${unique}`;
    await page.getByLabel("New note").fill(text);
    await page.getByRole("button", { name: "Add note" }).click();
    const notes = page.getByRole("list", { name: "Notes" });
    const note = notes.getByRole("listitem").filter({ hasText: text });
    await expect(note).toBeVisible(firstCall);

    await note.getByRole("button", { name: "Edit note" }).click();
    await notes.getByLabel("Edit note").fill(`${text} — wants a second viewing`);
    await notes.getByRole("button", { name: "Save note" }).click();
    const edited = notes.getByRole("listitem").filter({ hasText: "wants a second viewing" });
    await expect(edited).toContainText("edited", firstCall);

    await edited.getByRole("button", { name: "Delete note" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete this note?" });
    await dialog.getByRole("button", { name: "Delete note" }).click();
    await expect(dialog).toBeHidden(firstCall);
    await expect(notes.getByRole("listitem").filter({ hasText: text })).toHaveCount(0);

    await tab(page, "Timeline").click();
    await expect(page.getByRole("list", { name: "Timeline" })).toContainText("Note deleted");
  });

  test("schedule a reminder in local time, then complete it", async () => {
    await openLead(page);
    await tab(page, "Reminders").click();
    const message = `Send the brochure ${unique}`;
    await page.getByLabel("Reminder", { exact: true }).fill(message);
    await page.getByLabel("Due", { exact: true }).fill("2031-01-15T10:30");
    await page.getByRole("button", { name: "Add reminder" }).click();
    const open = page.getByRole("list", { name: "Open reminders" });
    await expect(open.getByRole("listitem").filter({ hasText: message })).toBeVisible(firstCall);

    // 10:30 in New York in January is 15:30 UTC.
    const leadId = leadUrl.split("/").pop()!;
    const stored = await page.request.get(`/api/v1/reminders?leadId=${leadId}`);
    const { data } = (await stored.json()) as { data: { message: string; dueAt: string }[] };
    expect(data.find((r) => r.message === message)?.dueAt).toBe("2031-01-15T15:30:00.000Z");

    await page.getByRole("button", { name: `Complete reminder: ${message}` }).click();
    await expect(open.getByRole("listitem").filter({ hasText: message })).toHaveCount(0, firstCall);
    await expect(
      page
        .getByRole("list", { name: "Completed reminders" })
        .getByRole("listitem")
        .filter({ hasText: message }),
    ).toBeVisible();
  });

  test("move the lead through the pipeline; the timeline records it", async () => {
    await openLead(page);
    const pipeline = page.getByRole("navigation", { name: "Pipeline status" });
    await pipeline.getByRole("button", { name: "Qualified" }).click();
    await expect(pipeline.getByRole("button", { name: "Qualified" })).toHaveAttribute(
      "aria-current",
      "step",
      firstCall,
    );
    await expect(pipeline.getByRole("button", { name: /Contacted/ })).toContainText("✓");
    const timeline = page.getByRole("list", { name: "Timeline" });
    await expect(timeline).toContainText("Status changed from New to Qualified", firstCall);

    await pipeline.getByRole("button", { name: "Lost" }).click();
    const dialog = page.getByRole("dialog", { name: "Mark as Lost" });
    const reason = dialog.getByLabel("Why was it lost?");
    const firstReason = await reason.locator("option").nth(1).getAttribute("value");
    await reason.selectOption(firstReason!);
    await dialog.getByRole("button", { name: "Mark as lost" }).click();
    await expect(pipeline.getByRole("button", { name: "Lost" })).toHaveAttribute(
      "aria-current",
      "step",
      firstCall,
    );
    await expect(page.getByText("Lost because:")).toBeVisible();
    await expect(timeline).toContainText("Status changed from Qualified to Lost", firstCall);
    await openLead(page, true);
    await expect(
      page
        .getByRole("navigation", { name: "Pipeline status" })
        .getByRole("button", { name: "Lost" }),
    ).toHaveAttribute("aria-current", "step");
  });

  test("tabs by keyboard; record an inquiry; tracked events chart", async () => {
    await openLead(page);
    await tab(page, "Timeline").focus();
    await page.keyboard.press("ArrowRight");
    await expect(tab(page, "Notes")).toBeFocused();
    await expect(tab(page, "Notes")).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("End");
    await expect(tab(page, "Tracked events")).toHaveAttribute("aria-selected", "true");

    const leadId = leadUrl.split("/").pop()!;
    const tracked = await page.request.post(`/api/v1/leads/${leadId}/events`, {
      data: { type: "page_view", value: "/listings/42" },
    });
    expect(tracked.status()).toBe(201);
    await page.getByLabel("Period").selectOption("7");
    await expect(
      page.getByRole("img", { name: /Tracked events per day\. 1 tracked events/ }),
    ).toBeVisible(firstCall);
    await expect(page.getByRole("table", { name: "By type" })).toContainText("page_view");

    await page.keyboard.press("Home");
    await tab(page, "Inquiries").click();
    const message = `Is the garden south-facing? ${unique}`;
    await page.getByLabel("Inquiry", { exact: true }).fill(message);
    await page.getByLabel("Channel (optional)").fill("website_form");
    await page.getByRole("button", { name: "Record inquiry" }).click();
    await expect(
      page
        .getByRole("list", { name: "Inquiries" })
        .getByRole("listitem")
        .filter({ hasText: message }),
    ).toContainText("website form", firstCall);
  });

  test("the same email again warns and links to the existing lead", async () => {
    await page.goto("/leads/new", { timeout: 90_000 });
    await page.getByLabel("First name").fill("Someone");
    await page.getByLabel("Email").fill(email.toUpperCase());
    await page.getByRole("button", { name: "Create lead" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "already exists" })).toBeVisible(
      firstCall,
    );
    const existing = page.getByRole("link", { name: "Open the existing lead" });
    await expect(existing).toHaveAttribute("href", leadUrl);
    await existing.click();
    await expect(page).toHaveURL(new RegExp(`${leadUrl}$`), { timeout: 60_000 });
    await expect(page.getByRole("heading", { level: 1, name: fullName, exact: true })).toBeVisible({
      timeout: 60_000,
    });
  });

  test("delete with confirmation, then restore", async () => {
    await openLead(page);
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    await page
      .getByRole("dialog", { name: `Delete ${fullName}?` })
      .getByRole("button", { name: "Delete lead" })
      .click();
    await expect(page.getByRole("heading", { name: `${fullName} is in the trash` })).toBeVisible(
      firstCall,
    );
    // Coming back to the page later still finds it in the trash, with the restore at hand.
    await page.reload();
    await expect(page.getByRole("heading", { name: `${fullName} is in the trash` })).toBeVisible(
      firstCall,
    );
    await page.getByRole("button", { name: "Restore lead" }).click();
    await expect(page.getByRole("heading", { level: 1, name: fullName, exact: true })).toBeVisible(
      firstCall,
    );
    await openLead(page, true);
  });
});

test("an unknown lead shows a not-found state", async ({ page }) => {
  await signIn(page, "rep");
  await page.goto("/leads/00000000-0000-7000-8000-000000000000", { timeout: 90_000 });
  await expect(page.getByRole("heading", { name: "Lead not found" })).toBeVisible({
    timeout: 60_000,
  });
});
