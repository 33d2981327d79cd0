import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Ctx } from "@/lib/context";
import { changeRatio, type AnalyticsQuery } from "./analytics-filters";
import { loadAnalyticsContext, qualifiedStatus, type AnalyticsContext } from "./analytics-context";
import { periodDto } from "./analytics-schemas";
import {
  contactEvents,
  leadFilter,
  ratio,
  replyEvents,
  round2,
  splitCurrency,
  statusList,
  ts,
} from "./analytics-sql";
import type { Kpi, KpiKey } from "./dashboard-schemas";

interface Counts {
  new_leads: number;
  contacted: number;
  replied: number;
  qualified: number;
  won: number;
  lost: number;
  speed: number | null;
}

/**
 * The KPI counts of one period over the scoped leads, in one set-based query (the previous period
 * is the same query with other bounds, run alongside).
 */
async function periodCounts(
  ctx: Ctx,
  ac: AnalyticsContext,
  from: Date,
  to: Date,
  qualified: string | null,
): Promise<Counts> {
  const f = leadFilter(ctx, ac.scope);
  const [row] = await queryRows<Counts>(
    ctx.db,
    sql`with f as (select l.id, l.created_at, l.won_at, l.lost_at from leads l where ${f}),
        first_contact as (
          select e.lead_id, min(e.occurred_at) as at
            from ${contactEvents(ctx)} e join f on f.id = e.lead_id group by e.lead_id)
      select
        (select count(*) from f where created_at >= ${ts(from)} and created_at < ${ts(to)})::int
          as new_leads,
        (select count(*) from first_contact where at >= ${ts(from)} and at < ${ts(to)})::int
          as contacted,
        (select count(*) from first_contact fc
          where fc.at >= ${ts(from)} and fc.at < ${ts(to)}
            and exists (select 1 from ${replyEvents(ctx)} r
                         where r.lead_id = fc.lead_id and r.occurred_at >= fc.at
                           and r.occurred_at < ${ts(to)}))::int as replied,
        (select count(distinct sc.lead_id) from lead_status_changes sc join f on f.id = sc.lead_id
          where sc.organization_id = ${ctx.orgId} and sc.to_status = ${qualified ?? "\u0000none"}
            and sc.changed_at >= ${ts(from)} and sc.changed_at < ${ts(to)})::int as qualified,
        (select count(*) from f where won_at >= ${ts(from)} and won_at < ${ts(to)})::int as won,
        (select count(*) from f where lost_at >= ${ts(from)} and lost_at < ${ts(to)})::int as lost,
        (select percentile_cont(0.5) within group (
                  order by greatest(0, extract(epoch from fc.at - f.created_at)))
           from f join first_contact fc on fc.lead_id = f.id
          where f.created_at >= ${ts(from)} and f.created_at < ${ts(to)})::float8 as speed`,
  );
  return row!;
}

interface Money {
  currency: string | null;
  revenue: number;
  previous_revenue: number;
  valued: number;
  previous_valued: number;
  pipeline: number;
}

/** Won revenue (this and the previous period) and open pipeline now, per deal currency. */
async function money(ctx: Ctx, ac: AnalyticsContext): Promise<Money[]> {
  const { period } = ac.scope;
  const cur = sql`l.won_at >= ${ts(period.from)} and l.won_at < ${ts(period.to)}`;
  const prev = sql`l.won_at >= ${ts(period.previousFrom)} and l.won_at < ${ts(period.previousTo)}`;
  const open = sql`l.status in ${statusList(ac.statuses, "open")}`;
  return queryRows<Money>(
    ctx.db,
    sql`select coalesce(l.deal_currency, ${ac.currency}) as currency,
          coalesce(sum(l.deal_value) filter (where ${cur}), 0)::float8 as revenue,
          coalesce(sum(l.deal_value) filter (where ${prev}), 0)::float8 as previous_revenue,
          count(l.deal_value) filter (where ${cur})::int as valued,
          count(l.deal_value) filter (where ${prev})::int as previous_valued,
          coalesce(sum(l.deal_value) filter (where ${open}), 0)::float8 as pipeline
        from leads l
       where ${leadFilter(ctx, ac.scope)} and l.deal_value is not null
         and ((${cur}) or (${prev}) or ${open})
       group by 1`,
  );
}

function kpi(
  key: KpiKey,
  label: string,
  unit: Kpi["unit"],
  value: number | null,
  previous: number | null,
  byCurrency?: Kpi["byCurrency"],
): Kpi {
  const change = value === null || previous === null ? null : changeRatio(value, previous);
  return { key, label, unit, value, previous, change, ...(byCurrency ? { byCurrency } : {}) };
}

/** The KPI list of the scope's period against the previous one (definitions in the route docs). */
export async function computeKpis(ctx: Ctx, ac: AnalyticsContext): Promise<Kpi[]> {
  const { period } = ac.scope;
  const qualified = qualifiedStatus(ac.statuses);
  const [cur, prev, m] = await Promise.all([
    periodCounts(ctx, ac, period.from, period.to, qualified),
    periodCounts(ctx, ac, period.previousFrom, period.previousTo, qualified),
    money(ctx, ac),
  ]);
  const inOrg = (r: Money) => (r.currency ?? ac.currency) === ac.currency;
  const revenue = splitCurrency(
    m.map((r) => ({ currency: r.currency, amount: r.revenue })),
    ac.currency,
  );
  const previousRevenue = round2(m.filter(inOrg).reduce((s, r) => s + r.previous_revenue, 0));
  const pipeline = splitCurrency(
    m.map((r) => ({ currency: r.currency, amount: r.pipeline })),
    ac.currency,
  );
  const valued = m.filter(inOrg).reduce((s, r) => s + r.valued, 0);
  const previousValued = m.filter(inOrg).reduce((s, r) => s + r.previous_valued, 0);
  const avg = (amount: number, n: number) => (n === 0 ? null : round2(amount / n));
  return [
    kpi("new_leads", "New leads", "count", cur.new_leads, prev.new_leads),
    kpi("contacted", "Contacted", "count", cur.contacted, prev.contacted),
    kpi(
      "reply_rate",
      "Reply rate",
      "ratio",
      ratio(cur.replied, cur.contacted),
      ratio(prev.replied, prev.contacted),
    ),
    kpi("qualified", "Qualified", "count", cur.qualified, prev.qualified),
    kpi("won", "Won", "count", cur.won, prev.won),
    kpi("revenue", "Revenue", "money", revenue.amount, previousRevenue, revenue.byCurrency),
    kpi("pipeline_value", "Pipeline value", "money", pipeline.amount, null, pipeline.byCurrency),
    kpi(
      "avg_deal_value",
      "Average deal value",
      "money",
      avg(revenue.amount, valued),
      avg(previousRevenue, previousValued),
    ),
    kpi(
      "win_rate",
      "Win rate",
      "ratio",
      ratio(cur.won, cur.won + cur.lost),
      ratio(prev.won, prev.won + prev.lost),
    ),
    kpi("speed_to_lead", "Speed to lead", "seconds", cur.speed, prev.speed),
  ];
}

export async function getKpis(ctx: Ctx, query: AnalyticsQuery, now?: Date) {
  const ac = await loadAnalyticsContext(ctx, query, now);
  return {
    period: periodDto(ac.scope.period),
    currency: ac.currency,
    kpis: await computeKpis(ctx, ac),
  };
}
