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

function sourceFilter(scope: AnalyticsScope): SQL {
  return scope.sources ? sql`and l.source in ${inList(scope.sources)}` : sql``;
}

/**
 * GET /reports/salesperson-report: per member in the caller's scope — leads assigned in the period
 * and how many of those were contacted and won, deals won in the period and their value, the open
 * pipeline now, the median time to answer a lead's reply, calls and emails. Two grouped queries.
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
          select l.owner_id, count(*)::int as n,
                 count(*) filter (where l.first_contacted_at is not null)::int as contacted,
                 count(*) filter (where l.won_at is not null)::int as converted
            from leads l
           where l.organization_id = ${org} and l.deleted_at is null
             and l.owner_id in (select user_id from mem) and ${inPeriod(sql`l.assigned_at`)}
             ${sourceFilter(scope)}
           group by l.owner_id),
        acts as (
          select ua.user_id,
                 count(*) filter (where ua.kind = 'call')::int as calls,
                 count(*) filter (where ua.kind = 'email')::int as emails
            from user_activities ua
           where ua.organization_id = ${org} and ua.user_id in (select user_id from mem)
             and ${inPeriod(sql`ua.occurred_at`)}
           group by ua.user_id),
        resp as (
          select l.owner_id,
                 percentile_cont(0.5) within group (
                   order by extract(epoch from (r.next_at - i.occurred_at))) as median,
                 count(*)::int as n
            from conversation_messages i
            join leads l on l.organization_id = ${org} and l.id = i.lead_id
                 and l.owner_id in (select user_id from mem) ${sourceFilter(scope)}
            cross join lateral (
              select min(o.occurred_at) as next_at from conversation_messages o
               where o.organization_id = ${org} and o.lead_id = i.lead_id
                 and o.direction = 'outbound' and o.author_user_id = l.owner_id
                 and o.occurred_at > i.occurred_at) r
           where i.organization_id = ${org} and i.direction = 'inbound'
             and coalesce(i.inbound_kind, 'human_reply') = 'human_reply'
             and ${inPeriod(sql`i.occurred_at`)} and r.next_at is not null
           group by l.owner_id)
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
      sql`with ${membersCte(ctx, scope)}
        select l.owner_id, coalesce(l.deal_currency, ${currency}) as currency,
               count(*) filter (where ${inPeriod(sql`l.won_at`)})::int as won,
               count(l.deal_value) filter (where ${inPeriod(sql`l.won_at`)})::int as won_with_value,
               coalesce(sum(l.deal_value) filter (where ${inPeriod(sql`l.won_at`)}), 0) as won_value,
               count(l.deal_value) filter (where l.status in ${openStatuses})::int as open_deals,
               coalesce(sum(l.deal_value) filter (where l.status in ${openStatuses}), 0) as pipeline
          from leads l
         where l.organization_id = ${org} and l.deleted_at is null
           and l.owner_id in (select user_id from mem) ${sourceFilter(scope)}
           and (${inPeriod(sql`l.won_at`)} or (l.status in ${openStatuses} and l.deal_value is not null))
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
