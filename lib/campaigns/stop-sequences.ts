import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { campaignRecipients, LIVE_RECIPIENT_STATES, type RecipientState } from "@/db/schema";
import { recipientSequenceStopped } from "@/inngest/events";
import { enqueueEvent } from "@/lib/jobs/outbox";

/**
 * End every live sequence of one lead (or only its sequence in one campaign): the recipients take
 * the given state at once, so no later step is sent even before the running function is cancelled,
 * and a cancel event is queued for each. Inside the caller's transaction. Returns how many stopped.
 */
export async function stopLeadSequences(
  db: Queryable,
  input: {
    organizationId: string;
    leadId: string;
    state: Exclude<RecipientState, "queued" | "active">;
    reason: string;
    campaignId?: string;
    /** The states ended; the live ones unless told (a reply also ends a sequence a rep holds). */
    from?: readonly RecipientState[];
  },
): Promise<number> {
  const stopped = await db
    .update(campaignRecipients)
    .set({
      state: input.state,
      stateReason: input.reason,
      finishedAt: new Date(),
      nextSendAt: null,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(campaignRecipients.organizationId, input.organizationId),
        eq(campaignRecipients.leadId, input.leadId),
        inArray(campaignRecipients.state, [...(input.from ?? LIVE_RECIPIENT_STATES)]),
        input.campaignId ? eq(campaignRecipients.campaignId, input.campaignId) : undefined,
      ),
    )
    .returning({ id: campaignRecipients.id, campaignId: campaignRecipients.campaignId });
  await cancelSequenceRuns(db, input, stopped);
  return stopped.length;
}

/** Queue the cancel event for each recipient whose sequence just ended or was held. */
export async function cancelSequenceRuns(
  db: Queryable,
  lead: { organizationId: string; leadId: string },
  recipients: { id: string; campaignId: string }[],
) {
  for (const r of recipients) {
    await enqueueEvent(
      db,
      recipientSequenceStopped,
      {
        organizationId: lead.organizationId,
        campaignId: r.campaignId,
        recipientId: r.id,
        leadId: lead.leadId,
      },
      { organizationId: lead.organizationId },
    );
  }
}
