import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Role } from "@/db/schema";
import { resolveAnalyticsScope, type AnalyticsQuery } from "@/lib/analytics/analytics-filters";
import { periodDto } from "@/lib/analytics/analytics-schemas";
import { inList } from "@/lib/analytics/analytics-sql";
import { rollupDayBucket, rollupDayRange } from "@/lib/analytics/rollups/activity-rollup-sql";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { addKind, bucketStarts, emptyCounts, seriesOf } from "./activity-buckets";
import { membersCte } from "./members-in-scope";
import type { ActivityReport, CompanyActivity } from "./people-analytics-schemas";

interface Row {
  user_id: string;
  name: string;
  email: string;
  role: Role;
  bucket: string | null;
  kind: string | null;
  n: number;
}

/**
 * GET /reports/activity-report: logins, calls, emails, follow-ups (and meetings, notes) per member
 * in scope per day/week/month of the period, every bucket present — one grouped query over the
 * daily rollup of user_activities (user_activity_daily_rollups).
 */
export async function getActivityReport(
  ctx: Ctx,
  query: AnalyticsQuery,
  now = new Date(),
): Promise<ActivityReport> {
  assertCan(ctx, "analytics:read");
  const scope = await resolveAnalyticsScope(ctx, query, now);
  const { from, to } = scope.period;
  const rows = await queryRows<Row>(
    ctx.db,
    sql`with ${membersCte(ctx, scope)},
      acts as (
        select r.user_id, ${rollupDayBucket("r", scope.interval)} as bucket, r.kind,
               sum(r.activities)::int as n
          from user_activity_daily_rollups r
         where r.organization_id = ${ctx.orgId} and r.user_id in (select user_id from mem)
           and ${rollupDayRange("r", from, to)}
         group by 1, 2, 3
        having sum(r.activities) <> 0)
      select mem.user_id, mem.name, mem.email, mem.role, acts.bucket, acts.kind,
             coalesce(acts.n, 0) as n
        from mem left join acts on acts.user_id = mem.user_id
       order by mem.name, mem.user_id`,
  );
  const starts = bucketStarts(from, to, scope.interval);
  const members = new Map<string, ActivityReport["members"][number]>();
  const totals = emptyCounts();
  for (const r of rows) {
    if (!members.has(r.user_id)) {
      const own = rows.filter((x) => x.user_id === r.user_id && x.bucket && x.kind);
      const memberTotals = emptyCounts();
      for (const x of own) addKind(memberTotals, x.kind!, Number(x.n));
      for (const x of own) addKind(totals, x.kind!, Number(x.n));
      members.set(r.user_id, {
        userId: r.user_id,
        name: r.name,
        email: r.email,
        role: r.role,
        totals: memberTotals,
        series: seriesOf(
          own.map((x) => ({ bucket: x.bucket!, kind: x.kind!, n: x.n })),
          starts,
        ),
      });
    }
  }
  return {
    period: periodDto(scope.period),
    interval: scope.interval,
    members: [...members.values()],
    totals,
  };
}

/**
 * GET /activity/company-activity: the scope's activity per kind per bucket, with the period
 * before for comparison and how many members were active — one grouped query over the daily
 * rollup (a member is active with at least one act in the period).
 */
export async function getCompanyActivity(
  ctx: Ctx,
  query: AnalyticsQuery,
  now = new Date(),
): Promise<CompanyActivity> {
  assertCan(ctx, "analytics:read");
  const scope = await resolveAnalyticsScope(ctx, query, now);
  const { from, to, previousFrom } = scope.period;
  const rows = await queryRows<{
    bucket: string | null;
    kind: string | null;
    n: number;
    users: number;
  }>(
    ctx.db,
    sql`select t.bucket, t.kind, sum(t.n)::int as n,
               count(distinct t.user_id)
                 filter (where t.bucket is not null and t.n > 0)::int as users
          from (select r.user_id, r.kind, r.activities as n,
                       case when ${rollupDayRange("r", from, to)}
                            then ${rollupDayBucket("r", scope.interval)} end as bucket
                  from user_activity_daily_rollups r
                 where r.organization_id = ${ctx.orgId} and ${rollupDayRange("r", previousFrom, to)}
                   ${scope.ownerIds ? sql`and r.user_id in ${inList(scope.ownerIds)}` : sql``}) t
         group by grouping sets ((t.bucket, t.kind), ())`,
  );
  const all = rows.find((r) => r.kind === null && r.bucket === null);
  const current = rows.filter((r) => r.kind !== null && r.bucket !== null);
  const previous = rows.filter((r) => r.kind !== null && r.bucket === null);
  const totals = emptyCounts();
  for (const r of current) addKind(totals, r.kind!, Number(r.n));
  const previousTotals = emptyCounts();
  for (const r of previous) addKind(previousTotals, r.kind!, Number(r.n));
  return {
    period: periodDto(scope.period),
    interval: scope.interval,
    totals,
    previousTotals,
    activeMembers: Number(all?.users ?? 0),
    series: seriesOf(
      current.map((r) => ({ bucket: r.bucket!, kind: r.kind!, n: r.n })),
      bucketStarts(from, to, scope.interval),
    ),
  };
}
