import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import {
  campaignRecipients,
  conversationMessages,
  conversations,
  emailSettings,
  leads,
  notifications,
  outboxEvents,
} from "@/db/schema";
import { newId } from "@/lib/crypto/ids";
import { createLead } from "@/lib/leads/create-lead";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { sentCampaignMessage, sentMessageState } from "@/lib/testing/tracking-fixtures";
import { listUnmatchedMessages, assignUnmatchedMessage } from "../unmatched-messages";
import { replyTokenAddress } from "../reply-token";
import { receiveInboundEmail } from "./receive-inbound-email";

function mime(headers: Record<string, string>, body: string) {
  const head = Object.entries({
    Date: new Date().toUTCString(),
    "Message-ID": `<${newId()}@mail.example.org>`,
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=utf-8",
    ...headers,
  })
    .map(([k, v]) => `${k}: ${v}`)
    .join("\r\n");
  return `${head}\r\n\r\n${body}\r\n`;
}

const receive = async (raw: string, organizationId: string | null = null) =>
  receiveInboundEmail(await getDb(), { raw, source: "mime", organizationId });

async function recipientState(recipientId: string) {
  const [row] = await (
    await getDb()
  )
    .select()
    .from(campaignRecipients)
    .where(eq(campaignRecipients.id, recipientId));
  return row!;
}

async function eventsFor(orgId: string, name: string) {
  return (await getDb())
    .select()
    .from(outboxEvents)
    .where(and(eq(outboxEvents.organizationId, orgId), eq(outboxEvents.name, name)));
}

let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  org = await createTestOrg("Inbound");
  other = await createTestOrg("Inbound other");
});

