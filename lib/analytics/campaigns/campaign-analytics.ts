import type { AnalyticsQuery } from "@/lib/analytics/analytics-filters";
import { resolveAnalyticsScope } from "@/lib/analytics/analytics-filters";
import { periodDto } from "@/lib/analytics/analytics-schemas";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { organizationCurrency } from "@/lib/organizations/organization-currency";
import {
  COMPARED_RATES,
  LOWER_IS_BETTER,
  type CampaignAnalytics,
  type CampaignAnalyticsRow,
  type CampaignComparison,
  type CampaignComparisonQuery,
  type CampaignsAnalyticsSummary,
  type ComparedRate,
} from "./campaign-analytics-schemas";
import { loadCampaignRows, totalsOf } from "./campaign-metrics";

/**
 * GET /analytics/campaigns: every campaign running in the period (or the one asked for), its mail
 * to the leads in the caller's scope, what came of it (meetings, won deals) and what it cost.
 */
export async function getCampaignAnalytics(
  ctx: Ctx,
  query: AnalyticsQuery,
  now = new Date(),
): Promise<CampaignAnalytics> {
  assertCan(ctx, "analytics:read");
  const [scope, currency] = await Promise.all([
    resolveAnalyticsScope(ctx, query, now),
    organizationCurrency(ctx.db, ctx.orgId),
  ]);
  const campaigns = await loadCampaignRows(ctx, scope, { kind: "period" }, currency);
  return {
    period: periodDto(scope.period),
    currency,
    totals: totalsOf(campaigns, currency),
    campaigns,
  };
}

/** Seed 001's GET /campaigns/analytics: the same rows, with the organization's totals first. */
export async function getCampaignsAnalyticsSummary(
  ctx: Ctx,
  query: AnalyticsQuery,
  now = new Date(),
): Promise<CampaignsAnalyticsSummary> {
  const result = await getCampaignAnalytics(ctx, query, now);
  return {
    period: result.period,
    currency: result.currency,
    campaignCount: result.campaigns.length,
    activeCampaigns: result.campaigns.filter((c) => c.status === "active").length,
    totals: result.totals,
    campaigns: result.campaigns,
  };
}

/** The campaign with the best value of a rate; null when none has one or the best is shared. */
function bestOf(rows: CampaignAnalyticsRow[], rate: ComparedRate): string | null {
  const lower = LOWER_IS_BETTER.includes(rate);
  const rated = rows.filter((r) => r[rate] !== null);
  if (!rated.length) return null;
  const values = rated.map((r) => r[rate]!);
  const top = lower ? Math.min(...values) : Math.max(...values);
  const leaders = rated.filter((r) => r[rate] === top);
  return leaders.length === 1 ? leaders[0]!.campaignId : null;
}

/** GET /analytics/campaigns/comparison: 2–10 campaigns side by side, and the best at each rate. */
export async function compareCampaigns(
  ctx: Ctx,
  query: CampaignComparisonQuery,
  now = new Date(),
): Promise<CampaignComparison> {
  assertCan(ctx, "analytics:read");
  const { ids, ...filters } = query;
  const unique = [...new Set(ids)];
  const [scope, currency] = await Promise.all([
    resolveAnalyticsScope(ctx, filters, now),
    organizationCurrency(ctx.db, ctx.orgId),
  ]);
  // A campaignId filter would hide the others being compared: the ids are the selection.
  const rows = await loadCampaignRows(
    ctx,
    { ...scope, campaignId: null },
    { kind: "ids", ids: unique },
    currency,
  );
  if (rows.length !== unique.length) throw notFound("Campaign");
  const campaigns = unique.map((id) => rows.find((r) => r.campaignId === id)!);
  return {
    period: periodDto(scope.period),
    currency,
    campaigns,
    best: Object.fromEntries(COMPARED_RATES.map((r) => [r, bestOf(campaigns, r)])) as Record<
      ComparedRate,
      string | null
    >,
  };
}
