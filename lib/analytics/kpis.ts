import type { Ctx } from "@/lib/context";
import { changeRatio, type AnalyticsQuery } from "./analytics-filters";
import { loadAnalyticsContext, type AnalyticsContext } from "./analytics-context";
import { periodDto } from "./analytics-schemas";
import { ratio, round2, splitCurrency } from "./analytics-sql";
import { openStages, periodCounts, periodMoney, speedToLead } from "./kpi-counts";
import type { Kpi, KpiKey } from "./dashboard-schemas";

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

/**
 * The KPI list of the scope's period against the previous one (definitions in the route docs).
 * Counts and money come from the rollups (lib/analytics/kpi-counts.ts); the speed-to-lead median
 * is read from the period's new leads.
 */
export async function computeKpis(ctx: Ctx, ac: AnalyticsContext): Promise<Kpi[]> {
  const { period } = ac.scope;
  const [cur, prev, speed, previousSpeed, curMoney, prevMoney, stages] = await Promise.all([
    periodCounts(ctx, ac, period.from, period.to),
    periodCounts(ctx, ac, period.previousFrom, period.previousTo),
    speedToLead(ctx, ac, period.from, period.to),
    speedToLead(ctx, ac, period.previousFrom, period.previousTo),
    periodMoney(ctx, ac, period.from, period.to),
    periodMoney(ctx, ac, period.previousFrom, period.previousTo),
    openStages(ctx, ac),
  ]);
  const inOrg = (r: { currency: string | null }) => (r.currency ?? ac.currency) === ac.currency;
  const revenue = splitCurrency(
    curMoney.map((r) => ({ currency: r.currency, amount: r.revenue })),
    ac.currency,
  );
  const previousRevenue = round2(prevMoney.filter(inOrg).reduce((s, r) => s + r.revenue, 0));
  const pipeline = splitCurrency(stages, ac.currency);
  const valued = curMoney.filter(inOrg).reduce((s, r) => s + r.valued, 0);
  const previousValued = prevMoney.filter(inOrg).reduce((s, r) => s + r.valued, 0);
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
    kpi("speed_to_lead", "Speed to lead", "seconds", speed, previousSpeed),
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
