import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Ctx } from "@/lib/context";
import { loadAnalyticsContext, type AnalyticsContext } from "./analytics-context";
import { periodDto } from "./analytics-schemas";
import { leadFilter, ratio, ts } from "./analytics-sql";
import type { LeadScoreQuery } from "./stats-schemas";

/**
 * Scores of the leads created in the period, in buckets of `width` points. Buckets cover 0–100
 * and stretch to any score outside it, every bucket present (zeros included).
 */
export async function scoreDistribution(ctx: Ctx, ac: AnalyticsContext, width: number) {
  const { from, to } = ac.scope.period;
  const cohort = sql`from leads l where ${leadFilter(ctx, ac.scope)}
    and l.created_at >= ${ts(from)} and l.created_at < ${ts(to)}`;
  const [rows, stats] = await Promise.all([
    queryRows<{ b: number; n: number }>(
      ctx.db,
      sql`select floor(l.score::numeric / ${width})::int as b, count(*)::int as n ${cohort} group by 1`,
    ),
    queryRows<{ total: number; avg: number | null; median: number | null }>(
      ctx.db,
      sql`select count(*)::int as total, avg(l.score)::float8 as avg,
                 (percentile_cont(0.5) within group (order by l.score))::float8 as median ${cohort}`,
    ),
  ]);
  const counts = new Map(rows.map((r) => [r.b, r.n]));
  const keys = [...counts.keys()];
  const lo = Math.min(0, ...keys);
  const hi = Math.max(Math.floor(100 / width), ...keys);
  const total = stats[0]?.total ?? 0;
  const buckets = [];
  for (let b = lo; b <= hi; b++) {
    const count = counts.get(b) ?? 0;
    const min = b * width;
    const max = min + width - 1;
    buckets.push({
      bucket: width === 1 ? String(min) : `${min}-${max}`,
      min,
      max,
      count,
      share: ratio(count, total),
    });
  }
  const avg = stats[0]?.avg ?? null;
  return {
    total,
    averageScore: avg === null ? null : Math.round(avg * 100) / 100,
    medianScore: stats[0]?.median ?? null,
    buckets,
  };
}

export async function getLeadScoreStats(ctx: Ctx, query: LeadScoreQuery, now?: Date) {
  const ac = await loadAnalyticsContext(ctx, query, now);
  const d = await scoreDistribution(ctx, ac, query.bucketWidth);
  return { period: periodDto(ac.scope.period), bucketWidth: query.bucketWidth, ...d };
}
