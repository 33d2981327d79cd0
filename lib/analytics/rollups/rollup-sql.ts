import { sql, type SQL } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Ctx } from "@/lib/context";
import type { AnalyticsInterval, AnalyticsScope } from "../analytics-filters";
import { UNASSIGNED_KEY } from "@/lib/leads/lead-counts";
import { inList } from "../analytics-sql";

/** The daily facts kept per lead (db/migrations/0029_analytics_rollup_triggers.sql). */
export type RollupMetric = "created" | "contacted" | "replied" | "qualified" | "won" | "lost";

/**
 * Whether a scope can be answered from the rollups: they are keyed by owner and source, not by
 * campaign, so a campaign filter reads the leads themselves.
 */
export function rollupsCover(scope: AnalyticsScope): boolean {
  return scope.campaignId === null;
}

/**
 * The analytics scope (organization, owners, sources) on a rollup table alias. The nil UUID is the
 * rollups' key for leads without an owner (or mail whose lead is gone) and the scope's "nobody"
 * placeholder: in an owner filter it matches nothing, as `l.owner_id in (…)` matches no
 * unassigned lead. Mail whose lead is gone matches no source filter either.
 */
export function rollupFilter(ctx: Ctx, scope: AnalyticsScope, alias = "r"): SQL {
  const a = sql.raw(alias);
  const parts: SQL[] = [sql`${a}.organization_id = ${ctx.orgId}`];
  if (scope.ownerIds) {
    const owners = scope.ownerIds.filter((id) => id !== UNASSIGNED_KEY);
    parts.push(owners.length ? sql`${a}.owner_key in ${inList(owners)}` : sql`false`);
  }
  if (scope.sources) parts.push(sql`${a}.source in ${inList(scope.sources)}`);
  return sql.join(parts, sql` and `);
}

function dayText(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `r.day` within [from, to) — the analytics period's UTC days. */
export function rollupDays(from: Date, to: Date, alias = "r"): SQL {
  const a = sql.raw(alias);
  return sql`${a}.day >= ${dayText(from)}::date and ${a}.day < ${dayText(to)}::date`;
}

export interface RollupTotal {
  metric: RollupMetric;
  /** Kept on "created" rows only ("" on the others). */
  outcome: "open" | "won" | "lost" | "";
  /** Kept on "won" rows only; null: no deal currency (the organization's), or another metric. */
  currency: string | null;
  leads: number;
  valued: number;
  amount: number;
}

/** Sums of the daily rollups over [from, to), per metric, outcome and deal currency. */
export async function rollupTotals(
  ctx: Ctx,
  scope: AnalyticsScope,
  from: Date,
  to: Date,
  metrics: RollupMetric[],
  groupBy: "source" | null = null,
): Promise<(RollupTotal & { source: string | null })[]> {
  const by = groupBy ? sql`nullif(r.source, '')` : sql`null::text`;
  return queryRows(
    ctx.db,
    sql`select r.metric, r.outcome, nullif(r.currency, '') as currency, ${by} as source,
               sum(r.leads)::int as leads, sum(r.valued)::int as valued,
               sum(r.amount)::float8 as amount
          from lead_daily_rollups r
         where ${rollupFilter(ctx, scope)} and r.metric in ${inList(metrics)}
           and ${rollupDays(from, to)}
         group by 1, 2, 3, 4`,
  );
}

/** Leads per metric per time bucket of [from, to) (bucket = its first day, YYYY-MM-DD). */
export async function rollupSeries(
  ctx: Ctx,
  scope: AnalyticsScope,
  from: Date,
  to: Date,
  interval: AnalyticsInterval,
  metrics: RollupMetric[],
): Promise<{ bucket: string; metric: RollupMetric; leads: number }[]> {
  return queryRows(
    ctx.db,
    sql`select to_char(date_trunc('${sql.raw(interval)}', r.day)::date, 'YYYY-MM-DD') as bucket,
               r.metric, sum(r.leads)::int as leads
          from lead_daily_rollups r
         where ${rollupFilter(ctx, scope)} and r.metric in ${inList(metrics)}
           and ${rollupDays(from, to)}
         group by 1, 2`,
  );
}

/** Live leads now per status and deal currency (lead_status_rollups). */
export async function statusTotals(
  ctx: Ctx,
  scope: AnalyticsScope,
): Promise<{ status: string; currency: string | null; leads: number; amount: number }[]> {
  return queryRows(
    ctx.db,
    sql`select r.status, nullif(r.currency, '') as currency, sum(r.leads)::int as leads,
               sum(r.amount)::float8 as amount
          from lead_status_rollups r
         where ${rollupFilter(ctx, scope)}
         group by 1, 2
        having sum(r.leads) <> 0`,
  );
}