describe("matching a reply to its lead and thread", () => {
  it("by the reply token in the address it was sent to", async () => {
    const sent = await sentCampaignMessage(org);
    const raw = mime(
      {
        From: "Someone Else <forwarded@elsewhere.example>",
        To: replyTokenAddress("reply@in.example.com", sent.messageId),
        Subject: "Re: Hello",
      },
      "Yes, let's talk next week.",
    );
    const result = await receive(raw);
    expect(result).toMatchObject({
      status: "recorded",
      organizationId: org.id,
      leadId: sent.leadId,
      matchedBy: "token",
      kind: "human_reply",
    });
  });

  it("ignores a forged token", async () => {
    const sent = await sentCampaignMessage(org);
    const forged = replyTokenAddress("reply@in.example.com", sent.messageId).replace(
      /([0-9a-f])@/,
      (_, c) => `${c === "0" ? "1" : "0"}@`,
    );
    const result = await receive(
      mime({ From: "nobody@unknown.example", To: forged, Subject: "Re: Hello" }, "Hi"),
    );
    expect(result.matchedBy).toBe("none");
    expect(result.leadId).toBeNull();
  });

  it("by In-Reply-To / References naming our message id", async () => {
    const sent = await sentCampaignMessage(org);
    const result = await receive(
      mime(
        {
          From: "Another Address <another@elsewhere.example>",
          To: "sales@example.test",
          Subject: "Re: Hello",
          "In-Reply-To": `<${newId()}@other.example>`,
          References: `<${sent.messageId}@leadline> <${newId()}@other.example>`,
        },
        "Sounds good.\n\nOn Mon, Sales wrote:\n> Hello",
      ),
    );
    expect(result).toMatchObject({ leadId: sent.leadId, matchedBy: "thread" });
    const [message] = await (
      await getDb()
    )
      .select()
      .from(conversationMessages)
      .where(eq(conversationMessages.id, result.messageId!));
    // Quoted history is not the reply's own words.
    expect(message!.body).toBe("Sounds good.");
    expect(message!.fullText).toContain("> Hello");
  });

  it("by the sender's address alone, within the authenticated organization", async () => {
    const email = `sender-${newId().slice(-10)}@example.org`;
    const lead = await createLead(org.ctx("owner"), { firstName: "Sender", email });
    // The same address is a lead of another organization too: the secret decides.
    await createLead(other.ctx("owner"), { firstName: "Twin", email });
    const result = await receive(
      mime(
        { From: email, To: "hello@company.example", Subject: "Question" },
        "Do you ship to Spain?",
      ),
      org.id,
    );
    expect(result).toMatchObject({ organizationId: org.id, leadId: lead.id, matchedBy: "sender" });
    // Without the organization, an address two organizations share matches neither.
    const ambiguous = await receive(
      mime({ From: email, To: "hello@company.example", Subject: "Again" }, "Hello?"),
    );
    expect(ambiguous).toMatchObject({ organizationId: null, leadId: null, matchedBy: "none" });
  });

  it("keeps an unknown sender in the unmatched inbox, and a rep can file it under a lead", async () => {
    const result = await receive(
      mime(
        { From: "stranger@nowhere.example", To: "sales@example.test", Subject: "Hi" },
        "Who are you?",
      ),
      org.id,
    );
    expect(result).toMatchObject({
      status: "recorded",
      organizationId: org.id,
      leadId: null,
      conversationId: null,
    });
    const ctx = org.ctx("rep");
    const page = await listUnmatchedMessages(ctx, { perPage: 100 });
    expect(page.data.map((m) => m.id)).toContain(result.messageId);
    const lead = await createLead(org.ctx("owner"), { firstName: "Stranger", ownerId: null });
    const filed = await assignUnmatchedMessage(ctx, result.messageId!, { leadId: lead.id });
    expect(filed).toMatchObject({ leadId: lead.id, matchedBy: "manual" });
    expect(filed.conversationId).not.toBeNull();
    // Another organization can't see or file it.
    await expect(
      assignUnmatchedMessage(other.ctx("owner"), result.messageId!, { leadId: lead.id }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("records a delivery once, however often the provider posts it", async () => {
    const sent = await sentCampaignMessage(org);
    const raw = mime(
      {
        From: sent.email,
        To: "sales@example.test",
        Subject: "Re: Hello",
        "In-Reply-To": `<${sent.messageId}@leadline>`,
      },
      "Thanks!",
    );
    const first = await receive(raw);
    const second = await receive(raw);
    expect(first.status).toBe("recorded");
    expect(second.status).toBe("duplicate");
    const rows = await (
      await getDb()
    )
      .select()
      .from(conversationMessages)
      .where(eq(conversationMessages.leadId, sent.leadId));
    expect(rows.filter((r) => r.direction === "inbound")).toHaveLength(1);
  });
});

describe("what a reply does", () => {
  it("a human reply stops the sequence, marks the email replied, touches the lead and tells the owner", async () => {
    const sent = await sentCampaignMessage(org);
    const db = await getDb();
    await db.update(leads).set({ ownerId: org.members.rep.id }).where(eq(leads.id, sent.leadId));
    const result = await receive(
      mime(
        {
          From: sent.email,
          To: "sales@example.test",
          Subject: "Re: Hello",
          "In-Reply-To": `<${sent.messageId}@leadline>`,
        },
        "I'm interested — call me.",
      ),
    );
    expect(result.kind).toBe("human_reply");
    expect((await recipientState(sent.recipientId)).state).toBe("replied");
    const state = await sentMessageState(sent);
    expect(state.message!.repliedAt).not.toBeNull();
    expect(state.lead!.lastContactedAt).not.toBeNull();
    const notes = await db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.organizationId, org.id), eq(notifications.userId, org.members.rep.id)),
      );
    expect(notes.some((n) => n.type === "lead_replied" && n.data.leadId === sent.leadId)).toBe(
      true,
    );
    const replied = await eventsFor(org.id, "lead/replied");
    expect(replied.some((e) => (e.data as { leadId: string }).leadId === sent.leadId)).toBe(true);
    const hook = await eventsFor(org.id, "conversation/message.received");
    expect(hook.some((e) => (e.data as { messageId: string }).messageId === result.messageId)).toBe(
      true,
    );
    const [conversation] = await db
      .select()
      .from(conversations)
      .where(eq(conversations.id, result.conversationId!));
    expect(conversation).toMatchObject({ unreadCount: 1, needsReply: true });
  });

  it("an out-of-office keeps the sequence and postpones it to the return date", async () => {
    const sent = await sentCampaignMessage(org);
    const result = await receive(
      mime(
        {
          From: sent.email,
          To: "sales@example.test",
          Subject: "Automatic reply: Hello",
          "Auto-Submitted": "auto-replied",
          "In-Reply-To": `<${sent.messageId}@leadline>`,
        },
        "I am out of the office until 15 March 2031 with limited access to email.",
      ),
    );
    expect(result.kind).toBe("auto_reply");
    const recipient = await recipientState(sent.recipientId);
    expect(recipient.state).toBe("active");
    expect(recipient.postponedUntil?.toISOString().slice(0, 10)).toBe("2031-03-15");
    const [conversation] = await (
      await getDb()
    )
      .select()
      .from(conversations)
      .where(eq(conversations.id, result.conversationId!));
    // Automatic mail doesn't ask anyone for an answer.
    expect(conversation).toMatchObject({ unreadCount: 0, needsReply: false });
  });

  it("a hard bounce report suppresses the address and stops the sequence", async () => {
    const sent = await sentCampaignMessage(org);
    const boundary = "dsn-boundary";
    const raw = [
      `From: Mail Delivery System <MAILER-DAEMON@mx.example.org>`,
      `To: sales@example.test`,
      `Subject: Undelivered Mail Returned to Sender`,
      `Date: ${new Date().toUTCString()}`,
      `Message-ID: <${newId()}@mx.example.org>`,
      `MIME-Version: 1.0`,
      `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
      ``,
      `--${boundary}`,
      `Content-Type: text/plain`,
      ``,
      `I'm sorry to have to inform you that your message could not be delivered.`,
      `<${sent.email}>: host mx.example.org said: 550 5.1.1 User unknown`,
      ``,
      `--${boundary}`,
      `Content-Type: message/delivery-status`,
      ``,
      `Reporting-MTA: dns; mx.example.org`,
      ``,
      `Final-Recipient: rfc822; ${sent.email}`,
      `Action: failed`,
      `Status: 5.1.1`,
      `Diagnostic-Code: smtp; 550 5.1.1 User unknown`,
      ``,
      `--${boundary}`,
      `Content-Type: text/rfc822-headers`,
      ``,
      `From: sales@example.test`,
      `To: ${sent.email}`,
      `Subject: Hello`,
      `Message-ID: <${sent.messageId}@leadline>`,
      ``,
      `--${boundary}--`,
      ``,
    ].join("\r\n");
    const result = await receive(raw);
    expect(result).toMatchObject({ kind: "bounce", organizationId: org.id, matchedBy: "thread" });
    const state = await sentMessageState(sent);
    expect(state.suppressions.map((s) => s.reason)).toContain("bounced");
    expect(state.message!.status).toBe("bounced");
    expect((await recipientState(sent.recipientId)).state).toBe("bounced");
  });

  it("org-known mail to the organization's inbound address keeps the organization", async () => {
    const address = `reply-${newId().slice(-8)}@in.example.com`;
    await (
      await getDb()
    )
      .insert(emailSettings)
      .values({ organizationId: other.id, inboundAddress: address })
      .onConflictDoUpdate({
        target: emailSettings.organizationId,
        set: { inboundAddress: address },
      });
    const result = await receive(
      mime(
        { From: "who@unknown.example", To: address.replace("@", "+x@"), Subject: "Hi" },
        "Hello",
      ),
    );
    expect(result).toMatchObject({ organizationId: other.id, leadId: null, matchedBy: "none" });
  });
});
