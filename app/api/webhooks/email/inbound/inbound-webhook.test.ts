import { createHmac, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { conversationMessages } from "@/db/schema";
import { organizationInboundSecret } from "@/lib/conversations/inbound/inbound-secret";
import { newId } from "@/lib/crypto/ids";
import { env } from "@/lib/env";
import { createLead } from "@/lib/leads/create-lead";
import { startFakeServer } from "@/lib/testing/fake-http-server";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { POST } from "./route";

const URL = "http://localhost:3000/api/webhooks/email/inbound";

function rawReply(from: string, body = "Happy to chat.") {
  return [
    `From: ${from}`,
    "To: sales@example.test",
    "Subject: Re: Hello",
    `Message-ID: <${newId()}@mail.example.org>`,
    `Date: ${new Date().toUTCString()}`,
    "Content-Type: text/plain; charset=utf-8",
    "",
    body,
    "",
  ].join("\r\n");
}

const post = (body: string, headers: Record<string, string>) =>
  POST(new Request(URL, { method: "POST", headers, body }));

let org: TestOrg;
let leadEmail: string;
let leadId: string;
beforeAll(async () => {
  org = await createTestOrg("Inbound webhook");
  leadEmail = `webhook-${newId().slice(-10)}@example.org`;
  leadId = (await createLead(org.ctx("owner"), { firstName: "Hook", email: leadEmail })).id;
});

describe("raw MIME posts", () => {
  it("reject a missing or wrong secret with 401 problem+json, recording nothing", async () => {
    const raw = rawReply(leadEmail);
    const missing = await post(raw, { "content-type": "message/rfc822" });
    expect(missing.status).toBe(401);
    expect(missing.headers.get("content-type")).toContain("application/problem+json");
    const secret = organizationInboundSecret(org.id);
    const forged = secret.slice(0, -1) + (secret.endsWith("0") ? "1" : "0");
    for (const wrongSecret of [forged, "nope"]) {
      const wrong = await post(raw, {
        "content-type": "message/rfc822",
        authorization: `Bearer ${wrongSecret}`,
      });
      expect(wrong.status).toBe(401);
    }
    const rows = await (
      await getDb()
    )
      .select()
      .from(conversationMessages)
      .where(eq(conversationMessages.leadId, leadId));
    expect(rows).toHaveLength(0);
  });

  it("accept the organization's secret (header or query), once per message", async () => {
    const raw = rawReply(leadEmail);
    const secret = organizationInboundSecret(org.id);
    const first = await post(raw, {
      "content-type": "message/rfc822",
      authorization: `Bearer ${secret}`,
    });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({
      outcome: "recorded",
      organizationId: org.id,
      leadId,
      matchedBy: "sender",
    });
    const again = await POST(
      new Request(`${URL}?secret=${secret}`, {
        method: "POST",
        headers: { "content-type": "message/rfc822" },
        body: raw,
      }),
    );
    expect(await again.json()).toMatchObject({ outcome: "duplicate" });
  });

  it("never answer a 5xx for junk posted with a valid secret", async () => {
    const headers = {
      "content-type": "message/rfc822",
      authorization: `Bearer ${organizationInboundSecret(org.id)}`,
    };
    for (const junk of [
      "",
      "   ",
      "\u0000\u0001\u0002 not mail",
      "From: <>\r\n\r\n",
      "\r\n\r\n\r\n--x--",
    ]) {
      const res = await post(junk, headers);
      expect(res.status, JSON.stringify(junk)).toBeLessThan(500);
    }
  });

  it("record a lead's reply with NUL characters in it (dropped; PostgreSQL can't store them)", async () => {
    const res = await post(rawReply(leadEmail, "Yes\u0000 please"), {
      "content-type": "message/rfc822",
      authorization: `Bearer ${organizationInboundSecret(org.id)}`,
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ outcome: "recorded", leadId });
    const [row] = await (
      await getDb()
    )
      .select()
      .from(conversationMessages)
      .where(eq(conversationMessages.id, body.messageId));
    expect(row!.body).toBe("Yes please");
  });

  it("answer 415 for a body that isn't a raw message", async () => {
    const res = await post(JSON.stringify({ hello: "world" }), {
      "content-type": "application/json",
      authorization: `Bearer ${organizationInboundSecret(org.id)}`,
    });
    expect(res.status).toBe(415);
  });
});

describe("Resend email.received events", () => {
  const secretBytes = randomBytes(24);
  const sign = (id: string, ts: number, body: string) =>
    `v1,${createHmac("sha256", secretBytes).update(`${id}.${ts}.${body}`).digest("base64")}`;
  let fake: Awaited<ReturnType<typeof startFakeServer>>;
  const saved = {
    secret: env.RESEND_WEBHOOK_SECRET,
    key: env.RESEND_API_KEY,
    url: env.RESEND_BASE_URL,
  };
  const emailId = newId();

  beforeAll(async () => {
    fake = await startFakeServer((req) =>
      req.url === `/emails/receiving/${emailId}`
        ? {
            status: 200,
            body: {
              object: "email",
              id: emailId,
              to: ["sales@example.test"],
              from: leadEmail,
              created_at: new Date().toISOString(),
              subject: "Re: Hello",
              bcc: null,
              cc: null,
              reply_to: null,
              received_for: [],
              html: null,
              text: "Count me in.\n\nOn Tue, Sales wrote:\n> Hello",
              headers: { "message-id": `<${emailId}@resend.example>` },
              message_id: `<${emailId}@resend.example>`,
              raw: null,
              attachments: [],
            },
          }
        : { status: 404, body: { name: "not_found", message: "Not found" } },
    );
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    env.RESEND_WEBHOOK_SECRET = `whsec_${secretBytes.toString("base64")}`;
    env.RESEND_API_KEY = "re_test_inbound";
    env.RESEND_BASE_URL = fake.url;
  });
  afterEach(() => {
    env.RESEND_WEBHOOK_SECRET = saved.secret;
    env.RESEND_API_KEY = saved.key;
    env.RESEND_BASE_URL = saved.url;
  });

  function signed(body: string, signature?: string) {
    const id = `msg_${newId()}`;
    const ts = Math.floor(Date.now() / 1000);
    return post(body, {
      "content-type": "application/json",
      "svix-id": id,
      "svix-timestamp": String(ts),
      "svix-signature": signature ?? sign(id, ts, body),
    });
  }
  const received = JSON.stringify({
    type: "email.received",
    created_at: new Date().toISOString(),
    data: { email_id: emailId, from: leadEmail, to: ["sales@example.test"], subject: "Re: Hello" },
  });

  it("fetch the message through the SDK, record it once, and reject a bad signature", async () => {
    const bad = await signed(received, "v1,AAAA");
    expect(bad.status).toBe(401);
    const first = await signed(received);
    expect(first.status).toBe(200);
    const body = await first.json();
    expect(body).toMatchObject({ outcome: "recorded", leadId, matchedBy: "sender" });
    expect(fake.requests.some((r) => r.url === `/emails/receiving/${emailId}`)).toBe(true);
    const [row] = await (
      await getDb()
    )
      .select()
      .from(conversationMessages)
      .where(eq(conversationMessages.id, body.messageId));
    expect(row!.body).toBe("Count me in.");
    // Resend retries a delivery it thinks failed: same email id, new svix id.
    expect(await (await signed(received)).json()).toMatchObject({ outcome: "duplicate" });
  });

  it("acknowledge other event types without acting", async () => {
    const other = JSON.stringify({ type: "email.delivered", data: { email_id: "x" } });
    const res = await signed(other);
    expect(await res.json()).toMatchObject({ outcome: "ignored" });
  });
});
