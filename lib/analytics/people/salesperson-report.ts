import { sql, type SQL } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Role } from "@/db/schema";
import {
  resolveAnalyticsScope,
  type AnalyticsQuery,
  type AnalyticsScope,
} from "@/lib/analytics/analytics-filters";
import { periodDto } from "@/lib/analytics/analytics-schemas";
import { share } from "@/lib/analytics/campaigns/campaign-metrics";
import { inList, splitCurrency, ts } from "@/lib/analytics/analytics-sql";
import { rollupDayRange } from "@/lib/analytics/rollups/activity-rollup-sql";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { organizationCurrency } from "@/lib/organizations/organization-currency";
import { membersCte } from "./members-in-scope";
import type { SalespersonReport } from "./people-analytics-schemas";

interface WorkRow {
  user_id: string;
  name: string;
  email: string;
  role: Role;
  assigned: number;
  contacted: number;
  converted: number;
  calls: number;
  emails: number;
  median_response: number | string | null;
  answered: number;
}

interface MoneyRow {
  owner_id: string;
  currency: string;
  won: number;
  won_with_value: number;
  won_value: number | string;
  open_deals: number;
  pipeline: number | string;
}

function sourceFilter(scope: AnalyticsScope, alias = "l"): SQL {
  return scope.sources ? sql`and ${sql.raw(alias)}.source in ${inList(scope.sources)}` : sql``;
}

/**
 * GET /reports/salesperson-report: per member in the caller's scope — leads assigned in the period
 * and how many of those were contacted and won, deals won in the period and their value, the open
 * pipeline now, the median time to answer a lead's reply, calls and emails. The counts and money
 * are sums over rollups (lead_assignment_rollups, user_activity_daily_rollups, lead_daily_rollups,
 * lead_status_rollups), the response time a median of the period's rows in reply_response_times
 * (each answered reply with the owner's response seconds, kept by triggers).
 */
export async function getSalespersonReport(
  ctx: Ctx,
  query: AnalyticsQuery,
  now = new Date(),
): Promise<SalespersonReport> {
  assertCan(ctx, "analytics:read");
  const [scope, currency] = await Promise.all([
    resolveAnalyticsScope(ctx, query, now),
    organizationCurrency(ctx.db, ctx.orgId),
  ]);
  const { from, to } = scope.period;
  const inPeriod = (col: SQL) => sql`${col} >= ${ts(from)} and ${col} < ${ts(to)}`;
  const org = ctx.orgId;
  const openStatuses = sql`(select o.value from lead_options o
    where o.organization_id = ${org} and o.kind = 'status' and o.category = 'open')`;

  const [work, money] = await Promise.all([
    queryRows<WorkRow>(
      ctx.db,
      sql`with ${membersCte(ctx, scope)},
        assigned as (
          select r.owner_id, sum(r.leads)::int as n,
                 coalesce(sum(r.leads) filter (where r.contacted), 0)::int as contacted,
                 coalesce(sum(r.leads) filter (where r.converted), 0)::int as converted
            from lead_assignment_rollups r
           where r.organization_id = ${org} and r.owner_id in (select user_id from mem)
             and ${rollupDayRange("r", from, to)} ${sourceFilter(scope, "r")}
           group by r.owner_id),
        acts as (
          select r.user_id,
                 coalesce(sum(r.activities) filter (where r.kind = 'call'), 0)::int as calls,
                 coalesce(sum(r.activities) filter (where r.kind = 'email'), 0)::int as emails
            from user_activity_daily_rollups r
           where r.organization_id = ${org} and r.user_id in (select user_id from mem)
             and ${rollupDayRange("r", from, to)}
           group by r.user_id),
        resp as (
          select r.owner_id, percentile_cont(0.5) within group (order by r.seconds) as median,
                 count(*)::int as n
            from reply_response_times r
           where r.organization_id = ${org} and r.owner_id in (select user_id from mem)
             and ${inPeriod(sql`r.replied_at`)} ${sourceFilter(scope, "r")}
           group by r.owner_id)
        select mem.user_id, mem.name, mem.email, mem.role,
               coalesce(a.n, 0) as assigned, coalesce(a.contacted, 0) as contacted,
               coalesce(a.converted, 0) as converted,
               coalesce(acts.calls, 0) as calls, coalesce(acts.emails, 0) as emails,
               resp.median as median_response, coalesce(resp.n, 0) as answered
          from mem
          left join assigned a on a.owner_id = mem.user_id
          left join acts on acts.user_id = mem.user_id
          left join resp on resp.owner_id = mem.user_id
         order by mem.name, mem.user_id`,
    ),
    queryRows<MoneyRow>(
      ctx.db,
      sql`with ${membersCte(ctx, scope)},
        won as (
          select r.owner_key as owner_id, r.currency, sum(r.leads)::int as won,
                 sum(r.valued)::int as won_with_value, sum(r.amount) as won_value,
                 0 as open_deals, 0 as pipeline
            from lead_daily_rollups r
           where r.organization_id = ${org} and r.metric = 'won'
             and r.owner_key in (select user_id from mem)
             and ${rollupDayRange("r", from, to)} ${sourceFilter(scope, "r")}
           group by 1, 2),
        pipeline as (
          select r.owner_key, r.currency, 0, 0, 0, sum(r.valued)::int, sum(r.amount)
            from lead_status_rollups r
           where r.organization_id = ${org} and r.status in ${openStatuses}
             and r.owner_key in (select user_id from mem) ${sourceFilter(scope, "r")}
           group by 1, 2)
        select owner_id, coalesce(nullif(currency, ''), ${currency}) as currency,
               sum(won)::int as won, sum(won_with_value)::int as won_with_value,
               sum(won_value) as won_value, sum(open_deals)::int as open_deals,
               sum(pipeline) as pipeline
          from (select * from won union all select * from pipeline) m
         group by 1, 2`,
    ),
  ]);

  return {
    period: periodDto(scope.period),
    currency,
    members: work.map((w) => {
      const own = money.filter((m) => m.owner_id === w.user_id);
      const home = own.find((m) => m.currency === currency);
      const won = splitCurrency(
        own.map((m) => ({ currency: m.currency, amount: Number(m.won_value) })),
        currency,
      );
      const pipeline = splitCurrency(
        own.map((m) => ({ currency: m.currency, amount: Number(m.pipeline) })),
        currency,
      );
      const withValue = Number(home?.won_with_value ?? 0);
      const assigned = Number(w.assigned);
      const converted = Number(w.converted);
      return {
        userId: w.user_id,
        name: w.name,
        email: w.email,
        role: w.role,
        leadsAssigned: assigned,
        contacted: Number(w.contacted),
        converted,
        conversionRate: share(converted, assigned),
        won: own.reduce((n, m) => n + Number(m.won), 0),
        wonValue: won.amount,
        wonByCurrency: won.byCurrency.filter((c) => c.amount !== 0),
        averageDealValue: withValue ? Math.round((won.amount / withValue) * 100) / 100 : null,
        pipelineValue: pipeline.amount,
        pipelineByCurrency: pipeline.byCurrency.filter((c) => c.amount !== 0),
        openDeals: own.reduce((n, m) => n + Number(m.open_deals), 0),
        medianResponseSeconds:
          w.median_response === null ? null : Math.round(Number(w.median_response)),
        repliesAnswered: Number(w.answered),
        calls: Number(w.calls),
        emails: Number(w.emails),
      };
    }),
  };
}
