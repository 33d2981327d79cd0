import { createHmac, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { campaigns, emailMessages } from "@/db/schema";
import { newId } from "@/lib/crypto/ids";
import { env } from "@/lib/env";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import {
  sentCampaignMessage,
  sentMessageState,
  type SentMessage,
} from "@/lib/testing/tracking-fixtures";
import { RESEND_MESSAGE_TAG } from "@/lib/tracking/resend-webhook";
import { POST } from "./route";

const secretBytes = randomBytes(24);
const SECRET = `whsec_${secretBytes.toString("base64")}`;

/** Standard Webhooks (svix) signing, as Resend does it: HMAC-SHA256 of id.timestamp.body. */
function sign(id: string, timestamp: number, body: string, key = secretBytes) {
  const mac = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
  return `v1,${mac}`;
}

function deliver(
  body: string,
  options: {
    id?: string;
    timestamp?: number;
    signature?: string;
    headers?: Record<string, string>;
  } = {},
) {
  const id = options.id ?? `msg_${newId()}`;
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return POST(
    new Request("http://localhost:3000/api/webhooks/resend", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "svix-id": id,
        "svix-timestamp": String(timestamp),
        "svix-signature": options.signature ?? sign(id, timestamp, body),
        ...options.headers,
      },
      body,
    }),
  );
}

function event(type: string, sent: Pick<SentMessage, "providerMessageId">, extra: object = {}) {
  return JSON.stringify({
    type,
    created_at: new Date().toISOString(),
    data: {
      email_id: sent.providerMessageId,
      created_at: new Date().toISOString(),
      from: "sales@example.test",
      to: ["someone@example.test"],
      subject: "Hello",
      ...extra,
    },
  });
}

const state = sentMessageState;

let org: TestOrg;
let original: string | undefined;
beforeAll(async () => {
  org = await createTestOrg("Webhooks");
});
beforeEach(() => {
  original = env.RESEND_WEBHOOK_SECRET;
  env.RESEND_WEBHOOK_SECRET = SECRET;
});
afterEach(() => {
  env.RESEND_WEBHOOK_SECRET = original;
});

describe("POST /api/webhooks/resend — verification", () => {
  it("503 when no secret is configured", async () => {
    env.RESEND_WEBHOOK_SECRET = undefined;
    const res = await deliver(event("email.delivered", { providerMessageId: "x" }));
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect((await res.json()).detail).toMatch(/not configured/);
  });

  it("401 for a wrong signature, another secret, a stale timestamp or missing headers", async () => {
    const sent = await sentCampaignMessage(org);
    const body = event("email.delivered", sent);
    const id = "msg_fixed";
    const now = Math.floor(Date.now() / 1000);
    const cases = [
      deliver(body, { id, signature: sign(id, now, body + " ") }),
      deliver(body, { id, signature: sign(id, now, body, randomBytes(24)) }),
      deliver(body, { id, timestamp: now - 3600, signature: sign(id, now - 3600, body) }),
      deliver(body, { signature: "" }),
      deliver(body.replace("email.delivered", "email.bounced"), {
        id,
        signature: sign(id, now, body),
      }),
    ];
    for (const res of await Promise.all(cases)) {
      expect(res.status).toBe(401);
      expect((await res.json()).code).toBe("invalid_token");
    }
    expect((await state(sent)).events).toEqual([]);
  });

  it("400 for a correctly signed body that isn't JSON or isn't an event, never a 500", async () => {
    expect((await deliver("{not json")).status).toBe(400);
    expect((await deliver(JSON.stringify({ hello: "world" }))).status).toBe(400);
    expect((await deliver(JSON.stringify([1, 2]))).status).toBe(400);
  });

  it("accepts and ignores events for messages it doesn't know", async () => {
    const res = await deliver(event("email.delivered", { providerMessageId: "re_unknown" }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true, outcome: "ignored" });
    const other = await deliver(JSON.stringify({ type: "contact.created", data: {} }));
    expect(await other.json()).toEqual({ received: true, outcome: "ignored" });
  });
});

