import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { campaignRecipients, emailMessages, leads, outboxEvents } from "@/db/schema";
import { receiveInboundEmail } from "@/lib/conversations/inbound/receive-inbound-email";
import { newId } from "@/lib/crypto/ids";
import { createLead } from "@/lib/leads/create-lead";
import { createMailbox } from "@/lib/mailboxes/mailboxes";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { sentCampaignMessage, type SentMessage } from "@/lib/testing/tracking-fixtures";

function reply(sent: SentMessage, body: string) {
  return [
    `From: ${sent.email}`,
    "To: sales@example.test",
    "Subject: Re: Hello",
    `Message-ID: <${newId()}@mail.example.org>`,
    `In-Reply-To: <${sent.messageId}@leadline>`,
    `Date: ${new Date().toUTCString()}`,
    "Content-Type: text/plain; charset=utf-8",
    "",
    body,
    "",
  ].join("\r\n");
}

async function leadReplies(org: TestOrg, owner: string | null) {
  const sent = await sentCampaignMessage(org);
  const db = await getDb();
  await db.update(leads).set({ ownerId: owner }).where(eq(leads.id, sent.leadId));
  const received = await receiveInboundEmail(db, {
    raw: reply(sent, "Can you send prices?"),
    source: "mime",
    organizationId: null,
  });
  return { sent, conversationId: received.conversationId!, inboundId: received.messageId! };
}

async function recipient(id: string) {
  const [row] = await (
    await getDb()
  )
    .select()
    .from(campaignRecipients)
    .where(eq(campaignRecipients.id, id));
  return row!;
}

let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  org = await createTestOrg("Conversations");
  other = await createTestOrg("Conversations other");
  await createMailbox(org.ctx("owner"), {
    name: "Default",
    fromName: "Sales",
    fromAddress: `default-${newId().slice(-8)}@example.test`,
    isDefault: true,
  });
});

describe("the unified inbox", () => {
  it("lists, filters, counts and marks read; visibility follows the lead", async () => {
    const { sent, conversationId } = await leadReplies(org, org.members.rep.id);
    const rep = org.members.rep.token;
    const list = await api("GET", "/api/v1/conversations", {
      token: rep,
      query: { unread: "true" },
    });
    expect(list.status).toBe(200);
    const item = list.json.data.find((c: { id: string }) => c.id === conversationId);
    expect(item).toMatchObject({
      lead: { id: sent.leadId, email: sent.email },
      unreadCount: 1,
      needsReply: true,
      mode: "automated",
      lastChannel: "email",
      preview: "Can you send prices?",
    });
    const queries: Record<string, string>[] = [
      { ownerId: "me" },
      { campaignId: sent.campaignId },
      { q: sent.email },
    ];
    for (const query of queries) {
      const found = await api("GET", "/api/v1/conversations", { token: rep, query });
      expect(found.json.data.map((c: { id: string }) => c.id)).toContain(conversationId);
    }
    const none = await api("GET", "/api/v1/conversations", {
      token: rep,
      query: { needsReply: "false", ownerId: "me" },
    });
    expect(none.json.data.map((c: { id: string }) => c.id)).not.toContain(conversationId);

    const before = (await api("GET", "/api/v1/conversations/counts", { token: rep })).json;
    expect(before.unread).toBeGreaterThanOrEqual(1);
    const read = await api("POST", `/api/v1/conversations/${conversationId}/read`, { token: rep });
    expect(read.json).toMatchObject({ unreadCount: 0 });
    expect(read.json.messages[0]).toMatchObject({ direction: "inbound", author: "lead" });
    expect(read.json.messages[0].readAt).not.toBeNull();
    const after = (await api("GET", "/api/v1/conversations/counts", { token: rep })).json;
    expect(after.unread).toBe(before.unread - 1);

    // Another rep doesn't see this rep's lead; another organization doesn't either.
    const hidden = await api("GET", `/api/v1/conversations/${conversationId}`, {
      token: org.members.rep2.token,
    });
    expect(hidden.status).toBe(404);
    const foreign = await api("GET", `/api/v1/conversations/${conversationId}`, {
      token: other.members.owner.token,
    });
    expect(foreign.status).toBe(404);
  });

  it("a manual reply goes out in the thread and takes the conversation over", async () => {
    const { sent, conversationId } = await leadReplies(org, null);
    const res = await api("POST", `/api/v1/conversations/${conversationId}/messages`, {
      token: org.members.rep.token,
      body: { text: "Here are our prices." },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      direction: "outbound",
      author: "user",
      authorUserId: org.members.rep.id,
      subject: "Re: Hello",
      status: "queued",
    });
    const [email] = await (
      await getDb()
    )
      .select()
      .from(emailMessages)
      .where(eq(emailMessages.id, res.json.emailMessageId));
    expect(email).toMatchObject({ kind: "manual", toAddress: sent.email, leadId: sent.leadId });
    expect(email!.headers["In-Reply-To"]).toMatch(/@mail\.example\.org>$/);
    expect(email!.text).toContain("Here are our prices.");
    const detail = await api("GET", `/api/v1/conversations/${conversationId}`, {
      token: org.members.rep.token,
    });
    expect(detail.json).toMatchObject({ mode: "manual", needsReply: false });
    expect(detail.json.messages.map((m: { direction: string }) => m.direction)).toEqual([
      "inbound",
      "outbound",
    ]);
  });

  it("refuses to email a lead who can't be emailed (422)", async () => {
    const ctx = org.ctx("owner");
    const noEmail = await createLead(ctx, { firstName: "NoMail" });
    const conv = await api("GET", `/api/v1/leads/${noEmail.id}/conversation`, {
      token: org.members.owner.token,
    });
    expect(conv.status).toBe(200);
    const res = await api("POST", `/api/v1/conversations/${conv.json.id}/messages`, {
      token: org.members.owner.token,
      body: { text: "Hello" },
    });
    expect(res.status).toBe(422);
    expect(res.json.code).toBe("no_channel_address");
    const dnc = await createLead(ctx, {
      firstName: "Dnc",
      email: `dnc-${newId().slice(-8)}@example.org`,
      doNotContact: true,
    });
    const dncConv = await api("GET", `/api/v1/leads/${dnc.id}/conversation`, {
      token: org.members.owner.token,
    });
    const refused = await api("POST", `/api/v1/conversations/${dncConv.json.id}/messages`, {
      token: org.members.owner.token,
      body: { text: "Hello" },
    });
    expect(refused.json.code).toBe("do_not_contact");
  });
});

