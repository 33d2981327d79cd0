import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Ctx } from "@/lib/context";
import type { AnalyticsContext } from "./analytics-context";
import { leadFilter, statusList, ts } from "./analytics-sql";
import { rollupsCover, rollupTotals, statusTotals } from "./rollups/rollup-sql";

/** The lead counts of one period behind the KPIs. */
export interface PeriodCounts {
  new_leads: number;
  contacted: number;
  replied: number;
  qualified: number;
  won: number;
  lost: number;
}

/** Won revenue and valued deals of one period per deal currency (null: the organization's). */
export interface PeriodMoney {
  currency: string | null;
  revenue: number;
  valued: number;
}

/**
 * The counts from the leads themselves (first contact and reply are columns the message triggers
 * keep): what a campaign filter needs, and the reference the rollups are tested against.
 */
export async function periodCountsFromLeads(
  ctx: Ctx,
  ac: AnalyticsContext,
  from: Date,
  to: Date,
): Promise<PeriodCounts> {
  const inPeriod = (col: string) =>
    sql`${sql.raw(`l.${col}`)} >= ${ts(from)} and ${sql.raw(`l.${col}`)} < ${ts(to)}`;
  const [row] = await queryRows<PeriodCounts>(
    ctx.db,
    sql`select count(*) filter (where ${inPeriod("created_at")})::int as new_leads,
               count(*) filter (where ${inPeriod("first_contacted_at")})::int as contacted,
               count(*) filter (where ${inPeriod("first_contacted_at")}
                                  and l.first_replied_at is not null)::int as replied,
               count(*) filter (where ${inPeriod("qualified_at")})::int as qualified,
               count(*) filter (where ${inPeriod("won_at")})::int as won,
               count(*) filter (where ${inPeriod("lost_at")})::int as lost
          from leads l
         where ${leadFilter(ctx, ac.scope)}
           and (${inPeriod("created_at")} or ${inPeriod("first_contacted_at")}
                or ${inPeriod("qualified_at")} or ${inPeriod("won_at")} or ${inPeriod("lost_at")})`,
  );
  return row!;
}

/** The same counts summed from lead_daily_rollups. */
export async function periodCountsFromRollups(
  ctx: Ctx,
  ac: AnalyticsContext,
  from: Date,
  to: Date,
): Promise<PeriodCounts> {
  const rows = await rollupTotals(ctx, ac.scope, from, to, [
    "created",
    "contacted",
    "replied",
    "qualified",
    "won",
    "lost",
  ]);
  const sum = (metric: string) =>
    rows.filter((r) => r.metric === metric).reduce((t, r) => t + r.leads, 0);
  return {
    new_leads: sum("created"),
    contacted: sum("contacted"),
    replied: sum("replied"),
    qualified: sum("qualified"),
    won: sum("won"),
    lost: sum("lost"),
  };
}

export function periodCounts(ctx: Ctx, ac: AnalyticsContext, from: Date, to: Date) {
  return rollupsCover(ac.scope)
    ? periodCountsFromRollups(ctx, ac, from, to)
    : periodCountsFromLeads(ctx, ac, from, to);
}

/** Won revenue of a period per currency, from the leads. */
export async function periodMoneyFromLeads(
  ctx: Ctx,
  ac: AnalyticsContext,
  from: Date,
  to: Date,
): Promise<PeriodMoney[]> {
  return queryRows<PeriodMoney>(
    ctx.db,
    sql`select l.deal_currency as currency, coalesce(sum(l.deal_value), 0)::float8 as revenue,
               count(l.deal_value)::int as valued
          from leads l
         where ${leadFilter(ctx, ac.scope)} and l.won_at >= ${ts(from)} and l.won_at < ${ts(to)}
           and l.deal_value is not null
         group by 1`,
  );
}

/** Won revenue of a period per currency, from the rollups. */
export async function periodMoneyFromRollups(
  ctx: Ctx,
  ac: AnalyticsContext,
  from: Date,
  to: Date,
): Promise<PeriodMoney[]> {
  const rows = await rollupTotals(ctx, ac.scope, from, to, ["won"]);
  const by = new Map<string | null, PeriodMoney>();
  for (const r of rows) {
    if (r.valued === 0) continue;
    const m = by.get(r.currency) ?? { currency: r.currency, revenue: 0, valued: 0 };
    m.revenue += r.amount;
    m.valued += r.valued;
    by.set(r.currency, m);
  }
  return [...by.values()];
}

export function periodMoney(ctx: Ctx, ac: AnalyticsContext, from: Date, to: Date) {
  return rollupsCover(ac.scope)
    ? periodMoneyFromRollups(ctx, ac, from, to)
    : periodMoneyFromLeads(ctx, ac, from, to);
}

/** Open leads now per status and deal currency, with their deal values. */
export interface StageMoney {
  status: string;
  currency: string | null;
  n: number;
  amount: number;
}

export async function openStagesFromLeads(ctx: Ctx, ac: AnalyticsContext): Promise<StageMoney[]> {
  return queryRows<StageMoney>(
    ctx.db,
    sql`select l.status, l.deal_currency as currency, count(*)::int as n,
               coalesce(sum(l.deal_value), 0)::float8 as amount
          from leads l
         where ${leadFilter(ctx, ac.scope)} and l.status in ${statusList(ac.statuses, "open")}
         group by 1, 2`,
  );
}

export async function openStagesFromRollups(ctx: Ctx, ac: AnalyticsContext): Promise<StageMoney[]> {
  const open = new Set(ac.statuses.filter((s) => s.category === "open").map((s) => s.value));
  return (await statusTotals(ctx, ac.scope))
    .filter((r) => open.has(r.status))
    .map((r) => ({ status: r.status, currency: r.currency, n: r.leads, amount: r.amount }));
}

export function openStages(ctx: Ctx, ac: AnalyticsContext) {
  return rollupsCover(ac.scope) ? openStagesFromRollups(ctx, ac) : openStagesFromLeads(ctx, ac);
}

/**
 * What the rollups can't hold (a median), read live: median seconds from creation to first contact
 * of the leads created in the period — an index-only scan (leads_org_created_idx carries both).
 */
export async function speedToLead(
  ctx: Ctx,
  ac: AnalyticsContext,
  from: Date,
  to: Date,
): Promise<number | null> {
  const [row] = await queryRows<{ speed: number | null }>(
    ctx.db,
    sql`select (percentile_cont(0.5) within group (
                  order by greatest(0, extract(epoch from l.first_contacted_at - l.created_at))))::float8
                 as speed
          from leads l
         where ${leadFilter(ctx, ac.scope)} and l.created_at >= ${ts(from)}
           and l.created_at < ${ts(to)} and l.first_contacted_at is not null`,
  );
  return row?.speed ?? null;
}