describe("POST /api/webhooks/resend — effects", () => {
  it("delivered: sets delivered_at and the status, once per svix-id", async () => {
    const sent = await sentCampaignMessage(org);
    const body = event("email.delivered", sent);
    const first = await deliver(body, { id: "msg_dup_1" });
    expect(await first.json()).toEqual({ received: true, outcome: "recorded" });
    const again = await deliver(body, { id: "msg_dup_1" });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ received: true, outcome: "duplicate" });
    const s = await state(sent);
    expect(s.message.status).toBe("delivered");
    expect(s.message.deliveredAt).toBeInstanceOf(Date);
    expect(s.events.map((e) => [e.type, e.providerEventId])).toEqual([["delivered", "msg_dup_1"]]);
  });

  it("hard bounce: message bounced, address suppressed, the lead's sequence stopped", async () => {
    const sent = await sentCampaignMessage(org);
    const res = await deliver(
      event("email.bounced", sent, {
        bounce: { type: "Permanent", subType: "General", message: "Mailbox does not exist" },
      }),
    );
    expect(res.status).toBe(200);
    const s = await state(sent);
    expect(s.message.status).toBe("bounced");
    expect(s.message.bouncedAt).toBeInstanceOf(Date);
    expect(s.events.map((e) => [e.type, e.detail])).toEqual([
      ["bounced", "hard: General: Mailbox does not exist"],
    ]);
    expect(s.suppressions.map((x) => [x.reason, x.messageId])).toEqual([
      ["bounced", sent.messageId],
    ]);
    expect(s.recipients.map((r) => r.state)).toEqual(["bounced"]);
  });

  it("hard bounce in a campaign that doesn't stop on bounces: suppressed, sequence left alone", async () => {
    const sent = await sentCampaignMessage(org, {
      stopConditions: { reply: true, bounce: false, statusCategories: [] },
    });
    await deliver(event("email.bounced", sent, { bounce: { type: "Permanent" } }));
    const s = await state(sent);
    expect(s.suppressions.map((x) => x.reason)).toEqual(["bounced"]);
    expect(s.recipients.map((r) => r.state)).toEqual(["active"]);
  });

  it("soft bounce: recorded only; the sequence carries on", async () => {
    const sent = await sentCampaignMessage(org);
    await deliver(
      event("email.bounced", sent, { bounce: { type: "Transient", subType: "MailboxFull" } }),
    );
    const s = await state(sent);
    expect(s.events.map((e) => [e.type, e.detail])).toEqual([["bounced", "soft: MailboxFull"]]);
    expect(s.message.status).toBe("sent");
    expect(s.message.bouncedAt).toBeNull();
    expect(s.suppressions).toEqual([]);
    expect(s.recipients.map((r) => r.state)).toEqual(["active"]);
  });

  it("complaint: suppressed as complained, lead unsubscribed, sequences stopped", async () => {
    const sent = await sentCampaignMessage(org);
    await deliver(event("email.complained", sent), { id: "msg_complaint" });
    await deliver(event("email.complained", sent), { id: "msg_complaint" });
    const s = await state(sent);
    expect(s.message.status).toBe("complained");
    expect(s.lead.unsubscribed).toBe(true);
    expect(s.suppressions.map((x) => x.reason)).toEqual(["complained"]);
    expect(s.recipients.map((r) => r.state)).toEqual(["unsubscribed"]);
    expect(s.events.map((e) => [e.type, e.providerEventId])).toEqual([
      ["complained", "msg_complaint"],
    ]);
  });

  it("a hard bounce that tips the campaign over 5% pauses it (deliverability guard)", async () => {
    const sent = await sentCampaignMessage(org);
    const db = await getDb();
    // 55 more sends of the same campaign, 3 of them already bounced: the 4th bounce makes 4/56.
    await db.insert(emailMessages).values(
      Array.from({ length: 55 }, (_, i) => ({
        organizationId: org.id,
        kind: "campaign" as const,
        fromAddress: "sales@example.test",
        toAddress: `bulk${i}@example.test`,
        subject: "Hi",
        transport: "resend" as const,
        campaignId: sent.campaignId,
        mailboxId: sent.mailboxId,
        status: "sent" as const,
        sentAt: new Date(Date.now() - 86_400_000),
        bouncedAt: i < 3 ? new Date() : null,
      })),
    );
    await deliver(event("email.bounced", sent, { bounce: { type: "Permanent" } }));
    const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, sent.campaignId));
    expect(campaign!.status).toBe("paused");
    expect(campaign!.pausedReason).toMatch(/^Bounce rate 7\.1% over 5%/);
  });

  it("finds the message by our tag when the sender set one", async () => {
    const sent = await sentCampaignMessage(org);
    await deliver(
      event("email.delivered", sent, { tags: { [RESEND_MESSAGE_TAG]: sent.messageId } }),
    );
    expect((await state(sent)).message.status).toBe("delivered");
  });
});
