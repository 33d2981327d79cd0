import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Ctx } from "@/lib/context";
import type { AnalyticsScope } from "../analytics-filters";
import { leadFilter, ts } from "../analytics-sql";

/** Leads created in the period per current status and set of statuses ever reached. */
export interface CohortGroup {
  status: string;
  reached: string[];
  leads: number;
}

/**
 * The period's new leads grouped by current status and reached statuses: one index-only scan
 * (leads_org_created_idx carries both) that a funnel, its won/lost totals and the status breakdown
 * all fold in TypeScript — a handful of distinct groups, not a row per lead.
 */
export async function cohortGroups(ctx: Ctx, scope: AnalyticsScope): Promise<CohortGroup[]> {
  const { from, to } = scope.period;
  return queryRows<CohortGroup>(
    ctx.db,
    sql`select l.status, l.reached_statuses as reached, count(*)::int as leads
          from leads l
         where ${leadFilter(ctx, scope)} and l.created_at >= ${ts(from)} and l.created_at < ${ts(to)}
         group by 1, 2`,
  );
}

/**
 * Median seconds spent in each status by the period's new leads: from entering a status to the
 * lead's next status change (the status it is in now doesn't count). Read from the leads'
 * status_path / status_path_seconds (their history in order and the seconds between entries, kept
 * by triggers): an index-only scan (leads_org_created_stages_idx) with no window over
 * lead_status_changes. The arrays are unnested in the select list, which zips them (the path is
 * one longer: its last status is still open) without a function scan per lead.
 */
export async function timeInStage(
  ctx: Ctx,
  scope: AnalyticsScope,
): Promise<{ status: string; median: number }[]> {
  const { from, to } = scope.period;
  return queryRows(
    ctx.db,
    sql`select p.status, (percentile_cont(0.5) within group (order by p.seconds))::float8 as median
          from (select unnest(l.status_path) as status, unnest(l.status_path_seconds) as seconds
                  from leads l
                 where ${leadFilter(ctx, scope)} and l.created_at >= ${ts(from)}
                   and l.created_at < ${ts(to)}) p
         where p.seconds is not null
         group by p.status`,
  );
}
