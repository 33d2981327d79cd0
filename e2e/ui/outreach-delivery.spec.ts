import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { signInAs } from "./support";

/**
 * What a recipient sees of a campaign, against a real server: the embedded engine sends the
 * launched campaign into the local outbox, and the links in that message (click redirect, open
 * pixel, unsubscribe page, RFC 8058 one-click POST) work when followed like a mail client would.
 */

const id = Date.now().toString(36);
const leadEmail = `delivery-${id}@example.test`;
const subject = `Delivery check ${id}`;
// A mail client's user agent: bot detection must count this open as a person's.
const MAIL_CLIENT_UA =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)";
// A person's desktop browser (headless Chromium's own user agent would rightly count as a bot).
const BROWSER_UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";
// Opens and clicks this soon after sending are counted as machines reacting to the arrival
// (lib/tracking/bot-detection.ts MACHINE_REACTION_WINDOW_MS), so the journey waits a bit longer.
const MACHINE_WINDOW_MS = 5_000;

interface OutboxMessage {
  id: string;
  status: string;
  sentAt: string | null;
  subject: string;
  html: string | null;
  headers: Record<string, string>;
}

/** The default mailbox campaigns send from when they name none; only admins may add one. */
async function ensureDefaultMailbox(request: APIRequestContext) {
  const list = await request.get("/api/v1/mailboxes");
  expect(list.ok()).toBe(true);
  const { data } = (await list.json()) as { data: { isDefault: boolean; status: string }[] };
  if (data.some((m) => m.isDefault && m.status === "active")) return;
  const created = await request.post("/api/v1/mailboxes", {
    data: {
      name: "E2E sender",
      fromName: "Leadline E2E",
      fromAddress: `sender-${id}@example.test`,
      isDefault: true,
    },
  });
  expect(created.status()).toBe(201);
}

