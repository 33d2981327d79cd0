import { expect, test } from "@playwright/test";
import { signInAs } from "./support";

const unique = Date.now().toString(36);

test("a rep records a lead's consent on the lead page and sends an email that lands in the conversation", async ({
  page,
}) => {
  test.slow();
  await signInAs(page, "owner");
  const created = await page.request.post("/api/v1/leads", {
    data: {
      firstName: "Casey",
      lastName: `Consent ${unique}`,
      email: `consent-${unique}@example.test`,
    },
  });
  expect(created.status()).toBe(201);
  const lead = (await created.json()) as { id: string };

  await page.goto(`/leads/${lead.id}`, { timeout: 90_000 });
  await page.getByRole("tab", { name: "Communication" }).click({ timeout: 60_000 });
  const prefs = page.getByRole("form", { name: "Communication preferences" });
  await expect(prefs).toBeVisible({ timeout: 30_000 });

  // Declining email blocks the channel, with the reason shown — and the API agrees.
  await prefs.getByLabel("Email consent").selectOption("denied");
  await prefs.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByText("Preferences saved.")).toBeVisible({ timeout: 30_000 });
  const emailRow = prefs.getByRole("row").filter({ hasText: "Email" });
  await expect(emailRow).toContainText("Blocked");
  const refused = await page.request.post(`/api/v1/communication/send/${lead.id}`, {
    data: { channel: "email", body: "Hello" },
  });
  expect(refused.status()).toBe(422);
  expect(((await refused.json()) as { code: string }).code).toBe("consent_denied");

  // Granted again, an email goes out (local outbox) and shows up in the conversation.
  await prefs.getByLabel("Email consent").selectOption("granted");
  await prefs.getByRole("button", { name: "Save preferences" }).click();
  await expect(emailRow).toContainText("Can send", { timeout: 30_000 });
  const send = page.getByRole("form", { name: "Send message" });
  await send.getByLabel("Channel").selectOption("email");
  await send.getByLabel("Subject").fill(`Brochure ${unique}`);
  await send.getByLabel("Message").fill(`Here is the brochure you asked for. ${unique}`);
  await send.getByRole("button", { name: "Send" }).click();
  await expect(page.getByText(/Sent by Email to consent-/)).toBeVisible({ timeout: 30_000 });

  await page.getByRole("tab", { name: "Conversation" }).click();
  await expect(page.getByText(`Here is the brochure you asked for. ${unique}`)).toBeVisible({
    timeout: 30_000,
  });
});
