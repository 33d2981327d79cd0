import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Ctx } from "@/lib/context";
import type { AnalyticsQuery } from "./analytics-filters";
import { loadAnalyticsContext, type AnalyticsContext } from "./analytics-context";
import { periodDto } from "./analytics-schemas";
import {
  bucketOf,
  bucketSeries,
  contactEvents,
  dateText,
  leadFilter,
  optionLabel,
  ratio,
  replyEvents,
  splitCurrency,
  statusList,
  ts,
} from "./analytics-sql";
import { conversionFunnel } from "./conversion-funnel";
import { computeKpis } from "./kpis";
import { scoreDistribution } from "./lead-score";

/** Leads created per source in the period (with how many of them are won), top 8. */
async function topSources(ctx: Ctx, ac: AnalyticsContext) {
  const { from, to } = ac.scope.period;
  const rows = await queryRows<{ source: string | null; n: number; won: number }>(
    ctx.db,
    sql`select nullif(l.source, '') as source, count(*)::int as n,
               count(*) filter (where l.status in ${statusList(ac.statuses, "won")})::int as won
          from leads l
         where ${leadFilter(ctx, ac.scope)} and l.created_at >= ${ts(from)} and l.created_at < ${ts(to)}
         group by 1 order by n desc, source nulls last limit 8`,
  );
  return rows.map((r) => ({
    value: r.source,
    label: optionLabel(ac.sources, r.source),
    count: r.n,
    won: r.won,
  }));
}

/** Open leads now per open status, with the sum of their deal values per currency. */
async function pipelineByStage(ctx: Ctx, ac: AnalyticsContext) {
  const rows = await queryRows<{
    status: string;
    currency: string | null;
    n: number;
    amount: number;
  }>(
    ctx.db,
    sql`select l.status, coalesce(l.deal_currency, ${ac.currency}) as currency, count(*)::int as n,
               coalesce(sum(l.deal_value), 0)::float8 as amount
          from leads l
         where ${leadFilter(ctx, ac.scope)} and l.status in ${statusList(ac.statuses, "open")}
         group by 1, 2`,
  );
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

/** Per bucket: leads created, leads first contacted, and of those how many replied. */
async function activitySeries(ctx: Ctx, ac: AnalyticsContext) {
  const { from, to } = ac.scope.period;
  const interval = ac.scope.interval;
  const rows = await queryRows<{
    bucket: string;
    created: number;
    contacted: number;
    replied: number;
  }>(
    ctx.db,
    sql`with f as (select l.id, l.created_at from leads l where ${leadFilter(ctx, ac.scope)}),
        first_contact as (
          select e.lead_id, min(e.occurred_at) as at
            from ${contactEvents(ctx)} e join f on f.id = e.lead_id group by e.lead_id),
        created as (
          select ${bucketOf(sql`created_at`, interval)} as bucket, count(*)::int as n from f
           where created_at >= ${ts(from)} and created_at < ${ts(to)} group by 1),
        contacted as (
          select ${bucketOf(sql`fc.at`, interval)} as bucket, count(*)::int as n,
                 count(*) filter (where exists (
                   select 1 from ${replyEvents(ctx)} r
                    where r.lead_id = fc.lead_id and r.occurred_at >= fc.at
                      and r.occurred_at < ${ts(to)}))::int as replied
            from first_contact fc where fc.at >= ${ts(from)} and fc.at < ${ts(to)} group by 1)
      select ${dateText(sql`b.bucket`)} as bucket, coalesce(c.n, 0)::int as created,
             coalesce(k.n, 0)::int as contacted, coalesce(k.replied, 0)::int as replied
        from ${bucketSeries(from, to, interval)} b
        left join created c on c.bucket = b.bucket
        left join contacted k on k.bucket = b.bucket
       order by b.bucket`,
  );
  return rows.map((r) => ({
    bucket: r.bucket,
    leadsCreated: r.created,
    contacted: r.contacted,
    replied: r.replied,
    replyRate: ratio(r.replied, r.contacted),
  }));
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
