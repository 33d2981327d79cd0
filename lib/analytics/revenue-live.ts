import { sql, type SQL } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Ctx } from "@/lib/context";
import type { AnalyticsContext } from "./analytics-context";
import type { AnalyticsScope } from "./analytics-filters";
import { bucketOf, bucketSeries, dateText, leadFilter, statusList, ts } from "./analytics-sql";
import type { CampaignRevenueRow, WonKey, WonRow } from "./rollups/revenue-rollup-sql";

/*
 * The revenue numbers counted from the leads themselves: the definition the revenue rollups
 * (rollups/revenue-rollup-sql.ts) are tested against, and the forecast under a campaign filter,
 * which the forecast rollup is not keyed by.
 */

function wonKey(key: WonKey): SQL {
  if (key === "owner") return sql`l.owner_id::text`;
  if (key === "source") return sql`nullif(l.source, '')`;
  return sql`null::text`;
}

export function wonFromLeads(
  ctx: Ctx,
  scope: AnalyticsScope,
  from: Date,
  to: Date,
  key: WonKey,
): Promise<WonRow[]> {
  return queryRows<WonRow>(
    ctx.db,
    sql`select ${wonKey(key)} as key, l.deal_currency as currency, count(*)::int as n,
               count(l.deal_value)::int as valued,
               coalesce(sum(l.deal_value), 0)::float8 as amount
          from leads l
         where ${leadFilter(ctx, scope)} and l.won_at >= ${ts(from)} and l.won_at < ${ts(to)}
         group by 1, 2`,
  );
}

export function wonSeriesFromLeads(
  ctx: Ctx,
  ac: AnalyticsContext,
): Promise<{ bucket: string; n: number; amount: number }[]> {
  const { period, interval } = ac.scope;
  return queryRows(
    ctx.db,
    sql`with w as (
          select ${bucketOf(sql`l.won_at`, interval)} as bucket, count(*)::int as n,
                 coalesce(sum(l.deal_value) filter (
                   where coalesce(l.deal_currency, ${ac.currency}) = ${ac.currency}), 0)::float8
                   as amount
            from leads l
           where ${leadFilter(ctx, ac.scope)}
             and l.won_at >= ${ts(period.from)} and l.won_at < ${ts(period.to)}
           group by 1)
        select ${dateText(sql`b.bucket`)} as bucket, coalesce(w.n, 0)::int as n,
               coalesce(w.amount, 0)::float8 as amount
          from ${bucketSeries(period.from, period.to, interval)} b
          left join w on w.bucket = b.bucket order by b.bucket`,
  );
}

export function forecastFromLeads(ctx: Ctx, ac: AnalyticsContext): Promise<WonRow[]> {
  return queryRows<WonRow>(
    ctx.db,
    sql`select ${dateText(sql`date_trunc('month', l.expected_close_date)`)} as key,
               l.deal_currency as currency, count(*)::int as n, count(l.deal_value)::int as valued,
               coalesce(sum(l.deal_value), 0)::float8 as amount
          from leads l
         where ${leadFilter(ctx, ac.scope)} and l.status in ${statusList(ac.statuses, "open")}
           and (l.deal_value is not null or l.expected_close_date is not null)
         group by 1, 2`,
  );
}

export function campaignRevenueFromLeads(
  ctx: Ctx,
  ac: AnalyticsContext,
): Promise<CampaignRevenueRow[]> {
  const { period } = ac.scope;
  const f = leadFilter(ctx, ac.scope);
  const won = sql`l.won_at >= ${ts(period.from)} and l.won_at < ${ts(period.to)}`;
  return queryRows<CampaignRevenueRow>(
    ctx.db,
    sql`select c.id, c.name, c.cost_amount::float8 as cost, c.cost_currency,
               coalesce(r.recipients, 0)::int as recipients, coalesce(r.won, 0)::int as won,
               m.money
          from campaigns c
          left join lateral (
            select count(*) as recipients, count(*) filter (where ${won}) as won
              from campaign_recipients cr join leads l on l.id = cr.lead_id
             where cr.organization_id = ${ctx.orgId} and cr.campaign_id = c.id and ${f}) r on true
          left join lateral (
            select json_agg(json_build_object('currency', x.currency, 'amount', x.amount)) as money
              from (select l.deal_currency as currency, sum(l.deal_value)::float8 as amount
                      from campaign_recipients cr join leads l on l.id = cr.lead_id
                     where cr.organization_id = ${ctx.orgId} and cr.campaign_id = c.id and ${f}
                       and ${won} and l.deal_value is not null
                     group by 1) x) m on true
         where c.organization_id = ${ctx.orgId} and c.launched_at < ${ts(period.to)}
           ${ac.scope.campaignId ? sql`and c.id = ${ac.scope.campaignId}` : sql``}`,
  );
}
