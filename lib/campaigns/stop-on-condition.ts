import { and, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { campaignRecipients, campaigns, LIVE_RECIPIENT_STATES } from "@/db/schema";
import { completeCampaignIfDone } from "./sequence/finish-recipient";
import { stopLeadSequences } from "./stop-sequences";

/**
 * End a lead's live sequences in the campaigns whose stop conditions include this event (a
 * reply, a bounce; both on unless a campaign turned them off), in the caller's transaction. A
 * reply also ends a sequence a rep holds (handing it back must not resume mail to someone who
 * answered), and a campaign a reply leaves without live recipients completes. Returns the
 * campaigns stopped for the lead.
 */
export async function stopSequencesOn(
  tx: Queryable,
  input: {
    organizationId: string;
    leadId: string;
    condition: "reply" | "bounce";
    state: "replied" | "bounced";
    reason: string;
    now?: Date;
  },
): Promise<string[]> {
  const states =
    input.condition === "reply"
      ? [...LIVE_RECIPIENT_STATES, "manual" as const]
      : [...LIVE_RECIPIENT_STATES];
  const live = await tx
    .selectDistinct({ campaignId: campaignRecipients.campaignId })
    .from(campaignRecipients)
    .innerJoin(
      campaigns,
      and(
        eq(campaigns.organizationId, campaignRecipients.organizationId),
        eq(campaigns.id, campaignRecipients.campaignId),
      ),
    )
    .where(
      and(
        eq(campaignRecipients.organizationId, input.organizationId),
        eq(campaignRecipients.leadId, input.leadId),
        inArray(campaignRecipients.state, states),
        sql`coalesce((${campaigns.stopConditions} ->> ${input.condition})::boolean, true)`,
      ),
    );
  for (const { campaignId } of live) {
    await stopLeadSequences(tx, {
      organizationId: input.organizationId,
      leadId: input.leadId,
      campaignId,
      state: input.state,
      reason: input.reason,
      from: states,
    });
    if (input.condition === "reply") {
      await completeCampaignIfDone(tx, input.organizationId, campaignId, input.now ?? new Date());
    }
  }
  return live.map((l) => l.campaignId);
}
