import { and, eq, gte, sql } from "drizzle-orm";
import type { Database, Queryable } from "@/db/client";
import {
  campaignRecipients,
  campaigns,
  conversationMessages,
  emailEvents,
  emailMessages,
  leads,
} from "@/db/schema";
import { emailQueued, emailSoftBounced } from "@/inngest/events";
import { enqueueEvent } from "@/lib/jobs/outbox";
import { findSuppression } from "@/lib/suppressions/suppressions";

/**
 * Soft bounces (mailbox full, greylisting, a server down for a while) often clear up by
 * themselves, and Resend doesn't retry once it reports one. So Leadline sends the message again
 * itself: after SOFT_BOUNCE_RESEND_DELAY_HOURS[0] hours, and if that bounces softly too, once more
 * after the second delay. Each attempt goes to the provider under a key of its own
 * (`{id}.r{n}`, see providerKey), while the message stays one row — counted once in the stats.
 */

/** Hours to wait after a soft bounce before resend 1, resend 2, … (their count is the maximum). */
export const SOFT_BOUNCE_RESEND_DELAY_HOURS = [4, 12] as const;
export const MAX_SOFT_BOUNCE_RESENDS = SOFT_BOUNCE_RESEND_DELAY_HOURS.length;

/** Only mail to a lead is worth trying again; system mail has its own flows (reset links expire). */
const RESENDABLE_KINDS = ["campaign", "manual"] as const;
/** A message that bounced hard, drew a complaint or was refused for good is never sent again. */
const RESENDABLE_STATUSES = ["sent", "delivered"] as const;
/** A campaign recipient in one of these has left its sequence: nothing of it is sent again. */
const ENDED_RECIPIENT_STATES = ["replied", "bounced", "unsubscribed", "removed", "manual"];

/** How long resend `attempt` (1-based) waits, as an Inngest duration. */
export function softBounceResendDelay(attempt: number): string {
  const hours =
    SOFT_BOUNCE_RESEND_DELAY_HOURS[Math.min(attempt, MAX_SOFT_BOUNCE_RESENDS) - 1] ??
    SOFT_BOUNCE_RESEND_DELAY_HOURS[0];
  return `${hours}h`;
}

interface MessageRef {
  organizationId: string;
  messageId: string;
}

/**
 * After a soft bounce, inside the transaction that records it: queue the next resend of the
 * message when it is campaign or manual mail and resends remain. Returns the attempt scheduled,
 * or null. Whether the resend is still appropriate is decided when it is due (resendSoftBounced).
 */
export async function scheduleSoftBounceResend(
  tx: Queryable,
  ref: MessageRef,
): Promise<number | null> {
  const [message] = await tx
    .select({ kind: emailMessages.kind, resendAttempts: emailMessages.resendAttempts })
    .from(emailMessages)
    .where(
      and(
        eq(emailMessages.organizationId, ref.organizationId),
        eq(emailMessages.id, ref.messageId),
      ),
    )
    .limit(1);
  if (!message) return null;
  if (!(RESENDABLE_KINDS as readonly string[]).includes(message.kind)) return null;
  if (message.resendAttempts >= MAX_SOFT_BOUNCE_RESENDS) return null;
  const attempt = message.resendAttempts + 1;
  await enqueueEvent(
    tx,
    emailSoftBounced,
    { organizationId: ref.organizationId, messageId: ref.messageId, attempt },
    { organizationId: ref.organizationId },
  );
  return attempt;
}

type Message = typeof emailMessages.$inferSelect;

/** Whether the lead answered since the message went out (then it evidently got through). */
async function repliedSince(tx: Queryable, message: Message): Promise<boolean> {
  if (message.repliedAt) return true;
  if (!message.leadId) return false;
  const [reply] = await tx
    .select({ id: conversationMessages.id })
    .from(conversationMessages)
    .where(
      and(
        eq(conversationMessages.organizationId, message.organizationId!),
        eq(conversationMessages.leadId, message.leadId),
        eq(conversationMessages.direction, "inbound"),
        eq(conversationMessages.inboundKind, "human_reply"),
        gte(conversationMessages.occurredAt, message.createdAt),
      ),
    )
    .limit(1);
  return Boolean(reply);
}

