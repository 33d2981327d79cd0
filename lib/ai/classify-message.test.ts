import type { LanguageModelV4GenerateResult } from "@ai-sdk/provider";
import { MockLanguageModelV4 } from "ai/test";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import {
  aiReplyLabels,
  aiSettings,
  aiUsage,
  campaignRecipients,
  conversationMessages,
  emailSuppressions,
  leadActivities,
  leadEvents,
  leads,
  notifications,
} from "@/db/schema";
import { recordInboundMessage } from "@/lib/conversations/record-message";
import { newId } from "@/lib/crypto/ids";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { sentCampaignMessage } from "@/lib/testing/tracking-fixtures";
import { classifyConversationMessage } from "./classify-message";
import { correctClassification } from "./reply-reviews";

let org: TestOrg;

beforeAll(async () => {
  org = await createTestOrg("Classify");
});

/** A lead in a live campaign sequence who has just written `text`. */
async function replyFrom(text: string, options: { subject?: string; ownerId?: string } = {}) {
  const db = await getDb();
  const sent = await sentCampaignMessage(org);
  if (options.ownerId) {
    await db.update(leads).set({ ownerId: options.ownerId }).where(eq(leads.id, sent.leadId));
  }
  const message = await recordInboundMessage(db, {
    organizationId: org.id,
    leadId: sent.leadId,
    channel: "email",
    matchedBy: "thread",
    inboundKind: "human_reply",
    subject: options.subject ?? "Re: Hello",
    body: text,
    dedupeKey: `test:${newId()}`,
    occurredAt: new Date("2030-03-10T10:00:00Z"),
  });
  return { ...sent, messageId: message!.id };
}

async function messageRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(conversationMessages).where(eq(conversationMessages.id, id));
  return row!;
}

async function recipientOf(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(campaignRecipients).where(eq(campaignRecipients.id, id));
  return row!;
}

const classify = (messageId: string, options = {}) =>
  getDb().then((db) =>
    classifyConversationMessage(db, { organizationId: org.id, messageId }, options),
  );

