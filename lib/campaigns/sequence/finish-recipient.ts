import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { campaignRecipients, campaigns, LIVE_RECIPIENT_STATES } from "@/db/schema";
import { stopLeadSequences } from "../stop-sequences";
import { hasLiveRecipients } from "./load-sequence";
import type { RecipientStop, SequenceRef } from "./sequence-types";

/**
 * An active campaign with no live recipient left is completed. The campaign row is locked first,
 * so of two recipients finishing at once the second sees the first's change and neither misses it.
 */
export async function completeCampaignIfDone(
  db: Queryable,
  orgId: string,
  campaignId: string,
  now: Date,
): Promise<boolean> {
  const [campaign] = await db
    .select({ status: campaigns.status })
    .from(campaigns)
    .where(and(eq(campaigns.organizationId, orgId), eq(campaigns.id, campaignId)))
    .for("update");
  if (campaign?.status !== "active") return false;
  if (await hasLiveRecipients(db, orgId, campaignId)) return false;
  await db
    .update(campaigns)
    .set({ status: "completed", finishedAt: now, updatedAt: now })
    .where(and(eq(campaigns.organizationId, orgId), eq(campaigns.id, campaignId)));
  return true;
}

/** Every step went out: the recipient is completed (and perhaps the campaign with it). */
export async function completeRecipient(db: Queryable, ref: SequenceRef, now: Date) {
  await db
    .update(campaignRecipients)
    .set({
      state: "completed",
      stateReason: "all steps sent",
      finishedAt: now,
      nextSendAt: null,
      updatedAt: now,
    })
    .where(
      and(
        eq(campaignRecipients.organizationId, ref.organizationId),
        eq(campaignRecipients.id, ref.recipientId),
        inArray(campaignRecipients.state, [...LIVE_RECIPIENT_STATES]),
      ),
    );
  await completeCampaignIfDone(db, ref.organizationId, ref.campaignId, now);
}

/** End the lead's sequence in this campaign early (cancelling its run), then maybe the campaign. */
export async function stopRecipient(
  db: Queryable,
  ref: SequenceRef,
  stop: RecipientStop,
  now: Date,
) {
  await stopLeadSequences(db, {
    organizationId: ref.organizationId,
    leadId: ref.leadId,
    campaignId: ref.campaignId,
    state: stop.state,
    reason: stop.reason,
  });
  await completeCampaignIfDone(db, ref.organizationId, ref.campaignId, now);
}
