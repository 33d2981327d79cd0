import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { CampaignStep } from "@/db/schema";
import { inList } from "@/lib/analytics/analytics-sql";
import type { Ctx } from "@/lib/context";

/** Names and steps (variant labels) of the campaigns a report's rows mention. */
export async function campaignStepsOf(
  ctx: Ctx,
  ids: string[],
): Promise<{ id: string; name: string; steps: CampaignStep[] }[]> {
  if (!ids.length) return [];
  return queryRows(
    ctx.db,
    sql`select id, name, steps from campaigns
         where organization_id = ${ctx.orgId} and id in ${inList(ids)}`,
  );
}