/** Polls the admin-only outbox API until the engine has sent the campaign's message. */
async function waitForSentMessage(
  request: APIRequestContext,
  campaignId: string,
): Promise<OutboxMessage> {
  let messageId: string | undefined;
  await expect
    .poll(
      async () => {
        const res = await request.get(`/api/v1/email-outbox?campaignId=${campaignId}`);
        if (!res.ok()) return `HTTP ${res.status()}`;
        const { data } = (await res.json()) as { data: { id: string; status: string }[] };
        messageId = data.find((m) => m.status === "sent")?.id;
        return data.map((m) => m.status).join(",") || "nothing yet";
      },
      { timeout: 60_000, intervals: [1_000] },
    )
    .toBe("sent");
  const res = await request.get(`/api/v1/email-outbox/${messageId}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as OutboxMessage;
}

/** Every URL the html points at under one path prefix (href and src), entities decoded. */
function urlsIn(html: string, prefix: string): string[] {
  const found = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) =>
    m[1]!.replaceAll("&amp;", "&"),
  );
  return found.filter((u) => new URL(u).pathname.startsWith(prefix));
}

/** The token with the last character of its signature changed: a forgery. */
function forge(token: string): string {
  return token.slice(0, -1) + (token.endsWith("0") ? "1" : "0");
}

async function ownerContext(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, "owner");
  return { context, page };
}

test("a sent campaign email tracks a click and an open, and unsubscribes and resubscribes its lead", async ({
  page,
  browser,
  baseURL,
}) => {
  test.slow();
  const landing = `${baseURL}/login`;
  const owner = await ownerContext(browser);
  await ensureDefaultMailbox(owner.page.request);

  // 1. A rep's lead, a two-step campaign whose first step goes out right away, launched at it.
  await signInAs(page, "rep");
  const lead = await page.request.post("/api/v1/leads", {
    data: { firstName: `Dora${id}`, lastName: "Delivery", email: leadEmail },
  });
  expect(lead.status()).toBe(201);
  const leadId = ((await lead.json()) as { id: string }).id;
  const created = await page.request.post("/api/v1/campaigns", {
    data: {
      name: `Delivery journey ${id}`,
      steps: [
        {
          variants: [
            {
              subject,
              html:
                `<p>Hi {{firstName|there}},</p>` +
                `<p><a href="${landing}">Sign in to see it</a> or read <a href="https://example.com/pricing?ref=${id}">pricing</a>.</p>` +
                `<p><a href="{{unsubscribeUrl}}">Unsubscribe</a></p>`,
            },
          ],
        },
        // A later step keeps the lead's sequence live (waiting for a reply) when they unsubscribe.
        {
          delayDays: 3,
          variants: [
            {
              subject: `Following up ${id}`,
              html: `<p>Any thoughts?</p><p><a href="{{unsubscribeUrl}}">Unsubscribe</a></p>`,
            },
          ],
        },
      ],
      sendWindow: { days: [1, 2, 3, 4, 5, 6, 7], start: "00:00", end: "23:59" },
      timezone: "UTC",
      useLeadTimezone: false,
      trackOpens: true,
      trackClicks: true,
    },
  });
  expect(created.status()).toBe(201);
  const campaignId = ((await created.json()) as { id: string }).id;
  const added = await page.request.post(`/api/v1/campaigns/${campaignId}/recipients`, {
    data: { leadIds: [leadId] },
  });
  expect(added.status()).toBe(200);
  expect(((await added.json()) as { added: number }).added).toBe(1);
  const launched = await page.request.post(`/api/v1/campaigns/${campaignId}/launch`);
  expect(launched.status()).toBe(200);
  expect(((await launched.json()) as { status: string }).status).toBe("active");

  // 2. The engine running inside the server sends it into the local outbox, decorated.
  const message = await waitForSentMessage(owner.page.request, campaignId);
  expect(message.subject).toBe(subject);
  const listUnsubscribe = message.headers["List-Unsubscribe"] ?? "";
  expect(message.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
  const unsubscribeUrl = /<(https?:\/\/[^>]+\/unsubscribe\/[^>]+)>/.exec(listUnsubscribe)?.[1];
  expect(unsubscribeUrl, listUnsubscribe).toBeTruthy();
  expect(listUnsubscribe).toContain("<mailto:");
  const html = message.html ?? "";
  expect(html).toContain("/t/o/");
  expect(html).toContain("/t/c/");
  // Every http(s) link went through click tracking; the unsubscribe link did not.
  expect(html).not.toContain(`href="${landing}"`);
  expect(html).not.toContain("https://example.com/pricing");
  expect(html).toContain(`href="${unsubscribeUrl}"`);
  const clickUrls = urlsIn(html, "/t/c/");
  expect(clickUrls).toHaveLength(2);
  const [pixelUrl] = urlsIn(html, "/t/o/");
  expect(pixelUrl).toBeTruthy();
  // Links point at the server that sent them (APP_URL), so the journey can follow them.
  for (const url of [...clickUrls, pixelUrl!, unsubscribeUrl!])
    expect(new URL(url).origin).toBe(new URL(baseURL!).origin);

  // 3. The recipient (no session: a separate browser) loads the pixel and follows the links,
  // after the window in which a reaction counts as a machine's.
  expect(message.sentAt).toBeTruthy();
  const sentAt = new Date(message.sentAt!).getTime();
  const wait = sentAt + MACHINE_WINDOW_MS + 1_000 - Date.now();
  if (wait > 0) await page.waitForTimeout(wait);
  const stats = async () => {
    const res = await page.request.get(`/api/v1/campaigns/${campaignId}/stats`);
    expect(res.status()).toBe(200);
    const { totals } = (await res.json()) as { totals: { clicked: number; opened: number } };
    return { clicked: totals.clicked, opened: totals.opened };
  };
  expect(await stats()).toEqual({ clicked: 0, opened: 0 });
  const recipient = await browser.newContext({ userAgent: BROWSER_UA });
  const inbox = await recipient.newPage();

  const pixel = await inbox.request.get(pixelUrl!, { headers: { "user-agent": MAIL_CLIENT_UA } });
  expect(pixel.status()).toBe(200);
  expect(pixel.headers()["content-type"]).toBe("image/gif");
  expect((await pixel.body()).subarray(0, 6).toString("latin1")).toBe("GIF89a");
  expect(await stats()).toEqual({ clicked: 0, opened: 1 });

  // Each tracked link redirects to its own target; the one to the app's login page is followed.
  const targets = await Promise.all(
    clickUrls.map(async (u) => {
      const res = await inbox.request.get(u, { maxRedirects: 0 });
      expect(res.status()).toBe(302);
      expect(res.headers()["cache-control"]).toContain("no-store");
      return res.headers()["location"];
    }),
  );
  expect([...targets].sort()).toEqual([landing, `https://example.com/pricing?ref=${id}`].sort());
  const toLogin = clickUrls[targets.indexOf(landing)]!;
  const followed = await inbox.goto(toLogin, { timeout: 90_000 });
  expect(followed?.status()).toBe(200);
  expect(inbox.url()).toBe(landing);
  await expect(inbox.getByRole("button", { name: "Sign in" })).toBeVisible({ timeout: 60_000 });
  // Clicks are counted per message, however often its links were followed.
  expect(await stats()).toEqual({ clicked: 1, opened: 1 });

  // 4. The outbox page (after the recipient's reactions, so its own view of the message, which
  // loads the pixel, can't be what the stats counted) shows the tracking and the headers.
  const outbox = owner.page;
  await outbox.goto("/settings/email-outbox", { timeout: 90_000 });
  await outbox.getByPlaceholder("Search recipient or subject").fill(id);
  const row = outbox
    .getByRole("table", { name: "Sent email" })
    .getByRole("row")
    .filter({ has: outbox.getByRole("button", { name: subject }) });
  await expect(row.getByText("opened", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(row.getByText("clicked", { exact: true })).toBeVisible();
  await row.getByRole("button", { name: subject }).click();
  const headerList = outbox.locator("dl").filter({ hasText: "List-Unsubscribe-Post" });
  await expect(headerList.getByText("List-Unsubscribe=One-Click", { exact: true })).toBeVisible({
    timeout: 30_000,
  });
  await expect(headerList.getByText(listUnsubscribe, { exact: true })).toBeVisible();
  // The message's own links open in a new tab through click tracking.
  const content = outbox.frameLocator('iframe[title="Email content"]');
  const link = content.getByRole("link", { name: "Sign in to see it" });
  await expect(link).toHaveAttribute("href", toLogin);
  const [popup] = await Promise.all([outbox.waitForEvent("popup"), link.click()]);
  await popup.waitForLoadState();
  // The owner is signed in, so the login page sends them on to the app.
  await expect(popup).toHaveURL(`${baseURL}/`, { timeout: 60_000 });
  await popup.close();

  // 5. The List-Unsubscribe link, opened in the recipient's browser, unsubscribes at once.
  await inbox.goto(unsubscribeUrl!, { timeout: 90_000 });
  await expect(inbox.getByRole("heading", { name: /You're unsubscribed from/ })).toBeVisible({
    timeout: 60_000,
  });
  await expect(inbox.getByText(leadEmail)).toBeVisible();
  const leadFlag = async () => {
    const res = await page.request.get(`/api/v1/leads/${leadId}`);
    expect(res.status()).toBe(200);
    return ((await res.json()) as { unsubscribed: boolean }).unsubscribed;
  };
  expect(await leadFlag()).toBe(true);
  const recipients = await page.request.get(`/api/v1/campaigns/${campaignId}/recipients`);
  const { data: rows } = (await recipients.json()) as {
    data: { leadId: string; state: string; nextSendAt: string | null }[];
  };
  const membership = rows.find((r) => r.leadId === leadId);
  expect(membership?.state).toBe("unsubscribed");
  // Its sequence ended: step 2 is never scheduled.
  expect(membership?.nextSendAt).toBeNull();

  // "That was a mistake": the flag is lifted in place.
  await inbox.getByRole("button", { name: /Resubscribe/ }).click();
  await expect(inbox.getByText(/You're subscribed to .+ again/)).toBeVisible({ timeout: 30_000 });
  expect(await leadFlag()).toBe(false);

  // A mailbox provider's RFC 8058 one-click POST on the same URL unsubscribes again.
  const oneClick = await inbox.request.post(unsubscribeUrl!, {
    form: { "List-Unsubscribe": "One-Click" },
  });
  expect(oneClick.status()).toBe(200);
  expect(await oneClick.json()).toEqual({ unsubscribed: true });
  expect(await leadFlag()).toBe(true);

  // 6. A tampered click link never redirects: not with a bad signature, not with a swapped target.
  const original = new URL(toLogin);
  const token = original.pathname.split("/").pop()!;
  const [payload, signature] = token.split(".");
  // The first 50 bytes are version, kind and the three ids; the target URL follows.
  const swappedPayload = Buffer.concat([
    Buffer.from(payload!, "base64url").subarray(0, 50),
    Buffer.from("https://evil.example/"),
  ]).toString("base64url");
  for (const forged of [forge(token), `${swappedPayload}.${signature}`]) {
    const res = await inbox.request.get(`${original.origin}/t/c/${forged}`, { maxRedirects: 0 });
    expect(res.status()).toBe(404);
    expect(res.headers()["location"]).toBeUndefined();
    expect(res.headers()["content-type"]).toContain("application/problem+json");
  }
  // A person's browser gets a readable page, and stays where it is.
  const forgedUrl = `${original.origin}/t/c/${forge(token)}`;
  const shown = await inbox.goto(forgedUrl);
  expect(shown?.status()).toBe(404);
  expect(inbox.url()).toBe(forgedUrl);
  await expect(inbox.getByRole("heading", { name: "Link not found" })).toBeVisible();

  // A forged unsubscribe link isn't honoured either: the page and the one-click POST are 404s.
  const forgedUnsubscribe = forge(unsubscribeUrl!);
  const page404 = await inbox.goto(forgedUnsubscribe);
  expect(page404?.status()).toBe(404);
  await expect(inbox.getByRole("heading", { name: "This link doesn't work" })).toBeVisible();
  const post404 = await inbox.request.post(forgedUnsubscribe, {
    form: { "List-Unsubscribe": "One-Click" },
  });
  expect(post404.status()).toBe(404);

  await recipient.close();
  await owner.context.close();
});

test("a campaign launched at three leads reaches the outbox, pauses and resumes, and stops only for the lead who unsubscribes", async ({
  page,
  browser,
}) => {
  test.slow();
  const run = `${id}t`;
  const owner = await ownerContext(browser);
  await ensureDefaultMailbox(owner.page.request);
  await signInAs(page, "rep");

  const leadIds: string[] = [];
  for (const n of [1, 2, 3]) {
    const res = await page.request.post("/api/v1/leads", {
      data: { firstName: `Trio${n}`, lastName: run, email: `trio${n}-${run}@example.test` },
    });
    expect(res.status()).toBe(201);
    leadIds.push(((await res.json()) as { id: string }).id);
  }
  const step = (subjectLine: string, delayDays: number) => ({
    delayDays,
    variants: [
      {
        subject: subjectLine,
        html: `<p>Hi {{firstName}}</p><p><a href="{{unsubscribeUrl}}">Unsubscribe</a></p>`,
      },
    ],
  });
  const created = await page.request.post("/api/v1/campaigns", {
    data: {
      name: `Trio ${run}`,
      steps: [step(`Trio hello ${run}`, 0), step(`Trio follow-up ${run}`, 3)],
      sendWindow: { days: [1, 2, 3, 4, 5, 6, 7], start: "00:00", end: "23:59" },
      timezone: "UTC",
      useLeadTimezone: false,
      leadIds,
    },
  });
  expect(created.status()).toBe(201);
  const campaignId = ((await created.json()) as { id: string }).id;

  // Launch from the campaign's page.
  await page.goto(`/campaigns/${campaignId}`);
  await page.getByRole("button", { name: "Launch now" }).click();
  await page
    .getByRole("dialog", { name: "Launch this campaign?" })
    .getByRole("button", { name: "Launch", exact: true })
    .click();
  await expect
    .poll(
      async () =>
        (
          (await (await page.request.get(`/api/v1/campaigns/${campaignId}`)).json()) as {
            status: string;
          }
        ).status,
      { timeout: 30_000 },
    )
    .toBe("active");

  // The three first messages are in the outbox — over the API and on the outbox page.
  let messages: { id: string; status: string }[] = [];
  await expect
    .poll(
      async () => {
        const res = await owner.page.request.get(`/api/v1/email-outbox?campaignId=${campaignId}`);
        messages = ((await res.json()) as { data: { id: string; status: string }[] }).data;
        return messages.filter((m) => m.status === "sent").length;
      },
      { timeout: 60_000, intervals: [1_000] },
    )
    .toBe(3);
  await owner.page.goto("/settings/email-outbox");
  await expect(owner.page.getByRole("row", { name: new RegExp(`Trio hello ${run}`) })).toHaveCount(
    3,
    { timeout: 30_000 },
  );

  // Pause and resume from the campaign's page.
  const status = page.getByTestId("campaign-status");
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(status).toHaveText("Paused", { timeout: 30_000 });
  await page.getByRole("button", { name: "Resume" }).click();
  await expect(status).toHaveText("Active", { timeout: 30_000 });

  // The second lead unsubscribes through the link in their message: only they stop.
  const detail = await owner.page.request.get(`/api/v1/email-outbox/${messages[0]!.id}`);
  const first = (await detail.json()) as { html: string; to: string };
  const unsubscribe = /href="([^"]+\/unsubscribe\/[^"]+)"/.exec(first.html)?.[1];
  expect(unsubscribe).toBeTruthy();
  const recipientPage = await (await browser.newContext({ userAgent: BROWSER_UA })).newPage();
  await recipientPage.goto(unsubscribe!.replaceAll("&amp;", "&"));
  await expect(recipientPage.getByText(/unsubscribed/i).first()).toBeVisible();
  await expect
    .poll(
      async () => {
        const res = await page.request.get(`/api/v1/campaigns/${campaignId}/recipients`);
        const { data } = (await res.json()) as {
          data: { state: string; lead: { email: string } }[];
        };
        return data
          .map((r) => `${r.lead.email === first.to ? "them" : "other"}:${r.state}`)
          .sort()
          .join(",");
      },
      { timeout: 30_000 },
    )
    .toBe("other:active,other:active,them:unsubscribed");
  await owner.context.close();
});
