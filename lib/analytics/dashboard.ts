import { sql, type SQL } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Ctx } from "@/lib/context";
import type { AnalyticsQuery } from "./analytics-filters";
import { loadAnalyticsContext, type AnalyticsContext } from "./analytics-context";
import { periodDto } from "./analytics-schemas";
import {
  bucketOf,
  bucketSeries,
  dateText,
  leadFilter,
  optionLabel,
  ratio,
  splitCurrency,
  ts,
} from "./analytics-sql";
import { openStages } from "./kpi-counts";
import { rollupSeries, rollupsCover, rollupTotals } from "./rollups/rollup-sql";
import { conversionFunnel } from "./conversion-funnel";
import { computeKpis } from "./kpis";
import { scoreDistribution } from "./lead-score";

/** Leads created per source in the period (with how many of them are won now), top 8. */
async function topSources(ctx: Ctx, ac: AnalyticsContext) {
  const { from, to } = ac.scope.period;
  const rows = rollupsCover(ac.scope)
    ? (await rollupTotals(ctx, ac.scope, from, to, ["created"], "source")).map((r) => ({
        source: r.source,
        n: r.leads,
        won: r.outcome === "won" ? r.leads : 0,
      }))
    : await queryRows<{ source: string | null; n: number; won: number }>(
        ctx.db,
        sql`select nullif(l.source, '') as source, count(*)::int as n,
                   count(*) filter (where l.won_at is not null)::int as won
              from leads l
             where ${leadFilter(ctx, ac.scope)} and l.created_at >= ${ts(from)}
               and l.created_at < ${ts(to)}
             group by 1`,
      );
  const bySource = new Map<string | null, { n: number; won: number }>();
  for (const r of rows) {
    const t = bySource.get(r.source) ?? { n: 0, won: 0 };
    bySource.set(r.source, { n: t.n + r.n, won: t.won + r.won });
  }
  return [...bySource]
    .filter(([, t]) => t.n > 0)
    .sort(([a, x], [b, y]) => y.n - x.n || (a ?? "\uffff").localeCompare(b ?? "\uffff"))
    .slice(0, 8)
    .map(([source, t]) => ({
      value: source,
      label: optionLabel(ac.sources, source),
      count: t.n,
      won: t.won,
    }));
}

/** Open leads now per open status, with the sum of their deal values per currency. */
export async function pipelineByStage(ctx: Ctx, ac: AnalyticsContext) {
  const rows = await openStages(ctx, ac);
  return ac.statuses
    .filter((s) => s.category === "open" && !s.retired)
    .map((s) => {
      const mine = rows.filter((r) => r.status === s.value);
      const money = splitCurrency(mine, ac.currency);
      return {
        value: s.value,
        label: s.label,
        count: mine.reduce((t, r) => t + r.n, 0),
        amount: money.amount,
        byCurrency: money.byCurrency,
      };
    });
}

/** Per bucket: leads created, leads first contacted, and of those how many have replied. */
async function activitySeries(ctx: Ctx, ac: AnalyticsContext) {
  const { from, to } = ac.scope.period;
  const interval = ac.scope.interval;
  const [buckets, counts] = await Promise.all([
    queryRows<{ bucket: string }>(
      ctx.db,
      sql`select ${dateText(sql`b.bucket`)} as bucket from ${bucketSeries(from, to, interval)} b
          order by b.bucket`,
    ),
    rollupsCover(ac.scope)
      ? rollupSeries(ctx, ac.scope, from, to, interval, ["created", "contacted", "replied"])
      : seriesFromLeads(ctx, ac),
  ]);
  const byKey = new Map(counts.map((c) => [`${c.bucket}/${c.metric}`, c.leads]));
  const count = (bucket: string, metric: string) => byKey.get(`${bucket}/${metric}`) ?? 0;
  return buckets.map(({ bucket }) => {
    const contacted = count(bucket, "contacted");
    const replied = count(bucket, "replied");
    return {
      bucket,
      leadsCreated: count(bucket, "created"),
      contacted,
      replied,
      replyRate: ratio(replied, contacted),
    };
  });
}

/** The series' counts from the leads (a campaign filter): same shape as rollupSeries. */
async function seriesFromLeads(ctx: Ctx, ac: AnalyticsContext) {
  const { from, to } = ac.scope.period;
  const interval = ac.scope.interval;
  const inPeriod = (col: SQL) => sql`${col} >= ${ts(from)} and ${col} < ${ts(to)}`;
  return queryRows<{ bucket: string; metric: string; leads: number }>(
    ctx.db,
    sql`with f as (select l.created_at, l.first_contacted_at, l.first_replied_at from leads l
                    where ${leadFilter(ctx, ac.scope)})
        select ${dateText(bucketOf(sql`created_at`, interval))} as bucket, 'created' as metric,
               count(*)::int as leads
          from f where ${inPeriod(sql`created_at`)} group by 1
        union all
        select ${dateText(bucketOf(sql`first_contacted_at`, interval))}, 'contacted', count(*)::int
          from f where ${inPeriod(sql`first_contacted_at`)} group by 1
        union all
        select ${dateText(bucketOf(sql`first_contacted_at`, interval))}, 'replied', count(*)::int
          from f where ${inPeriod(sql`first_contacted_at`)} and first_replied_at is not null
         group by 1`,
  );
}

/** Everything the manager dashboard shows, in one call. */
export async function getDashboard(ctx: Ctx, query: AnalyticsQuery, now?: Date) {
  const ac = await loadAnalyticsContext(ctx, query, now);
  const [kpis, funnel, sources, pipeline, series, scores] = await Promise.all([
    computeKpis(ctx, ac),
    conversionFunnel(ctx, ac),
    topSources(ctx, ac),
    pipelineByStage(ctx, ac),
    activitySeries(ctx, ac),
    scoreDistribution(ctx, ac, 10),
  ]);
  return {
    period: periodDto(ac.scope.period),
    currency: ac.currency,
    interval: ac.scope.interval,
    kpis,
    funnel: funnel.stages,
    sources,
    pipeline,
    series,
    scoreDistribution: scores.buckets,
  };
}
