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

const EMPTY = {
  productName: null,
  description: null,
  valuePropositions: [],
  targetIndustries: [],
  personas: [],
  objections: [],
  pricingNotes: null,
  competitors: [],
};

test("a manager answers the product interview and sees the context fill in", async ({ page }) => {
  test.slow();
  await signInAs(page, "manager");
  // The organization has one context: start from an empty one so the interview begins at the top.
  expect((await page.request.put("/api/v1/product-context", { data: EMPTY })).status()).toBe(200);

  await page.goto("/product-context", { timeout: 90_000 });
  await expect(page.getByRole("heading", { name: "Product", level: 1 })).toBeVisible({
    timeout: 30_000,
  });
  const chat = page.getByRole("region", { name: "Product chat" });
  const context = page.getByRole("region", { name: "Product context" });
  await expect(chat.getByText("Offline — built-in interviewer")).toBeVisible();
  const suggestions = chat.getByRole("group", { name: "Suggested questions" });
  await expect(
    suggestions.getByRole("button", { name: /What is your product called/ }),
  ).toBeVisible();

  const input = chat.getByLabel("Your answer");
  await input.fill("Acme Books is an invoicing tool for small accountancies.");
  await chat.getByRole("button", { name: "Send" }).click();
  const log = chat.getByRole("log", { name: "Conversation" });
  const lastReply = log.getByRole("listitem", { name: "Assistant" }).last();
  await expect(lastReply).toContainText(/Recorded product name “Acme Books”/, {
    timeout: 30_000,
  });
  const product = context.getByRole("group", { name: "Product" });
  await expect(product.getByText("Acme Books", { exact: true })).toBeVisible();

  // A quick suggestion focuses the answer box with the question it asks.
  const next = suggestions.getByRole("button").first();
  const question = (await next.textContent()) ?? "";
  await next.click();
  await expect(input).toBeFocused();
  await expect(chat.getByText(`Answering: ${question}`)).toBeVisible();

  await input.fill("Our customers are accounting firms and law firms.");
  await input.press("Enter");
  await expect(lastReply).toContainText(/Recorded target industries: Accounting, Law/, {
    timeout: 30_000,
  });
  const industries = context.getByRole("group", { name: "Target industries" });
  await expect(industries.getByRole("listitem")).toHaveText(["Accounting", "Law"]);

  await input.fill(
    "They object that it is too expensive / we answer that it pays for itself in three months",
  );
  await chat.getByRole("button", { name: "Send" }).click();
  const objections = context.getByRole("group", { name: "Objections" });
  await expect(objections.getByText("“It is too expensive”")).toBeVisible({ timeout: 30_000 });
  await expect(objections.getByText(/pays for itself in three months/)).toBeVisible();

  // The log keeps every turn; a reload shows the same chat.
  await page.reload();
  const mine = page
    .getByRole("log", { name: "Conversation" })
    .getByRole("listitem", { name: "You" });
  await expect(mine.last()).toContainText("They object that it is too expensive", {
    timeout: 30_000,
  });
  await expect(mine.nth(-2)).toContainText("Our customers are accounting firms and law firms.");

  // Direct edit: remove an industry.
  const panel = page.getByRole("region", { name: "Product context" });
  await panel.getByRole("button", { name: "Edit" }).click();
  await panel.getByLabel("Target industries").fill("Accounting");
  await panel.getByRole("button", { name: "Save" }).click();
  await expect(
    panel.getByRole("group", { name: "Target industries" }).getByRole("listitem"),
  ).toHaveText(["Accounting"], { timeout: 30_000 });

  // Recommendations read the target industries.
  await expect(
    page
      .getByRole("region", { name: "Who to target" })
      .getByText(/Accounting is a target industry/),
  ).toBeVisible({ timeout: 30_000 });
});

test("a sales rep reads the product context but has no chat input", async ({ page }) => {
  test.slow();
  await signInAs(page, "rep");
  await page.goto("/product-context", { timeout: 90_000 });
  const chat = page.getByRole("region", { name: "Product chat" });
  await expect(chat.getByText(/Admins and managers describe the product/)).toBeVisible({
    timeout: 30_000,
  });
  await expect(chat.getByLabel("Your answer")).toHaveCount(0);
  await expect(
    page.getByRole("region", { name: "Product context" }).getByRole("button", { name: "Edit" }),
  ).toHaveCount(0);
});
