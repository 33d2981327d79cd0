import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  campaignRecipients,
  campaigns,
  emailEvents,
  emailMessages,
  emailSuppressions,
  leadActivities,
  leads,
  type StopConditions,
} from "@/db/schema";
import { newId } from "@/lib/crypto/ids";
import { createLead } from "@/lib/leads/create-lead";
import { createMailbox } from "@/lib/mailboxes/mailboxes";
import { suppressEmail } from "@/lib/suppressions/suppressions";
import type { TrackingClaims } from "@/lib/tracking/tracking-tokens";
import type { TestOrg } from "./fixtures";
import type { OperationFixture, PreparedCall } from "./operation-fixtures";

/** How to call the suppression routes (see OPERATION_FIXTURES). */
async function suppressionOf(org: TestOrg): Promise<PreparedCall> {
  const made = await suppressEmail(await getDb(), {
    organizationId: org.id,
    email: `suppressed-${newId().slice(-12)}@example.test`,
    reason: "manual",
  });
  return { params: { id: made.id } };
}

const suppressionState = async (_org: TestOrg, call: PreparedCall) =>
  (await getDb())
    .select()
    .from(emailSuppressions)
    .where(eq(emailSuppressions.id, call.params!.id!));

export const TRACKING_FIXTURES: Record<string, OperationFixture> = {
  "POST /api/v1/suppressions": {
    prepare: async () => ({ body: { email: `manual-${newId().slice(-12)}@example.test` } }),
  },
  "DELETE /api/v1/suppressions/{id}": { prepare: suppressionOf, snapshot: suppressionState },
};

export interface SentMessage extends TrackingClaims {
  campaignId: string;
  mailboxId: string;
  recipientId: string;
  email: string;
  providerMessageId: string;
}

/**
 * A lead in an active campaign, with one campaign message already sent to it through a mailbox
 * of its own — the state tracking, unsubscribe and webhooks act on. Built with the real lead and
 * mailbox functions; the campaign rows are written as the sequence engine would leave them.
 */
export async function sentCampaignMessage(
  org: TestOrg,
  options: {
    sentAt?: Date;
    stopConditions?: StopConditions;
    campaignId?: string;
    mailboxId?: string;
  } = {},
): Promise<SentMessage> {
  const db = await getDb();
  const ctx = org.ctx("owner");
  const email = `lead-${newId().slice(-12)}@example.test`;
  const lead = await createLead(ctx, { firstName: "Tracked", email, ownerId: null });
  const mailboxId =
    options.mailboxId ??
    (await createMailbox(ctx, {
      name: `Tracking ${newId().slice(-6)}`,
      fromName: "Sales",
      fromAddress: `sales-${newId().slice(-12)}@example.test`,
    }))!.id;
  let campaignId = options.campaignId;
  if (!campaignId) {
    const [campaign] = await db
      .insert(campaigns)
      .values({
        organizationId: org.id,
        name: `Campaign ${newId().slice(-6)}`,
        status: "active",
        ownerId: org.members.rep.id,
        createdBy: org.members.owner.id,
        mailboxIds: [mailboxId],
        launchedAt: new Date(),
        ...(options.stopConditions ? { stopConditions: options.stopConditions } : {}),
      })
      .returning({ id: campaigns.id });
    campaignId = campaign!.id;
  }
  const [recipient] = await db
    .insert(campaignRecipients)
    .values({
      organizationId: org.id,
      campaignId,
      leadId: lead.id,
      state: "active",
      nextStepIndex: 1,
      mailboxId,
    })
    .returning({ id: campaignRecipients.id });
  const providerMessageId = `re_${newId()}`;
  const [message] = await db
    .insert(emailMessages)
    .values({
      organizationId: org.id,
      kind: "campaign",
      fromAddress: "sales@example.test",
      toAddress: email,
      subject: "Hello",
      html: "<p>Hello</p>",
      transport: "resend",
      mailboxId,
      providerMessageId,
      status: "sent",
      sentAt: options.sentAt ?? new Date(Date.now() - 60 * 60_000),
      leadId: lead.id,
      campaignId,
      recipientId: recipient!.id,
      stepId: "step-1",
      stepIndex: 0,
    })
    .returning({ id: emailMessages.id });
  return {
    organizationId: org.id,
    leadId: lead.id,
    messageId: message!.id,
    campaignId,
    mailboxId,
    recipientId: recipient!.id,
    email,
    providerMessageId,
  };
}

/** Everything a sent message's tracking, unsubscribe or webhook can change, read back for asserts. */
export async function sentMessageState(sent: SentMessage) {
  const db = await getDb();
  const [message] = await db
    .select()
    .from(emailMessages)
    .where(eq(emailMessages.id, sent.messageId));
  const [lead] = await db.select().from(leads).where(eq(leads.id, sent.leadId));
  const events = await db
    .select()
    .from(emailEvents)
    .where(eq(emailEvents.messageId, sent.messageId));
  const suppressions = await db
    .select()
    .from(emailSuppressions)
    .where(
      and(
        eq(emailSuppressions.organizationId, sent.organizationId),
        eq(emailSuppressions.email, sent.email),
      ),
    );
  const recipients = await db
    .select()
    .from(campaignRecipients)
    .where(eq(campaignRecipients.leadId, sent.leadId));
  const activities = await db
    .select()
    .from(leadActivities)
    .where(eq(leadActivities.leadId, sent.leadId));
  return { message: message!, lead: lead!, events, suppressions, recipients, activities };
}
