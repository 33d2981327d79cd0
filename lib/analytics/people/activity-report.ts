import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Role } from "@/db/schema";
import { resolveAnalyticsScope, type AnalyticsQuery } from "@/lib/analytics/analytics-filters";
import { periodDto } from "@/lib/analytics/analytics-schemas";
import { inList, ts } from "@/lib/analytics/analytics-sql";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { addKind, bucketSql, bucketStarts, emptyCounts, seriesOf } from "./activity-buckets";
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
 * in scope per day/week/month of the period, every bucket present — one grouped query over
 * user_activities.
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
        select ua.user_id, ${bucketSql(sql`ua.occurred_at`, scope.interval)} as bucket, ua.kind,
               count(*)::int as n
          from user_activities ua
         where ua.organization_id = ${ctx.orgId} and ua.user_id in (select user_id from mem)
           and ua.occurred_at >= ${ts(from)} and ua.occurred_at < ${ts(to)}
         group by 1, 2, 3)
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
 * before for comparison and how many members were active — one grouped query.
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
    sql`select t.bucket, t.kind, count(*)::int as n,
               count(distinct t.user_id) filter (where t.bucket is not null)::int as users
          from (select ua.user_id, ua.kind,
                       case when ua.occurred_at >= ${ts(from)}
                            then ${bucketSql(sql`ua.occurred_at`, scope.interval)} end as bucket
                  from user_activities ua
                 where ua.organization_id = ${ctx.orgId}
                   and ua.occurred_at >= ${ts(previousFrom)} and ua.occurred_at < ${ts(to)}
                   ${scope.ownerIds ? sql`and ua.user_id in ${inList(scope.ownerIds)}` : sql``}) t
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