/** Why the lead or the campaign rules the resend out now, or null when it may go. */
async function campaignOrLeadReason(tx: Queryable, message: Message): Promise<string | null> {
  const org = message.organizationId!;
  if (message.leadId) {
    const [lead] = await tx
      .select({
        deletedAt: leads.deletedAt,
        doNotContact: leads.doNotContact,
        unsubscribed: leads.unsubscribed,
      })
      .from(leads)
      .where(and(eq(leads.organizationId, org), eq(leads.id, message.leadId)))
      .limit(1);
    if (!lead || lead.deletedAt) return "lead deleted";
    if (lead.doNotContact) return "do not contact";
    if (lead.unsubscribed) return "unsubscribed";
  }
  if (message.kind !== "campaign" || !message.campaignId) return null;
  const [campaign] = await tx
    .select({ status: campaigns.status })
    .from(campaigns)
    .where(and(eq(campaigns.organizationId, org), eq(campaigns.id, message.campaignId)))
    .limit(1);
  if (!campaign) return "campaign deleted";
  if (campaign.status === "stopped") return "campaign stopped";
  if (message.recipientId) {
    const [recipient] = await tx
      .select({ state: campaignRecipients.state })
      .from(campaignRecipients)
      .where(
        and(
          eq(campaignRecipients.organizationId, org),
          eq(campaignRecipients.id, message.recipientId),
        ),
      )
      .limit(1);
    if (!recipient) return "recipient removed";
    if (ENDED_RECIPIENT_STATES.includes(recipient.state)) return `recipient ${recipient.state}`;
  }
  return null;
}

export type SoftBounceResendResult =
  { resent: true; attempt: number } | { resent: false; reason: string };

/**
 * Resend `attempt` of a soft-bounced message, if it is still appropriate: the message is still
 * sent/delivered (not bounced hard, complained or failed since), this attempt hasn't been made,
 * nobody replied, the address isn't suppressed, the lead may still be mailed and — for campaign
 * mail — its sequence hasn't ended and the campaign isn't stopped. Then the same row is queued
 * again (its next provider key comes from resend_attempts) and `email/queued` goes out as
 * queueEmail does. Safe to run twice: the second finds the attempt already made.
 */
export async function resendSoftBounced(
  db: Database,
  input: MessageRef & { attempt: number; now?: Date },
): Promise<SoftBounceResendResult> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx): Promise<SoftBounceResendResult> => {
    const [message] = await tx
      .select()
      .from(emailMessages)
      .where(
        and(
          eq(emailMessages.organizationId, input.organizationId),
          eq(emailMessages.id, input.messageId),
        ),
      )
      .for("update");
    const skip = (reason: string) => ({ resent: false as const, reason });
    if (!message) return skip("message not found");
    if (input.attempt > MAX_SOFT_BOUNCE_RESENDS) return skip("no resends left");
    if (message.resendAttempts !== input.attempt - 1) return skip("attempt already made");
    if (!(RESENDABLE_KINDS as readonly string[]).includes(message.kind)) {
      return skip(`${message.kind} mail is not resent`);
    }
    if (!(RESENDABLE_STATUSES as readonly string[]).includes(message.status)) {
      return skip(`message ${message.status}`);
    }
    if (await repliedSince(tx, message)) return skip("replied");
    const suppressed = await findSuppression(tx, input.organizationId, message.toAddress);
    if (suppressed) return skip(`suppressed (${suppressed.reason})`);
    const ruledOut = await campaignOrLeadReason(tx, message);
    if (ruledOut) return skip(ruledOut);

    // sent_at stays: the message was sent (and is counted) once, whatever happens to the resend.
    await tx
      .update(emailMessages)
      .set({
        status: "queued",
        resendAttempts: sql`${emailMessages.resendAttempts} + 1`,
        providerMessageId: null,
        error: null,
        updatedAt: now,
      })
      .where(
        and(
          eq(emailMessages.organizationId, input.organizationId),
          eq(emailMessages.id, message.id),
        ),
      );
    // The message's history shows the resend; no stats count `sent` events (they read sent_at).
    await tx.insert(emailEvents).values({
      organizationId: input.organizationId,
      messageId: message.id,
      campaignId: message.campaignId,
      leadId: message.leadId,
      type: "sent",
      detail: `resend ${input.attempt} after a soft bounce`,
      occurredAt: now,
    });
    await enqueueEvent(
      tx,
      emailQueued,
      {
        emailMessageId: message.id,
        organizationId: input.organizationId,
        mailboxId: message.mailboxId,
        transport: message.transport,
      },
      { organizationId: input.organizationId },
    );
    return { resent: true, attempt: input.attempt };
  });
}
