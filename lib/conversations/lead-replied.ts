import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { emailEvents, emailMessages, leads } from "@/db/schema";
import { leadReplied } from "@/inngest/events";
import { stopSequencesOn } from "@/lib/campaigns/stop-on-condition";
import { SYSTEM_ACTOR } from "@/lib/context";
import { enqueueEvent } from "@/lib/jobs/outbox";
import { recordActivity } from "@/lib/leads/activity";
import { createNotification } from "@/lib/notifications/notifications";
import { withoutNul } from "./without-nul";

export interface LeadReply {
  organizationId: string;
  leadId: string;
  /** The conversation message the reply was recorded as. */
  messageId: string;
  /** The email it answers, when the thread told us; else the latest campaign email to the lead. */
  repliedToEmailId?: string | null;
  channel: string;
  preview: string;
  at?: Date;
}

/** The email a reply answers: the one named, or the last campaign mail the lead was sent. */
async function answeredEmail(tx: Queryable, reply: LeadReply) {
  const [row] = await tx
    .select({ id: emailMessages.id, campaignId: emailMessages.campaignId })
    .from(emailMessages)
    .where(
      and(
        eq(emailMessages.organizationId, reply.organizationId),
        eq(emailMessages.leadId, reply.leadId),
        reply.repliedToEmailId
          ? eq(emailMessages.id, reply.repliedToEmailId)
          : eq(emailMessages.kind, "campaign"),
      ),
    )
    .orderBy(desc(emailMessages.createdAt))
    .limit(1);
  return row;
}

/**
 * What a human reply does, in the caller's transaction: every sequence of the lead whose
 * campaign stops on a reply ends as `replied`; the email answered is marked replied (once — the
 * stats count it); the lead was last in touch now; the owner hears of it; and `lead/replied` goes
 * out so runs waiting for it wake up. Automatic mail never comes here.
 */
export async function handleLeadReply(tx: Queryable, received: LeadReply) {
  const reply = withoutNul(received);
  const at = reply.at ?? new Date();
  const stopped = await stopSequencesOn(tx, {
    organizationId: reply.organizationId,
    leadId: reply.leadId,
    condition: "reply",
    state: "replied",
    reason: "The lead replied",
    now: at,
  });
  const answered = await answeredEmail(tx, reply);
  if (answered) {
    const marked = await tx
      .update(emailMessages)
      .set({ repliedAt: at })
      .where(
        and(
          eq(emailMessages.organizationId, reply.organizationId),
          eq(emailMessages.id, answered.id),
          isNull(emailMessages.repliedAt),
        ),
      )
      .returning({ id: emailMessages.id });
    if (marked.length) {
      await tx.insert(emailEvents).values({
        organizationId: reply.organizationId,
        messageId: answered.id,
        campaignId: answered.campaignId,
        leadId: reply.leadId,
        type: "replied",
        detail: reply.messageId,
        occurredAt: at,
      });
    }
  }
  const [lead] = await tx
    .update(leads)
    .set({
      lastContactedAt: sql`greatest(${leads.lastContactedAt}, ${at.toISOString()}::timestamptz)`,
    })
    .where(and(eq(leads.organizationId, reply.organizationId), eq(leads.id, reply.leadId)))
    .returning({ ownerId: leads.ownerId, name: leads.displayName });
  await recordActivity(
    tx,
    { orgId: reply.organizationId, actor: SYSTEM_ACTOR },
    reply.leadId,
    "message_received",
    {
      messageId: reply.messageId,
      channel: reply.channel,
      preview: reply.preview.slice(0, 200),
      campaignId: answered?.campaignId ?? null,
      stoppedCampaignIds: stopped,
    },
    at,
  );
  if (lead?.ownerId) {
    await createNotification(tx, {
      organizationId: reply.organizationId,
      userId: lead.ownerId,
      type: "lead_replied",
      title: `${lead.name} replied`,
      body: reply.preview.slice(0, 200),
      link: `/conversations?lead=${reply.leadId}`,
      data: { leadId: reply.leadId, messageId: reply.messageId },
      dedupeKey: `reply:${reply.messageId}`,
    });
  }
  await enqueueEvent(
    tx,
    leadReplied,
    {
      organizationId: reply.organizationId,
      leadId: reply.leadId,
      messageId: answered?.id ?? null,
    },
    { organizationId: reply.organizationId },
  );
  return { stoppedCampaignIds: stopped, repliedToEmailId: answered?.id ?? null };
}
