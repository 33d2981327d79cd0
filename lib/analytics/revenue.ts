import { inArray, sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { users } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { changeRatio, type AnalyticsQuery } from "./analytics-filters";
import { loadAnalyticsContext } from "./analytics-context";
import { periodDto } from "./analytics-schemas";
import {
  bucketOf,
  bucketSeries,
  dateText,
  leadFilter,
  optionLabel,
  round2,
  splitCurrency,
  statusList,
  ts,
} from "./analytics-sql";

type Grouped = { key: string | null; currency: string; n: number; amount: number };

/** Rows of one key across currencies → {count, amount in org currency, byCurrency}. */
function byKey(rows: Grouped[], currency: string) {
  const groups = new Map<string | null, Grouped[]>();
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

/**
 * Won revenue of the period (deals won in it: total, per bucket, owner and source, average deal)
 * against the previous period, and the forecast: open deals now by expected close month.
 */
export async function getRevenue(ctx: Ctx, query: AnalyticsQuery, now?: Date) {
  const ac = await loadAnalyticsContext(ctx, query, now);
  const { period, interval } = ac.scope;
  const f = leadFilter(ctx, ac.scope);
  const won = sql`l.won_at >= ${ts(period.from)} and l.won_at < ${ts(period.to)}`;
  const cur = sql`coalesce(l.deal_currency, ${ac.currency})`;
  const grouped = (key: ReturnType<typeof sql>) =>
    queryRows<Grouped>(
      ctx.db,
      sql`select ${key} as key, ${cur} as currency, count(*)::int as n,
                 coalesce(sum(l.deal_value), 0)::float8 as amount
            from leads l where ${f} and ${won} group by 1, 2`,
    );
  const [owners, sources, totals, series, forecast] = await Promise.all([
    grouped(sql`l.owner_id::text`),
    grouped(sql`nullif(l.source, '')`),
    queryRows<{ currency: string; n: number; valued: number; amount: number; previous: number }>(
      ctx.db,
      sql`select ${cur} as currency, count(*) filter (where ${won})::int as n,
                 count(l.deal_value) filter (where ${won})::int as valued,
                 coalesce(sum(l.deal_value) filter (where ${won}), 0)::float8 as amount,
                 coalesce(sum(l.deal_value) filter (
                   where l.won_at >= ${ts(period.previousFrom)} and l.won_at < ${ts(period.previousTo)}
                 ), 0)::float8 as previous
            from leads l
           where ${f} and l.won_at >= ${ts(period.previousFrom)} and l.won_at < ${ts(period.to)}
           group by 1`,
    ),
    queryRows<{ bucket: string; n: number; amount: number }>(
      ctx.db,
      sql`with w as (
            select ${bucketOf(sql`l.won_at`, interval)} as bucket, count(*)::int as n,
                   coalesce(sum(l.deal_value) filter (where ${cur} = ${ac.currency}), 0)::float8 as amount
              from leads l where ${f} and ${won} group by 1)
          select ${dateText(sql`b.bucket`)} as bucket, coalesce(w.n, 0)::int as n,
                 coalesce(w.amount, 0)::float8 as amount
            from ${bucketSeries(period.from, period.to, interval)} b
            left join w on w.bucket = b.bucket order by b.bucket`,
    ),
    queryRows<Grouped>(
      ctx.db,
      sql`select ${dateText(sql`date_trunc('month', l.expected_close_date)`)} as key,
                 ${cur} as currency, count(*)::int as n,
                 coalesce(sum(l.deal_value), 0)::float8 as amount
            from leads l
           where ${f} and l.status in ${statusList(ac.statuses, "open")}
             and (l.deal_value is not null or l.expected_close_date is not null)
           group by 1, 2`,
    ),
  ]);
  const names = await memberNames(
    ctx,
    owners.map((o) => o.key).filter((k): k is string => k !== null),
  );
  const money = splitCurrency(totals, ac.currency);
  const inOrg = totals.filter((t) => t.currency === ac.currency);
  const valued = inOrg.reduce((s, t) => s + t.valued, 0);
  const previousTotal = round2(inOrg.reduce((s, t) => s + t.previous, 0));
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
    wonCount: totals.reduce((s, t) => s + t.n, 0),
    averageDealValue: valued === 0 ? null : round2(money.amount / valued),
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
