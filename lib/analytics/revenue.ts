import { inArray } from "drizzle-orm";
import { users } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { changeRatio, type AnalyticsQuery } from "./analytics-filters";
import { loadAnalyticsContext } from "./analytics-context";
import { periodDto } from "./analytics-schemas";
import { optionLabel, round2, splitCurrency } from "./analytics-sql";
import { forecastFromLeads } from "./revenue-live";
import {
  forecastFromRollups,
  wonFromRollups,
  wonSeriesFromRollups,
  type WonKey,
  type WonRow,
} from "./rollups/revenue-rollup-sql";

/** Rows of one key across currencies → {count, amount in org currency, byCurrency}. */
function byKey(rows: WonRow[], currency: string) {
  const groups = new Map<string | null, WonRow[]>();
  for (const r of rows) groups.set(r.key, [...(groups.get(r.key) ?? []), r]);
  return [...groups].map(([key, rs]) => ({
    key,
    count: rs.reduce((s, r) => s + r.n, 0),
    ...splitCurrency(rs, currency),
  }));
}

/** Member names for owner ids (members of any organization keep their name; ids come scoped). */
export async function memberNames(ctx: Ctx, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await ctx.db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(rows.map((u) => [u.id, u.name || u.email]));
}

function nextMonth(month: string): string {
  const d = new Date(`${month}T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
}

/** Won leads' count, valued count and amount of org-currency rows (with the others beside). */
function totalOf(rows: WonRow[], currency: string) {
  const inOrg = rows.filter((r) => (r.currency ?? currency) === currency);
  return {
    ...splitCurrency(rows, currency),
    count: rows.reduce((s, r) => s + r.n, 0),
    valued: inOrg.reduce((s, r) => s + r.valued, 0),
  };
}

/**
 * Won revenue of the period (deals won in it: total, per bucket, owner and source, average deal)
 * against the previous period, and the forecast: open deals now by expected close month. Read
 * from the rollups (lead_daily_rollups' won facts, or campaign_won_rollups under a campaign
 * filter; lead_forecast_rollups), except the forecast under a campaign filter.
 */
export async function getRevenue(ctx: Ctx, query: AnalyticsQuery, now?: Date) {
  const ac = await loadAnalyticsContext(ctx, query, now);
  const { period, interval } = ac.scope;
  const won = (key: WonKey, from = period.from, to = period.to) =>
    wonFromRollups(ctx, ac.scope, from, to, key);
  const [owners, sources, totals, previous, series, forecast] = await Promise.all([
    won("owner"),
    won("source"),
    won("total"),
    won("total", period.previousFrom, period.previousTo),
    wonSeriesFromRollups(ctx, ac),
    ac.scope.campaignId ? forecastFromLeads(ctx, ac) : forecastFromRollups(ctx, ac),
  ]);
  const names = await memberNames(
    ctx,
    owners.map((o) => o.key).filter((k): k is string => k !== null),
  );
  const money = totalOf(totals, ac.currency);
  const previousTotal = totalOf(previous, ac.currency).amount;
  const sortRows = <T extends { amount: number; count: number; label: string }>(rows: T[]) =>
    rows.sort((a, b) => b.amount - a.amount || b.count - a.count || a.label.localeCompare(b.label));

  const dated = byKey(forecast, ac.currency).filter((r) => r.key !== null);
  dated.sort((a, b) => a.key!.localeCompare(b.key!));
  const months: typeof dated = [];
  for (const r of dated) {
    while (months.length && nextMonth(months.at(-1)!.key!) < r.key!)
      months.push({ key: nextMonth(months.at(-1)!.key!), count: 0, amount: 0, byCurrency: [] });
    months.push(r);
  }
  const undated = byKey(forecast, ac.currency).find((r) => r.key === null);
  return {
    period: periodDto(period),
    currency: ac.currency,
    interval,
    total: money.amount,
    byCurrency: money.byCurrency,
    wonCount: money.count,
    averageDealValue: money.valued === 0 ? null : round2(money.amount / money.valued),
    previousTotal,
    change: changeRatio(money.amount, previousTotal),
    series: series.map((s) => ({ bucket: s.bucket, count: s.n, amount: round2(s.amount) })),
    byOwner: sortRows(
      byKey(owners, ac.currency).map((r) => ({
        value: r.key,
        label: r.key === null ? "Unassigned" : (names.get(r.key) ?? "Former member"),
        count: r.count,
        amount: r.amount,
        byCurrency: r.byCurrency,
      })),
    ),
    bySource: sortRows(
      byKey(sources, ac.currency).map((r) => ({
        value: r.key,
        label: optionLabel(ac.sources, r.key),
        count: r.count,
        amount: r.amount,
        byCurrency: r.byCurrency,
      })),
    ),
    forecast: months.map((m) => ({
      bucket: m.key!,
      count: m.count,
      amount: m.amount,
      byCurrency: m.byCurrency,
    })),
    forecastUndated: { count: undated?.count ?? 0, amount: undated?.amount ?? 0 },
  };
}
