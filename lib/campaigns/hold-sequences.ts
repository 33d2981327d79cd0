import { and, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { campaignRecipients, campaigns, LIVE_RECIPIENT_STATES } from "@/db/schema";
import { recipientSequenceStarted } from "@/inngest/events";
import { enqueueEvent } from "@/lib/jobs/outbox";
import { cancelSequenceRuns } from "./stop-sequences";

/**
 * Taking a lead over and handing them back (seed 001: manual override / cede to AI). While a rep
 * holds the lead, their sequences are in state `manual`: no automated step goes out (runs end by
 * themselves on their next look at the recipient, and a cancel event ends them sooner). Handing
 * back continues each sequence at the step it had reached — nothing re-sent, nothing skipped.
 */

interface LeadScope {
  organizationId: string;
  leadId: string;
  /** Only the lead's sequence in this campaign; otherwise all of them. */
  campaignId?: string;
}

/**
 * A rep takes the lead over: every live sequence of the lead (or only the one in `campaignId`)
 * goes to `manual` with the reason, and each running sequence run is cancelled. Inside the
 * caller's transaction; returns how many were held.
 */
export async function holdLeadSequences(
  db: Queryable,
  input: LeadScope & { reason: string },
): Promise<number> {
  const held = await db
    .update(campaignRecipients)
    .set({ state: "manual", stateReason: input.reason, nextSendAt: null, updatedAt: new Date() })
    .where(
      and(
        eq(campaignRecipients.organizationId, input.organizationId),
        eq(campaignRecipients.leadId, input.leadId),
        inArray(campaignRecipients.state, [...LIVE_RECIPIENT_STATES]),
        input.campaignId ? eq(campaignRecipients.campaignId, input.campaignId) : undefined,
      ),
    )
    .returning({ id: campaignRecipients.id, campaignId: campaignRecipients.campaignId });
  await cancelSequenceRuns(db, input, held);
  return held.length;
}

/**
 * What a held sequence goes back to, by its campaign's status: an active campaign's continues at
 * once; a paused campaign's waits for the resume (whose fan-out restarts active recipients); a
 * campaign not yet launched starts it with the others (its launch starts queued recipients).
 * Sequences of a stopped or completed campaign stay as they are: there is nothing to go back to.
 */
const BACK_TO = {
  active: "active",
  paused: "active",
  draft: "queued",
  scheduled: "queued",
} as const;
const backTo = sql.join(
  Object.entries(BACK_TO).map(([status, state]) => sql`when ${status} then ${state}`),
  sql` `,
);

/**
 * The rep hands the lead back: each of its held sequences (or only the one in `campaignId`)
 * leaves `manual` as above, with its generation bumped, and in an active campaign its run starts
 * again at `next_step_index` with a `campaign/recipient.started` of the new generation. Inside
 * the caller's transaction; returns how many were handed back.
 */
export async function resumeHeldSequences(db: Queryable, input: LeadScope): Promise<number> {
  const statuses = Object.keys(BACK_TO) as (keyof typeof BACK_TO)[];
  const held = and(
    eq(campaignRecipients.organizationId, input.organizationId),
    eq(campaignRecipients.leadId, input.leadId),
    eq(campaignRecipients.state, "manual"),
    input.campaignId ? eq(campaignRecipients.campaignId, input.campaignId) : undefined,
  );
  // Holding the campaigns' rows keeps a concurrent pause/resume (which locks them to change
  // status) from slipping between reading the status here and the state written below: a
  // resume's fan-out then sees these recipients active, or this sees the campaign active.
  await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .innerJoin(
      campaignRecipients,
      and(
        eq(campaignRecipients.organizationId, campaigns.organizationId),
        eq(campaignRecipients.campaignId, campaigns.id),
      ),
    )
    .where(held)
    .for("share", { of: campaigns });
  const resumed = await db
    .update(campaignRecipients)
    .set({
      state: sql`case ${campaigns.status} ${backTo} end`,
      stateReason: null,
      generation: sql`${campaignRecipients.generation} + 1`,
      updatedAt: new Date(),
    })
    .from(campaigns)
    .where(
      and(
        held,
        eq(campaigns.organizationId, campaignRecipients.organizationId),
        eq(campaigns.id, campaignRecipients.campaignId),
        inArray(campaigns.status, statuses),
      ),
    )
    .returning({
      id: campaignRecipients.id,
      campaignId: campaignRecipients.campaignId,
      generation: campaignRecipients.generation,
      campaignStatus: campaigns.status,
    });
  for (const r of resumed) {
    if (r.campaignStatus !== "active") continue;
    await enqueueEvent(
      db,
      recipientSequenceStarted,
      {
        organizationId: input.organizationId,
        campaignId: r.campaignId,
        recipientId: r.id,
        leadId: input.leadId,
        generation: r.generation,
      },
      { organizationId: input.organizationId },
    );
  }
  return resumed.length;
}
