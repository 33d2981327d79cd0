import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { campaignRecipients, emailEvents, leads } from "@/db/schema";
import { systemCtx } from "@/lib/context";
import { recordActivity } from "@/lib/leads/activity";
import type { Database } from "@/db/client";
import type { CampaignRow, RecipientRow } from "./load-sequence";

/**
 * What one sent step changes, in the send's transaction: the recipient moves on to the next step
 * (keeping its mailbox and variant), the lead was contacted, the message's `sent` event, and an
 * entry on the lead's timeline.
 */
export async function recordStepSent(
  db: Queryable,
  input: {
    campaign: CampaignRow;
    recipient: RecipientRow;
    stepIndex: number;
    stepId: string;
    variantId: string;
    mailboxId: string;
    messageId: string;
    subject: string;
    now: Date;
    /** False when the message already existed (a repeat): only the recipient catches up. */
    firstTime: boolean;
  },
): Promise<void> {
  const { campaign, recipient, now } = input;
  const org = campaign.organizationId;
  await db
    .update(campaignRecipients)
    .set({
      state: "active",
      stateReason: null,
      nextStepIndex: input.stepIndex + 1,
      lastSentAt: now,
      lastMessageId: input.messageId,
      mailboxId: input.mailboxId,
      variants: { ...recipient.variants, [input.stepId]: input.variantId },
      nextSendAt: null,
      updatedAt: now,
    })
    .where(
      and(eq(campaignRecipients.organizationId, org), eq(campaignRecipients.id, recipient.id)),
    );
  if (!input.firstTime) return;
  await db
    .update(leads)
    .set({ lastContactedAt: now })
    .where(and(eq(leads.organizationId, org), eq(leads.id, recipient.leadId)));
  await db.insert(emailEvents).values({
    organizationId: org,
    messageId: input.messageId,
    campaignId: campaign.id,
    leadId: recipient.leadId,
    type: "sent",
    detail: `step ${input.stepIndex + 1}`,
    occurredAt: now,
  });
  await recordActivity(
    db,
    systemCtx(db as Database, org),
    recipient.leadId,
    "campaign_email_sent",
    {
      campaignId: campaign.id,
      campaignName: campaign.name,
      stepIndex: input.stepIndex,
      stepNumber: input.stepIndex + 1,
      subject: input.subject,
      messageId: input.messageId,
    },
    now,
  );
}
