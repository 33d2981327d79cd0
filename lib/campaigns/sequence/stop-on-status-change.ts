import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { queryRows } from "@/db/client";
import { leadOptions } from "@/db/schema";
import { stopLeadSequences } from "../stop-sequences";
import { completeCampaignIfDone } from "./finish-recipient";

/**
 * A lead moved to a status: if that status is a won or lost outcome, end its sequences in every
 * campaign that stops on that outcome (state `completed`, reason "status <slug>").
 */
export async function stopSequencesForStatus(
  db: Database,
  input: { organizationId: string; leadId: string; to: string; now?: Date },
): Promise<{ stopped: number }> {
  const now = input.now ?? new Date();
  const [option] = await db
    .select({ category: leadOptions.category })
    .from(leadOptions)
    .where(
      and(
        eq(leadOptions.organizationId, input.organizationId),
        eq(leadOptions.kind, "status"),
        eq(leadOptions.value, input.to),
      ),
    )
    .limit(1);
  const category = option?.category;
  if (category !== "won" && category !== "lost") return { stopped: 0 };
  return db.transaction(async (tx) => {
    const affected = await queryRows<{ campaign_id: string }>(
      tx,
      sql`select distinct r.campaign_id from campaign_recipients r
            join campaigns c on c.organization_id = r.organization_id and c.id = r.campaign_id
           where r.organization_id = ${input.organizationId} and r.lead_id = ${input.leadId}
             and r.state in ('queued', 'active')
             and (c.stop_conditions -> 'statusCategories') @> ${JSON.stringify([category])}::jsonb`,
    );
    let stopped = 0;
    for (const { campaign_id: campaignId } of affected) {
      stopped += await stopLeadSequences(tx, {
        organizationId: input.organizationId,
        leadId: input.leadId,
        campaignId,
        state: "completed",
        reason: `status ${input.to}`,
      });
      await completeCampaignIfDone(tx, input.organizationId, campaignId, now);
    }
    return { stopped };
  });
}