describe("classifyConversationMessage (offline)", () => {
  it("an unsubscribe request suppresses the address and stops every sequence", async () => {
    const reply = await replyFrom("Please remove me from your mailing list and stop emailing me.");

    const result = await classify(reply.messageId);

    expect(result).toMatchObject({ state: "applied", classifiedNow: true });
    expect(result!.classification).toMatchObject({ category: "unsubscribe", mode: "offline" });
    expect(result!.effects).toContain("unsubscribed");
    const db = await getDb();
    const [lead] = await db.select().from(leads).where(eq(leads.id, reply.leadId));
    expect(lead!.unsubscribed).toBe(true);
    const suppressed = await db
      .select()
      .from(emailSuppressions)
      .where(
        and(eq(emailSuppressions.organizationId, org.id), eq(emailSuppressions.email, reply.email)),
      );
    expect(suppressed).toHaveLength(1);
    expect((await recipientOf(reply.recipientId)).state).toBe("unsubscribed");
    const row = await messageRow(reply.messageId);
    expect(row.classificationState).toBe("applied");
    expect(row.classifiedAt).not.toBeNull();
    expect(row.classification).toMatchObject({ category: "unsubscribe" });
    const events = await db.select().from(leadEvents).where(eq(leadEvents.leadId, reply.leadId));
    expect(events.map((e) => e.type)).toEqual(["reply_unsubscribe"]);
    const timeline = await db
      .select()
      .from(leadActivities)
      .where(
        and(eq(leadActivities.leadId, reply.leadId), eq(leadActivities.type, "reply_classified")),
      );
    expect(timeline).toHaveLength(1);
    expect(timeline[0]!.data).toMatchObject({
      category: "unsubscribe",
      messageId: reply.messageId,
    });
    const usage = await db
      .select()
      .from(aiUsage)
      .where(and(eq(aiUsage.organizationId, org.id), eq(aiUsage.purpose, "classify_reply")));
    expect(usage.length).toBeGreaterThan(0);
    expect(usage[0]!.mode).toBe("offline");

    // Idempotent: a second run (a retried job) returns the stored result and does nothing.
    const again = await classify(reply.messageId);
    expect(again).toMatchObject({ state: "applied", classifiedNow: false, effects: [] });
    const events2 = await db.select().from(leadEvents).where(eq(leadEvents.leadId, reply.leadId));
    expect(events2).toHaveLength(1);
  });

  it("an out-of-office reply with a return date postpones the sequences until then", async () => {
    const reply = await replyFrom(
      "I am out of the office until March 20, 2030 with limited access to email.",
    );

    const result = await classify(reply.messageId);

    expect(result!.classification).toMatchObject({
      category: "out_of_office",
      returnDate: "2030-03-20",
    });
    expect(result!.state).toBe("applied");
    const recipient = await recipientOf(reply.recipientId);
    expect(recipient.state).toBe("active");
    expect(recipient.postponedUntil?.toISOString()).toBe("2030-03-20T00:00:00.000Z");
  });

  it("a classification below the review threshold waits for a person and does nothing", async () => {
    const reply = await replyFrom("hmm");

    const result = await classify(reply.messageId);

    expect(result).toMatchObject({ state: "review", effects: [] });
    expect(result!.classification.confidence).toBeLessThan(0.6);
    const db = await getDb();
    expect(await db.select().from(leadEvents).where(eq(leadEvents.leadId, reply.leadId))).toEqual(
      [],
    );
    expect((await messageRow(reply.messageId)).classificationState).toBe("review");
  });

  it("a person's correction is kept as a label, marks the message and applies its effects once", async () => {
    const reply = await replyFrom("hmm", { ownerId: org.members.rep.id });
    await classify(reply.messageId);

    const corrected = await correctClassification(org.ctx("rep"), reply.messageId, {
      category: "interested",
    });

    expect(corrected).toMatchObject({
      classificationState: "corrected",
      classification: { category: "interested", confidence: 1 },
    });
    const db = await getDb();
    const labels = await db
      .select()
      .from(aiReplyLabels)
      .where(eq(aiReplyLabels.messageId, reply.messageId));
    expect(labels).toHaveLength(1);
    expect(labels[0]).toMatchObject({
      category: "interested",
      previousCategory: "other",
      previousMode: "offline",
      text: "hmm",
      labelledBy: org.members.rep.id,
    });
    const notes = await db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, org.members.rep.id),
          eq(notifications.type, "reply_classified"),
        ),
      );
    expect(notes.filter((n) => n.data.messageId === reply.messageId)).toHaveLength(1);

    // The same correction again: a second label, but no effect twice.
    await correctClassification(org.ctx("rep"), reply.messageId, { category: "interested" });
    const events = await db.select().from(leadEvents).where(eq(leadEvents.leadId, reply.leadId));
    expect(events.map((e) => e.type)).toEqual(["reply_interested"]);
  });

  it("applies the organization's configured status change and referral leads", async () => {
    const other = await createTestOrg("Classify effects");
    const db = await getDb();
    await db.insert(aiSettings).values({
      organizationId: other.id,
      reviewThreshold: 0.5,
      replyEffects: { wrong_person: { status: "lost", temperature: "cold", notifyOwner: true } },
      createReferralLeads: true,
    });
    const sent = await sentCampaignMessage(other);
    const message = await recordInboundMessage(db, {
      organizationId: other.id,
      leadId: sent.leadId,
      channel: "email",
      matchedBy: "thread",
      inboundKind: "human_reply",
      body: "I'm not the right person for this. Please contact Jane Doe (jane.doe@example.org), our Head of Sales.",
      dedupeKey: `test:${newId()}`,
    });

    const result = await classifyConversationMessage(db, {
      organizationId: other.id,
      messageId: message!.id,
    });

    expect(result!.classification.category).toBe("wrong_person");
    const [lead] = await db.select().from(leads).where(eq(leads.id, sent.leadId));
    expect(lead).toMatchObject({ status: "lost", temperature: "cold" });
    const [referred] = await db
      .select()
      .from(leads)
      .where(and(eq(leads.organizationId, other.id), eq(leads.email, "jane.doe@example.org")));
    expect(referred).toMatchObject({ firstName: "Jane", lastName: "Doe", source: "referral" });
  });
});

function answer(text: string): LanguageModelV4GenerateResult {
  return {
    content: [{ type: "text", text }],
    finishReason: { unified: "stop", raw: "stop" },
    usage: {
      inputTokens: { total: 100, noCache: 100, cacheRead: 0, cacheWrite: 0 },
      outputTokens: { total: 30, text: 30, reasoning: 0 },
    },
    warnings: [],
  };
}

describe("classifyConversationMessage (model)", () => {
  it("classifies with the given model, records its tokens and sends the thread", async () => {
    const other = await createTestOrg("Classify model");
    const db = await getDb();
    const sent = await sentCampaignMessage(other);
    const message = await recordInboundMessage(db, {
      organizationId: other.id,
      leadId: sent.leadId,
      channel: "email",
      matchedBy: "thread",
      inboundKind: "human_reply",
      body: "Tuesday works for me.",
      dedupeKey: `test:${newId()}`,
    });
    const model = new MockLanguageModelV4({
      doGenerate: answer(
        JSON.stringify({
          category: "meeting_request",
          confidence: 0.9,
          rationale: "Agrees to a time",
          returnDate: null,
          referral: null,
        }),
      ),
    });

    const result = await classifyConversationMessage(
      db,
      { organizationId: other.id, messageId: message!.id },
      { model },
    );

    expect(result).toMatchObject({
      state: "applied",
      classification: { category: "meeting_request", mode: "llm" },
    });
    const usage = await db.select().from(aiUsage).where(eq(aiUsage.organizationId, other.id));
    expect(usage).toHaveLength(1);
    expect(usage[0]).toMatchObject({ mode: "llm", totalTokens: 130, purpose: "classify_reply" });
    const prompt = JSON.stringify(model.doGenerateCalls[0]!.prompt);
    expect(prompt).toContain("Tuesday works for me.");
  });
});
