import { sql, type SQL } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { UNASSIGNED_KEY } from "@/lib/leads/lead-counts";
import type { Ctx } from "@/lib/context";
import type { AnalyticsContext } from "../analytics-context";
import type { AnalyticsScope } from "../analytics-filters";
import { bucketSeries, dateText, statusList, ts } from "../analytics-sql";
import { rollupDays, rollupFilter } from "./rollup-sql";

/** Won leads of one key and deal currency (null: none, i.e. the organization's). */
export interface WonRow {
  key: string | null;
  currency: string | null;
  n: number;
  valued: number;
  amount: number;
}

/** What won leads are grouped by: their owner (null: unassigned), source, or nothing. */
export type WonKey = "owner" | "source" | "total";

export interface CampaignRevenueRow {
  id: string;
  name: string;
  cost: number | null;
  cost_currency: string | null;
  recipients: number;
  won: number;
  money: { currency: string | null; amount: number }[] | null;
}

/**
 * The won rows in scope over [from, to): lead_daily_rollups' `won` facts, or with a campaign
 * filter the same facts of that campaign's recipients (campaign_won_rollups, same keys).
 */
function wonRollups(ctx: Ctx, scope: AnalyticsScope, from: Date, to: Date): SQL {
  const where = sql`${rollupFilter(ctx, scope)} and ${rollupDays(from, to)}`;
  return scope.campaignId
    ? sql`campaign_won_rollups r where ${where} and r.campaign_id = ${scope.campaignId}`
    : sql`lead_daily_rollups r where ${where} and r.metric = 'won'`;
}

function wonKey(key: WonKey): SQL {
  if (key === "owner") return sql`nullif(r.owner_key, ${UNASSIGNED_KEY}::uuid)::text`;
  if (key === "source") return sql`nullif(r.source, '')`;
  return sql`null::text`;
}

/** Won leads over [from, to) per key and deal currency, from the rollups. */
export function wonFromRollups(
  ctx: Ctx,
  scope: AnalyticsScope,
  from: Date,
  to: Date,
  key: WonKey,
): Promise<WonRow[]> {
  return queryRows<WonRow>(
    ctx.db,
    sql`select ${wonKey(key)} as key, nullif(r.currency, '') as currency, sum(r.leads)::int as n,
               sum(r.valued)::int as valued, sum(r.amount)::float8 as amount
          from ${wonRollups(ctx, scope, from, to)}
         group by 1, 2
        having sum(r.leads) <> 0 or sum(r.amount) <> 0`,
  );
}

/** Won leads per time bucket of the period (zeros included); amounts in the org's currency. */
export function wonSeriesFromRollups(
  ctx: Ctx,
  ac: AnalyticsContext,
): Promise<{ bucket: string; n: number; amount: number }[]> {
  const { period, interval } = ac.scope;
  return queryRows(
    ctx.db,
    sql`with w as (
          select date_trunc('${sql.raw(interval)}', r.day)::date as bucket, sum(r.leads)::int as n,
                 coalesce(sum(r.amount) filter (where r.currency in ('', ${ac.currency})), 0)::float8
                   as amount
            from ${wonRollups(ctx, ac.scope, period.from, period.to)}
           group by 1)
        select ${dateText(sql`b.bucket`)} as bucket, coalesce(w.n, 0)::int as n,
               coalesce(w.amount, 0)::float8 as amount
          from ${bucketSeries(period.from, period.to, interval)} b
          left join w on w.bucket = b.bucket order by b.bucket`,
  );
}

/** Open leads now with a deal value or an expected close date, per close month and currency. */
export function forecastFromRollups(ctx: Ctx, ac: AnalyticsContext): Promise<WonRow[]> {
  return queryRows<WonRow>(
    ctx.db,
    sql`select nullif(r.month, '') as key, nullif(r.currency, '') as currency,
               sum(r.leads)::int as n, sum(r.valued)::int as valued,
               sum(r.amount)::float8 as amount
          from lead_forecast_rollups r
         where ${rollupFilter(ctx, ac.scope)} and r.status in ${statusList(ac.statuses, "open")}
         group by 1, 2
        having sum(r.leads) <> 0`,
  );
}

/**
 * Per campaign launched before the period's end: its recipients among the scoped leads, those
 * won in the period and their deal value per currency.
 */
export function campaignRevenueFromRollups(
  ctx: Ctx,
  ac: AnalyticsContext,
): Promise<CampaignRevenueRow[]> {
  const { period } = ac.scope;
  const filter = rollupFilter(ctx, ac.scope);
  return queryRows<CampaignRevenueRow>(
    ctx.db,
    sql`select c.id, c.name, c.cost_amount::float8 as cost, c.cost_currency,
               coalesce(r.recipients, 0)::int as recipients, coalesce(w.won, 0)::int as won,
               w.money
          from campaigns c
          left join (
            select r.campaign_id, sum(r.recipients) as recipients
              from campaign_recipient_rollups r where ${filter} group by 1) r
            on r.campaign_id = c.id
          left join (
            select x.campaign_id, sum(x.n) as won,
                   json_agg(json_build_object('currency', x.currency, 'amount', x.amount))
                     filter (where x.valued <> 0) as money
              from (select r.campaign_id, nullif(r.currency, '') as currency, sum(r.leads) as n,
                           sum(r.valued) as valued, sum(r.amount)::float8 as amount
                      from campaign_won_rollups r
                     where ${filter} and ${rollupDays(period.from, period.to)}
                     group by 1, 2) x
             group by 1) w
            on w.campaign_id = c.id
         where c.organization_id = ${ctx.orgId} and c.launched_at < ${ts(period.to)}
           ${ac.scope.campaignId ? sql`and c.id = ${ac.scope.campaignId}` : sql``}`,
  );
}
