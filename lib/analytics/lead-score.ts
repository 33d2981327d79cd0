import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Ctx } from "@/lib/context";
import { loadAnalyticsContext, type AnalyticsContext } from "./analytics-context";
import { periodDto } from "./analytics-schemas";
import { leadFilter, ratio, ts } from "./analytics-sql";
import type { LeadScoreQuery } from "./stats-schemas";

/**
 * Scores of the leads created in the period, in buckets of `width` points. Buckets cover 0–100
 * and stretch to any score outside it, every bucket present (zeros included). One index-only scan
 * counts the leads per score (about a hundred rows); buckets, average and median (exact: scores
 * are integers) are folded from those counts.
 */
export async function scoreDistribution(ctx: Ctx, ac: AnalyticsContext, width: number) {
  const { from, to } = ac.scope.period;
  const perScore = await queryRows<{ score: number; n: number }>(
    ctx.db,
    sql`select l.score, count(*)::int as n from leads l
         where ${leadFilter(ctx, ac.scope)} and l.created_at >= ${ts(from)}
           and l.created_at < ${ts(to)}
         group by 1 order by 1`,
  );
  const counts = new Map<number, number>();
  for (const r of perScore) {
    const b = Math.floor(r.score / width);
    counts.set(b, (counts.get(b) ?? 0) + r.n);
  }
  const keys = [...counts.keys()];
  const lo = Math.min(0, ...keys);
  const hi = Math.max(Math.floor(100 / width), ...keys);
  const total = perScore.reduce((t, r) => t + r.n, 0);
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
  const sum = perScore.reduce((t, r) => t + r.score * r.n, 0);
  return {
    total,
    averageScore: total === 0 ? null : Math.round((sum / total) * 100) / 100,
    medianScore: medianOfCounts(perScore, total),
    buckets,
  };
}

/** The median (percentile_cont 0.5) of values given as ascending (value, count) pairs. */
function medianOfCounts(rows: { score: number; n: number }[], total: number): number | null {
  if (total === 0) return null;
  // 0-based ranks of the middle value(s): one when the total is odd, two to average when even.
  const ranks = [Math.floor((total - 1) / 2), Math.ceil((total - 1) / 2)];
  const values: number[] = [];
  let seen = 0;
  for (const r of rows) {
    for (const rank of ranks) if (rank >= seen && rank < seen + r.n) values.push(r.score);
    seen += r.n;
  }
  return (values[0]! + values[1]!) / 2;
}

export async function getLeadScoreStats(ctx: Ctx, query: LeadScoreQuery, now?: Date) {
  const ac = await loadAnalyticsContext(ctx, query, now);
  const d = await scoreDistribution(ctx, ac, query.bucketWidth);
  return { period: periodDto(ac.scope.period), bucketWidth: query.bucketWidth, ...d };
}
