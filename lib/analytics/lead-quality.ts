import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Ctx } from "@/lib/context";
import type { AnalyticsQuery } from "./analytics-filters";
import { loadAnalyticsContext } from "./analytics-context";
import { periodDto } from "./analytics-schemas";
import { leadFilter, optionLabel, ratio, statusList, ts } from "./analytics-sql";
import { SCORE_BANDS } from "./stats-schemas";

const TEMPERATURES = [
  { value: "hot", label: "Hot" },
  { value: "warm", label: "Warm" },
  { value: "cold", label: "Cold" },
] as const;

/**
 * Seed 003's lead quality: per source of the leads created in the period, the share by temperature
 * and by score band (low < 40, medium 40–69, high ≥ 70), the average score and how many are won.
 */
export async function getLeadQuality(ctx: Ctx, query: AnalyticsQuery, now?: Date) {
  const ac = await loadAnalyticsContext(ctx, query, now);
  const { from, to } = ac.scope.period;
  const rows = await queryRows<{
    source: string | null;
    n: number;
    avg: number | null;
    hot: number;
    warm: number;
    cold: number;
    low: number;
    medium: number;
    high: number;
    won: number;
  }>(
    ctx.db,
    sql`select nullif(l.source, '') as source, count(*)::int as n, avg(l.score)::float8 as avg,
          count(*) filter (where l.temperature = 'hot')::int as hot,
          count(*) filter (where l.temperature = 'warm')::int as warm,
          count(*) filter (where l.temperature = 'cold')::int as cold,
          count(*) filter (where l.score < 40)::int as low,
          count(*) filter (where l.score between 40 and 69)::int as medium,
          count(*) filter (where l.score >= 70)::int as high,
          count(*) filter (where l.status in ${statusList(ac.statuses, "won")})::int as won
        from leads l
       where ${leadFilter(ctx, ac.scope)} and l.created_at >= ${ts(from)} and l.created_at < ${ts(to)}
       group by 1 order by n desc, source nulls last`,
  );
  return {
    period: periodDto(ac.scope.period),
    rows: rows.map((r) => ({
      value: r.source,
      label: optionLabel(ac.sources, r.source),
      count: r.n,
      averageScore: r.avg === null ? null : Math.round(r.avg * 100) / 100,
      temperatures: TEMPERATURES.map((t) => ({
        value: t.value,
        label: t.label,
        count: r[t.value],
        share: ratio(r[t.value], r.n),
      })),
      scoreBands: SCORE_BANDS.map((b) => ({
        value: b.value,
        label: b.label,
        count: r[b.value],
        share: ratio(r[b.value], r.n),
      })),
      won: r.won,
      wonRate: ratio(r.won, r.n),
    })),
  };
}
