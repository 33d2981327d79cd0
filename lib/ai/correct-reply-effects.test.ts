import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { aiSettings, emailSuppressions, leadActivities, leads } from "@/db/schema";
import { recordInboundMessage } from "@/lib/conversations/record-message";
import { newId } from "@/lib/crypto/ids";
import { rescoreLead } from "@/lib/leads/scoring/rescore-lead";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { sentCampaignMessage } from "@/lib/testing/tracking-fixtures";
import { classifyConversationMessage } from "./classify-message";
import { correctClassification, reclassifyLatestReply } from "./reply-reviews";

let org: TestOrg;

beforeAll(async () => {
  org = await createTestOrg("Correct effects");
  const db = await getDb();
  await db.insert(aiSettings).values({
    organizationId: org.id,
    reviewThreshold: 0.3,
    replyEffects: { interested: { status: null, temperature: "hot", notifyOwner: false } },
    createReferralLeads: false,
  });
});

async function reply(text: string) {
  const db = await getDb();
  const sent = await sentCampaignMessage(org);
  const message = await recordInboundMessage(db, {
    organizationId: org.id,
    leadId: sent.leadId,
    channel: "email",
    matchedBy: "thread",
    inboundKind: "human_reply",
    subject: "Re: Hello",
    body: text,
    dedupeKey: `test:${newId()}`,
  });
  await classifyConversationMessage(db, { organizationId: org.id, messageId: message!.id });
  return { leadId: sent.leadId, messageId: message!.id };
}

async function leadRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(leads).where(eq(leads.id, id));
  return row!;
}

describe("corrections take back a wrong verdict's effects", () => {
  it("an unsubscribe the reply caused is lifted when a person says it was something else", async () => {
    const r = await reply("Please remove me from your mailing list and stop emailing me.");
    const before = await leadRow(r.leadId);
    expect(before.unsubscribed).toBe(true);

    await correctClassification(org.ctx("owner"), r.messageId, { category: "question" });

    const after = await leadRow(r.leadId);
    expect(after.unsubscribed).toBe(false);
    const db = await getDb();
    const suppressed = await db
      .select()
      .from(emailSuppressions)
      .where(
        and(
          eq(emailSuppressions.organizationId, org.id),
          eq(emailSuppressions.email, after.email!),
        ),
      );
    expect(suppressed).toHaveLength(0);
    const activity = await db
      .select()
      .from(leadActivities)
      .where(and(eq(leadActivities.leadId, r.leadId), eq(leadActivities.type, "resubscribed")));
    expect(activity).toHaveLength(1);
  });

  it("an unsubscribe from a link stays when the reply's verdict is corrected", async () => {
    const r = await reply("Please remove me from your mailing list and stop emailing me.");
    const db = await getDb();
    const lead = await leadRow(r.leadId);
    await db
      .update(emailSuppressions)
      .set({ detail: "Unsubscribed (link)" })
      .where(
        and(eq(emailSuppressions.organizationId, org.id), eq(emailSuppressions.email, lead.email!)),
      );

    await correctClassification(org.ctx("owner"), r.messageId, { category: "other" });

    expect((await leadRow(r.leadId)).unsubscribed).toBe(true);
  });

  it("a temperature set by a category's effect survives rescoring, and a correction releases it", async () => {
    const r = await reply("hmm");
    await correctClassification(org.ctx("owner"), r.messageId, { category: "interested" });
    expect(await leadRow(r.leadId)).toMatchObject({
      temperature: "hot",
      temperatureOverride: "hot",
    });

    const db = await getDb();
    await rescoreLead(db, org.ctx("owner"), r.leadId, "test");
    expect((await leadRow(r.leadId)).temperature).toBe("hot");

    await correctClassification(org.ctx("owner"), r.messageId, { category: "not_interested" });
    const after = await leadRow(r.leadId);
    expect(after.temperatureOverride).toBeNull();
    await rescoreLead(db, org.ctx("owner"), r.leadId, "test");
    expect((await leadRow(r.leadId)).temperature).not.toBe("hot");
  });

  it("reclassifying a lead keeps a person's correction", async () => {
    const r = await reply("hmm");
    await correctClassification(org.ctx("owner"), r.messageId, { category: "meeting_request" });

    const result = await reclassifyLatestReply(org.ctx("owner"), r.leadId);

    expect(result).toMatchObject({
      classificationState: "corrected",
      classification: { category: "meeting_request" },
    });
  });
});
