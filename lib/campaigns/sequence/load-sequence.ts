import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { campaignRecipients, campaigns, LIVE_RECIPIENT_STATES, leads } from "@/db/schema";
import { isValidTimeZone } from "../send-window";
import type { SequenceRef } from "./sequence-types";

export type CampaignRow = typeof campaigns.$inferSelect;
export type RecipientRow = typeof campaignRecipients.$inferSelect;
export type LeadRow = typeof leads.$inferSelect;

export interface LoadedSequence {
  campaign: CampaignRow | undefined;
  recipient: RecipientRow | undefined;
  lead: LeadRow | undefined;
}

/** A sequence whose campaign and recipient exist (what runEndReason returning null means). */
export interface RunnableSequence {
  campaign: CampaignRow;
  recipient: RecipientRow;
  lead: LeadRow | undefined;
}

/**
 * The campaign, recipient and lead of a run, scoped to its organization. With `lock`, the
 * recipient row is locked for the transaction so two runs of one recipient can't both send.
 */
export async function loadSequence(
  db: Queryable,
  ref: SequenceRef,
  options: { lock?: boolean } = {},
): Promise<LoadedSequence> {
  const recipientQuery = db
    .select()
    .from(campaignRecipients)
    .where(
      and(
        eq(campaignRecipients.organizationId, ref.organizationId),
        eq(campaignRecipients.campaignId, ref.campaignId),
        eq(campaignRecipients.id, ref.recipientId),
      ),
    )
    .limit(1);
  const [recipient] = options.lock ? await recipientQuery.for("update") : await recipientQuery;
  const [[campaign], [lead]] = await Promise.all([
    db
      .select()
      .from(campaigns)
      .where(
        and(eq(campaigns.organizationId, ref.organizationId), eq(campaigns.id, ref.campaignId)),
      )
      .limit(1),
    db
      .select()
      .from(leads)
      .where(and(eq(leads.organizationId, ref.organizationId), eq(leads.id, ref.leadId)))
      .limit(1),
  ]);
  return { campaign, recipient, lead };
}

/**
 * Why this run must end without touching the recipient: the campaign isn't running, or the
 * recipient has left the sequence or been restarted by a newer run. Null: carry on.
 */
export function runEndReason(loaded: LoadedSequence, ref: SequenceRef): string | null {
  const { campaign, recipient } = loaded;
  if (!campaign) return "campaign deleted";
  if (campaign.status !== "active") return `campaign ${campaign.status}`;
  if (!recipient) return "recipient removed";
  if (!(LIVE_RECIPIENT_STATES as readonly string[]).includes(recipient.state)) {
    return `recipient ${recipient.state}`;
  }
  if (recipient.generation !== ref.generation) return "superseded by a newer run";
  return null;
}

/** The zone the send window is read in: the lead's when asked for and valid, else the campaign's. */
export function sendTimeZone(campaign: CampaignRow, lead: LeadRow | undefined): string {
  if (campaign.useLeadTimezone && isValidTimeZone(lead?.timezone)) return lead!.timezone!;
  return isValidTimeZone(campaign.timezone) ? campaign.timezone : "UTC";
}

/**
 * Whether any recipient of the campaign may still be sent to — live, or held by a rep
 * (`manual`), who may hand it back: a campaign isn't completed under a rep's feet.
 */
export async function hasLiveRecipients(db: Queryable, orgId: string, campaignId: string) {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(campaignRecipients)
    .where(
      and(
        eq(campaignRecipients.organizationId, orgId),
        eq(campaignRecipients.campaignId, campaignId),
        sql`${campaignRecipients.state} in ('queued', 'active', 'manual')`,
      ),
    )
    .limit(1);
  return Boolean(row);
}
