import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Ctx } from "@/lib/context";
import type { AnalyticsQuery } from "./analytics-filters";
import { loadAnalyticsContext, qualifiedStatus } from "./analytics-context";
import { periodDto } from "./analytics-schemas";
import {
  bucketOf,
  bucketSeries,
  dateText,
  leadFilter,
  NO_MATCH,
  optionLabel,
  ratio,
  splitCurrency,
  statusList,
  ts,
} from "./analytics-sql";
import type { LeadTimelineQuery } from "./lead-analytics-schemas";
import { cohortGroups } from "./rollups/funnel-cohort";
import { statusEntries } from "./rollups/funnel-entries";

/**
 * Leads created in the period per source: how many were contacted (ever), reached the qualified
 * status, are won or lost now, and the won deals' value.
 */
export async function getLeadSources(ctx: Ctx, query: AnalyticsQuery, now?: Date) {
  const ac = await loadAnalyticsContext(ctx, query, now);
  const { from, to } = ac.scope.period;
  const won = sql`l.status in ${statusList(ac.statuses, "won")}`;
  const rows = await queryRows<{
    source: string | null;
    currency: string;
    n: number;
    contacted: number;
    qualified: number;
    won: number;
    lost: number;
    revenue: number;
  }>(
    ctx.db,
    sql`select nullif(l.source, '') as source, coalesce(l.deal_currency, ${ac.currency}) as currency,
          count(*)::int as n,
          count(*) filter (where l.first_contacted_at is not null)::int as contacted,
          count(*) filter (where ${qualifiedStatus(ac.statuses) ?? NO_MATCH}
                                 = any(l.reached_statuses))::int as qualified,
          count(*) filter (where ${won})::int as won,
          count(*) filter (where l.status in ${statusList(ac.statuses, "lost")})::int as lost,
          coalesce(sum(l.deal_value) filter (where ${won}), 0)::float8 as revenue
        from leads l
       where ${leadFilter(ctx, ac.scope)} and l.created_at >= ${ts(from)} and l.created_at < ${ts(to)}
       group by 1, 2`,
  );
  const groups = new Map<string | null, typeof rows>();
  for (const r of rows) groups.set(r.source, [...(groups.get(r.source) ?? []), r]);
  const total = rows.reduce((s, r) => s + r.n, 0);
  const sum = (rs: typeof rows, k: "n" | "contacted" | "qualified" | "won" | "lost") =>
    rs.reduce((s, r) => s + r[k], 0);
  const out = [...groups].map(([source, rs]) => {
    const count = sum(rs, "n");
    const w = sum(rs, "won");
    const l = sum(rs, "lost");
    const money = splitCurrency(
      rs.map((r) => ({ currency: r.currency, amount: r.revenue })),
      ac.currency,
    );
    return {
      value: source,
      label: optionLabel(ac.sources, source),
      count,
      share: ratio(count, total),
      contacted: sum(rs, "contacted"),
      qualified: sum(rs, "qualified"),
      won: w,
      lost: l,
      winRate: ratio(w, w + l),
      conversionRate: ratio(w, count),
      revenue: money.amount,
      byCurrency: money.byCurrency,
    };
  });
  out.sort((a, b) => b.count - a.count || (a.value ?? "\uffff").localeCompare(b.value ?? "\uffff"));
  return { period: periodDto(ac.scope.period), currency: ac.currency, total, rows: out };
}

/**
 * Per status: leads created in the period that are in it now (grouped from the cohort's
 * index-only scan), and how many times scoped leads entered it during the period
 * (lead_status_entry_rollups, or the status history under a campaign filter).
 */
export async function getLeadStatus(ctx: Ctx, query: AnalyticsQuery, now?: Date) {
  const ac = await loadAnalyticsContext(ctx, query, now);
  const [groups, entries] = await Promise.all([
    cohortGroups(ctx, ac.scope),
    statusEntries(ctx, ac.scope),
  ]);
  const countOf = new Map<string, number>();
  for (const g of groups) countOf.set(g.status, (countOf.get(g.status) ?? 0) + g.leads);
  const enteredOf = new Map(entries.map((r) => [r.status, r.entries]));
  const total = groups.reduce((s, g) => s + g.leads, 0);
  const known = ac.statuses.filter(
    (s) => !s.retired || countOf.has(s.value) || enteredOf.has(s.value),
  );
  const unknown = [...new Set([...countOf.keys(), ...enteredOf.keys()])].filter(
    (v) => !ac.statuses.some((s) => s.value === v),
  );
  const rows = [
    ...known.map((s) => ({ value: s.value, label: s.label, category: s.category })),
    ...unknown.map((v) => ({ value: v, label: v, category: null })),
  ].map((s) => ({
    ...s,
    count: countOf.get(s.value) ?? 0,
    share: ratio(countOf.get(s.value) ?? 0, total),
    entered: enteredOf.get(s.value) ?? 0,
  }));
  return { period: periodDto(ac.scope.period), total, rows };
}

/** Leads created per bucket of the period (every bucket present), optionally split by source. */
export async function getLeadTimeline(ctx: Ctx, query: LeadTimelineQuery, now?: Date) {
  const ac = await loadAnalyticsContext(ctx, query, now);
  const { from, to } = ac.scope.period;
  const interval = ac.scope.interval;
  const rows = await queryRows<{ bucket: string; source: string | null; n: number }>(
    ctx.db,
    sql`with c as (
          select ${bucketOf(sql`l.created_at`, interval)} as bucket, nullif(l.source, '') as source,
                 count(*)::int as n
            from leads l
           where ${leadFilter(ctx, ac.scope)}
             and l.created_at >= ${ts(from)} and l.created_at < ${ts(to)}
           group by 1, 2)
        select ${dateText(sql`b.bucket`)} as bucket, c.source, coalesce(c.n, 0)::int as n
          from ${bucketSeries(from, to, interval)} b left join c on c.bucket = b.bucket
         order by b.bucket, c.n desc nulls last, c.source nulls last`,
  );
  const series: {
    bucket: string;
    count: number;
    sources?: { value: string | null; label: string; count: number }[];
  }[] = [];
  for (const r of rows) {
    let item = series.at(-1);
    if (item?.bucket !== r.bucket) {
      item = { bucket: r.bucket, count: 0, ...(query.bySource ? { sources: [] } : {}) };
      series.push(item);
    }
    item.count += r.n;
    if (query.bySource && r.n > 0)
      item.sources!.push({ value: r.source, label: optionLabel(ac.sources, r.source), count: r.n });
  }
  return {
    period: periodDto(ac.scope.period),
    interval,
    total: series.reduce((s, b) => s + b.count, 0),
    series,
  };
}