describe("seed 001: a campaign lead's conversation, override and cede", () => {
  it("override holds the sequence; cede resumes it with a new run", async () => {
    const sent = await sentCampaignMessage(org);
    const token = org.members.owner.token;
    const base = `/api/v1/campaigns/${sent.campaignId}/leads/${sent.leadId}`;
    const conversation = await api("GET", `${base}/conversation`, { token });
    expect(conversation.status).toBe(200);
    expect(conversation.json.lead.id).toBe(sent.leadId);

    const overridden = await api("POST", `${base}/override`, { token, body: { reason: "VIP" } });
    expect(overridden.json).toMatchObject({ mode: "manual", heldSequences: 1 });
    expect(await recipient(sent.recipientId)).toMatchObject({ state: "manual", nextStepIndex: 1 });

    const ceded = await api("POST", `${base}/cede`, { token });
    expect(ceded.json).toMatchObject({ mode: "automated", resumedSequences: 1 });
    const resumed = await recipient(sent.recipientId);
    expect(resumed).toMatchObject({ state: "active", nextStepIndex: 1 });
    const starts = await (
      await getDb()
    )
      .select()
      .from(outboxEvents)
      .where(
        and(
          eq(outboxEvents.organizationId, org.id),
          eq(outboxEvents.name, "campaign/recipient.started"),
        ),
      );
    expect(
      starts.some(
        (e) =>
          (e.data as { recipientId: string; generation: number }).recipientId ===
            sent.recipientId &&
          (e.data as { generation: number }).generation === resumed.generation,
      ),
    ).toBe(true);
  });

  it("a manual message to a campaign lead halts its automation", async () => {
    const sent = await sentCampaignMessage(org);
    const res = await api(
      "POST",
      `/api/v1/campaigns/${sent.campaignId}/leads/${sent.leadId}/messages`,
      {
        token: org.members.owner.token,
        body: { text: "Personal note", subject: "Quick question" },
      },
    );
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ subject: "Quick question", campaignId: sent.campaignId });
    expect((await recipient(sent.recipientId)).state).toBe("manual");
  });

  it("a lead that isn't the campaign's recipient is not found", async () => {
    const sent = await sentCampaignMessage(org);
    const stranger = await createLead(org.ctx("owner"), { firstName: "Stranger" });
    const res = await api(
      "GET",
      `/api/v1/campaigns/${sent.campaignId}/leads/${stranger.id}/conversation`,
      {
        token: org.members.owner.token,
      },
    );
    expect(res.status).toBe(404);
  });
});
