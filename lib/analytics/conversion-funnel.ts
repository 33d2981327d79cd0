import type { Ctx } from "@/lib/context";
import type { AnalyticsQuery } from "./analytics-filters";
import { loadAnalyticsContext, funnelStatuses, type AnalyticsContext } from "./analytics-context";
import { periodDto } from "./analytics-schemas";
import { ratio } from "./analytics-sql";
import { cohortGroups, timeInStage } from "./rollups/funnel-cohort";

/**
 * The funnel of the leads created in the period across the ordered open → won statuses: how many
 * got at least as far as each stage (reached it or any later one, leads.reached_statuses — a lead
 * moved straight from New to Demo has passed Contacted and Qualified, so no stage ever holds more
 * than the one before it), stage-to-stage conversion, and the median time spent in each status
 * (from one status change to the lead's next one; leads still in it don't count).
 */
export async function conversionFunnel(ctx: Ctx, ac: AnalyticsContext) {
  const { scope, statuses } = ac;
  const ordered = funnelStatuses(statuses);
  const [groups, times] = await Promise.all([cohortGroups(ctx, scope), timeInStage(ctx, scope)]);
  const position = new Map(ordered.map((s, i) => [s.value, i]));
  const category = new Map(statuses.map((s) => [s.value, s.category]));
  // Leads per furthest stage reached (its position in the ordered stages).
  const furthest = ordered.map(() => 0);
  const totals = { cohort: 0, won: 0, lost: 0 };
  for (const g of groups) {
    const at = Math.max(-1, ...g.reached.map((s) => position.get(s) ?? -1));
    if (at >= 0) furthest[at]! += g.leads;
    totals.cohort += g.leads;
    if (category.get(g.status) === "won") totals.won += g.leads;
    if (category.get(g.status) === "lost") totals.lost += g.leads;
  }
  // Stage i holds every lead whose furthest stage is i or later.
  const atLeast = furthest.map((_, i) => furthest.slice(i).reduce((t, n) => t + n, 0));
  const medianBy = new Map(times.map((r) => [r.status, r.median]));
  const first = atLeast[0] ?? 0;
  const stages = ordered.map((s, i) => {
    const entered = atLeast[i]!;
    const previous = i === 0 ? null : atLeast[i - 1]!;
    return {
      value: s.value,
      label: s.label,
      category: s.category === "won" ? ("won" as const) : ("open" as const),
      entered,
      conversionFromPrevious: previous === null ? null : ratio(entered, previous),
      conversionFromFirst: ratio(entered, first),
      medianSecondsInStage: medianBy.get(s.value) ?? null,
    };
  });
  return { stages, ...totals };
}

export async function getConversion(ctx: Ctx, query: AnalyticsQuery, now?: Date) {
  const ac = await loadAnalyticsContext(ctx, query, now);
  const f = await conversionFunnel(ctx, ac);
  return {
    period: periodDto(ac.scope.period),
    cohort: f.cohort,
    stages: f.stages,
    won: f.won,
    lost: f.lost,
    overallConversion: ratio(f.won, f.cohort),
  };
}
