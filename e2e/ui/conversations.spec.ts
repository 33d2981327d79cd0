import { expect, test, type Page } from "@playwright/test";
import { deliverInboundEmail, signInAs } from "./support";

const unique = Date.now().toString(36);
const leadEmail = `conv-${unique}@example.test`;
const leadName = `Robin Inbox ${unique}`;
const inboundText = `Sounds interesting, can we talk on Thursday? ${unique}`;
const replyText = `Thursday at 10 works for me. ${unique}`;

interface Counts {
  unread: number;
  needsReply: number;
}

async function counts(page: Page): Promise<Counts> {
  const res = await page.request.get("/api/v1/conversations/counts");
  expect(res.ok()).toBe(true);
  return (await res.json()) as Counts;
}

async function inboundSecret(page: Page): Promise<string> {
  const setup = await page.request.get("/api/v1/settings/email/inbound", { timeout: 30_000 });
  expect(setup.ok()).toBe(true);
  return ((await setup.json()) as { secret: string }).secret;
}

/** A reply as a mail server hands it over: raw RFC 5322, posted with the organization's secret. */
function rawReply(from: string, text = inboundText, id = unique) {
  return [
    `From: Robin Inbox <${from}>`,
    "To: sales@demo.leadline.dev",
    `Subject: Re: Quick question ${unique}`,
    `Message-ID: <${id}@mail.example.test>`,
    `Date: ${new Date().toUTCString()}`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "",
    text,
    "",
    `On Mon, someone wrote:`,
    "> The original message we sent.",
    "",
  ].join("\r\n");
}

test("a lead's reply shows unread in the inbox, is read, answered, taken over and handed back", async ({
  page,
}) => {
  test.slow();
  await signInAs(page, "owner");

  const created = await page.request.post("/api/v1/leads", {
    data: {
      firstName: "Robin",
      lastName: `Inbox ${unique}`,
      email: leadEmail,
      company: "Inbox Co",
    },
  });
  expect(created.status()).toBe(201);
  const lead = (await created.json()) as { id: string };

  const before = await counts(page);
  await page.goto("/conversations", { timeout: 90_000 });
  await expect(page.getByRole("heading", { level: 1, name: "Conversations" })).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByText("Loading…")).toHaveCount(0, { timeout: 30_000 });

  // The reply arrives while the inbox is open: the live event stream brings it in, no reload.
  await deliverInboundEmail(page, rawReply(leadEmail));
  expect((await counts(page)).unread).toBe(before.unread + 1);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByTestId("nav-unread-conversations")).toHaveText(
    `${before.unread + 1} unread`,
    { timeout: 30_000 },
  );
  const row = page
    .getByRole("list", { name: "Conversations" })
    .getByRole("button", { name: new RegExp(leadName) });
  await expect(row).toContainText("Unread", { timeout: 30_000 });
  await expect(row).toContainText(inboundText.slice(0, 20));

  // Opening it reads it: the reply's own words show, the quote is behind a toggle.
  await row.click();
  const thread = page.getByRole("region", { name: `Conversation with ${leadName}` });
  const inbound = thread.locator('article[data-direction="inbound"]');
  await expect(inbound).toContainText(inboundText, { timeout: 30_000 });
  await expect(inbound).not.toContainText("The original message we sent.");
  await inbound.getByRole("button", { name: "Show quoted text" }).click();
  await expect(inbound).toContainText("The original message we sent.");
  await expect(row).not.toContainText("Unread", { timeout: 30_000 });
  await expect
    .poll(async () => (await counts(page)).unread, { timeout: 30_000 })
    .toBe(before.unread);
  if (before.unread === 0) await expect(nav.getByTestId("nav-unread-conversations")).toHaveCount(0);
  else
    await expect(nav.getByTestId("nav-unread-conversations")).toHaveText(`${before.unread} unread`);

  const mode = thread.getByTestId("conversation-mode");
  await expect(mode).toHaveText("Automation on");

  // A reply by hand goes out as an outbound bubble and takes the conversation over.
  await thread.getByRole("textbox", { name: "Reply" }).fill(replyText);
  await thread.getByRole("button", { name: "Send reply" }).click();
  await expect(thread.locator('article[data-direction="outbound"]').last()).toContainText(
    replyText,
    {
      timeout: 30_000,
    },
  );
  await expect(thread.getByRole("textbox", { name: "Reply" })).toHaveValue("");
  await expect(mode).toHaveText("You're handling this lead");

  await thread.getByRole("button", { name: "Hand back" }).click();
  await expect(mode).toHaveText("Automation on", { timeout: 30_000 });
  await thread.getByRole("button", { name: "Take over" }).click();
  await expect(mode).toHaveText("You're handling this lead", { timeout: 30_000 });
  await thread.getByRole("button", { name: "Hand back" }).click();
  await expect(mode).toHaveText("Automation on", { timeout: 30_000 });

  // The same thread on the lead page's Conversation tab.
  await page.goto(`/leads/${lead.id}`, { timeout: 90_000 });
  await page.getByRole("tab", { name: "Conversation" }).click();
  const panel = page.getByRole("tabpanel");
  await expect(panel.locator('article[data-direction="inbound"]')).toContainText(inboundText, {
    timeout: 30_000,
  });
  await expect(panel.locator('article[data-direction="outbound"]').last()).toContainText(replyText);

  // Notifications link to the inbox by lead.
  await page.goto(`/conversations?lead=${lead.id}`, { timeout: 90_000 });
  await expect(
    page.getByRole("region", { name: `Conversation with ${leadName}` }).getByText(replyText),
  ).toBeVisible({ timeout: 30_000 });
});

