import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Ctx } from "@/lib/context";
import type { AnalyticsQuery } from "./analytics-filters";
import { loadAnalyticsContext, funnelStatuses, type AnalyticsContext } from "./analytics-context";
import { periodDto } from "./analytics-schemas";
import { leadFilter, ratio, statusList, ts } from "./analytics-sql";

/**
 * The funnel of the leads created in the period across the ordered open → won statuses: how many
 * got at least as far as each stage (reached it or any later one, leads.reached_statuses — a lead
 * moved straight from New to Demo has passed Contacted and Qualified, so no stage ever holds more
 * than the one before it), stage-to-stage conversion, and the median time spent in each status
 * (from one status change to the lead's next one; leads still in it don't count).
 */
export async function conversionFunnel(ctx: Ctx, ac: AnalyticsContext) {
  const { scope, statuses } = ac;
  const { from, to } = scope.period;
  const ordered = funnelStatuses(statuses);
  const stageArray = ordered.length
    ? sql`array[${sql.join(
        ordered.map((s) => sql`${s.value}::text`),
        sql`, `,
      )}]`
    : sql`array[]::text[]`;
  const cohort = sql`select l.id, l.reached_statuses, l.status from leads l
    where ${leadFilter(ctx, scope)} and l.created_at >= ${ts(from)} and l.created_at < ${ts(to)}`;
  const [reached, times, totals] = await Promise.all([
    // Per lead, the furthest funnel stage it reached (1-based position in the ordered stages).
    queryRows<{ furthest: number; n: number }>(
      ctx.db,
      sql`select furthest, count(*)::int as n from (
            select (select max(array_position(${stageArray}, s)) from unnest(c.reached_statuses) s)
                     as furthest
              from (${cohort}) c) x
          where furthest is not null group by furthest`,
    ),
    queryRows<{ status: string; median: number | null }>(
      ctx.db,
      sql`with c as (${cohort}),
          steps as (
            select sc.to_status, sc.changed_at,
                   lead(sc.changed_at) over (partition by sc.lead_id order by sc.changed_at, sc.id) as left_at
              from lead_status_changes sc join c on c.id = sc.lead_id
             where sc.organization_id = ${ctx.orgId})
          select to_status as status,
                 (percentile_cont(0.5) within group (
                    order by extract(epoch from left_at - changed_at)))::float8 as median
            from steps where left_at is not null group by to_status`,
    ),
    queryRows<{ cohort: number; won: number; lost: number }>(
      ctx.db,
      sql`select count(*)::int as cohort,
                 count(*) filter (where status in ${statusList(statuses, "won")})::int as won,
                 count(*) filter (where status in ${statusList(statuses, "lost")})::int as lost
            from (${cohort}) c`,
    ),
  ]);
  // Stage i holds every lead whose furthest stage is i or later.
  const atLeast = ordered.map((_, i) =>
    reached.filter((r) => r.furthest - 1 >= i).reduce((t, r) => t + r.n, 0),
  );
  const medianBy = new Map(times.map((r) => [r.status, r.median]));
  const first = atLeast[0] ?? 0;
  const stages = ordered.map((s, i) => {
    const entered = atLeast[i]!;
    const previous = i === 0 ? null : atLeast[i - 1]!;
    return {
      value: s.value,
      label: s.label,
      category: s.category === "won" ? ("won" as const) : ("open" as const),
      entered,
      conversionFromPrevious: previous === null ? null : ratio(entered, previous),
      conversionFromFirst: ratio(entered, first),
      medianSecondsInStage: medianBy.get(s.value) ?? null,
    };
  });
  const t = totals[0] ?? { cohort: 0, won: 0, lost: 0 };
  return { stages, cohort: t.cohort, won: t.won, lost: t.lost };
}

export async function getConversion(ctx: Ctx, query: AnalyticsQuery, now?: Date) {
  const ac = await loadAnalyticsContext(ctx, query, now);
  const f = await conversionFunnel(ctx, ac);
  return {
    period: periodDto(ac.scope.period),
    cohort: f.cohort,
    stages: f.stages,
    won: f.won,
    lost: f.lost,
    overallConversion: ratio(f.won, f.cohort),
  };
}
