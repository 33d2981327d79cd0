import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Ctx } from "@/lib/context";
import type { AnalyticsScope } from "../analytics-filters";
import { leadFilter, ts } from "../analytics-sql";
import { rollupDays, rollupFilter, rollupsCover } from "./rollup-sql";

/** How many times the scoped leads entered each status during the period. */
export interface StatusEntries {
  status: string;
  entries: number;
}

/** Counted from the status history (what a campaign filter needs; the rollup's reference). */
export async function statusEntriesFromHistory(
  ctx: Ctx,
  scope: AnalyticsScope,
): Promise<StatusEntries[]> {
  const { from, to } = scope.period;
  return queryRows(
    ctx.db,
    sql`select sc.to_status as status, count(*)::int as entries
          from lead_status_changes sc join leads l on l.id = sc.lead_id
         where sc.organization_id = ${ctx.orgId} and ${leadFilter(ctx, scope)}
           and sc.changed_at >= ${ts(from)} and sc.changed_at < ${ts(to)}
         group by 1`,
  );
}

/** Summed from lead_status_entry_rollups (per day, owner and source). */
export async function statusEntriesFromRollups(
  ctx: Ctx,
  scope: AnalyticsScope,
): Promise<StatusEntries[]> {
  const { from, to } = scope.period;
  return queryRows(
    ctx.db,
    sql`select r.status, sum(r.entries)::int as entries
          from lead_status_entry_rollups r
         where ${rollupFilter(ctx, scope)} and ${rollupDays(from, to)}
         group by 1
        having sum(r.entries) <> 0`,
  );
}

export function statusEntries(ctx: Ctx, scope: AnalyticsScope) {
  return rollupsCover(scope)
    ? statusEntriesFromRollups(ctx, scope)
    : statusEntriesFromHistory(ctx, scope);
}