test("mail from an unknown sender waits in Unmatched until it is assigned to a lead", async ({
  page,
}) => {
  test.slow();
  await signInAs(page, "owner");
  const name = `Sam Unmatched ${unique}`;
  const created = await page.request.post("/api/v1/leads", {
    data: {
      firstName: "Sam",
      lastName: `Unmatched ${unique}`,
      email: `sam-${unique}@example.test`,
    },
  });
  expect(created.status()).toBe(201);
  const lead = (await created.json()) as { id: string };
  const stranger = `stranger-${unique}@elsewhere.example`;
  const text = `Writing from my other address. ${unique}`;
  await deliverInboundEmail(page, rawReply(stranger, text, `unmatched-${unique}`));

  await page.goto("/conversations", { timeout: 90_000 });
  await page.getByRole("button", { name: /^Unmatched/ }).click();
  const item = page
    .getByRole("list", { name: "Unmatched messages" })
    .getByRole("listitem")
    .filter({ hasText: stranger });
  await expect(item).toContainText(text, { timeout: 30_000 });
  await item.getByRole("button", { name: /Assign the message from/ }).click();
  const dialog = page.getByRole("dialog", { name: "Assign to lead" });
  await dialog.getByLabel("Find lead").fill(name);
  await dialog.getByRole("button", { name: new RegExp(name) }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(item).toHaveCount(0, { timeout: 30_000 });

  await page.goto(`/conversations?lead=${lead.id}`, { timeout: 90_000 });
  await expect(
    page
      .getByRole("region", { name: `Conversation with ${name}` })
      .locator('article[data-direction="inbound"]'),
  ).toContainText(text, { timeout: 30_000 });
});

test("an admin sets the inbound address and finds the webhook URL and secret", async ({ page }) => {
  test.slow();
  await signInAs(page, "owner");
  const secret = await inboundSecret(page);
  await page.goto("/settings/email", { timeout: 90_000 });
  const section = page.getByRole("region", { name: "Inbound replies" });
  const address = section.getByLabel("Inbound address");
  await expect(address).toBeVisible({ timeout: 60_000 });

  await address.fill("reply+tag@in.example.test");
  await section.getByRole("button", { name: "Save inbound address" }).click();
  await expect(section.getByText("Give the address without a +tag")).toBeVisible({
    timeout: 30_000,
  });
  await address.fill(`reply-${unique}@in.example.test`);
  await section.getByRole("button", { name: "Save inbound address" }).click();
  await expect(section.getByText("Inbound address saved.")).toBeVisible({ timeout: 30_000 });
  await page.reload({ timeout: 90_000 });
  await expect(address).toHaveValue(`reply-${unique}@in.example.test`, { timeout: 60_000 });

  await expect(section.getByLabel("Webhook URL", { exact: true })).toHaveValue(
    /\/api\/webhooks\/email\/inbound$/,
  );
  const secretField = section.getByLabel("Webhook secret", { exact: true });
  await expect(secretField).toHaveAttribute("type", "password");
  await section.getByRole("button", { name: "Show Webhook secret" }).click();
  await expect(secretField).toHaveAttribute("type", "text");
  await expect(secretField).toHaveValue(secret);

  // Leave the organization as the other journeys expect it: no inbound address.
  await address.fill("");
  await section.getByRole("button", { name: "Save inbound address" }).click();
  await expect(section.getByText("Inbound address saved.")).toBeVisible({ timeout: 30_000 });
});
