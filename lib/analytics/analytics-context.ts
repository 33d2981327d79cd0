import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { loadLeadOptions, type LeadOption } from "@/lib/leads/lead-options";
import { organizationCurrency } from "@/lib/organizations/organization-currency";
import {
  resolveAnalyticsScope,
  type AnalyticsQuery,
  type AnalyticsScope,
} from "./analytics-filters";

export interface AnalyticsContext {
  scope: AnalyticsScope;
  statuses: LeadOption[];
  sources: LeadOption[];
  currency: string;
  now: Date;
}

/** What every analytics function starts with: permission, scope, picklists and currency. */
export async function loadAnalyticsContext(
  ctx: Ctx,
  query: AnalyticsQuery,
  now = new Date(),
): Promise<AnalyticsContext> {
  assertCan(ctx, "analytics:read");
  const [scope, options, currency] = await Promise.all([
    resolveAnalyticsScope(ctx, query, now),
    loadLeadOptions(ctx.db, ctx.orgId),
    organizationCurrency(ctx.db, ctx.orgId),
  ]);
  return {
    scope,
    statuses: options.options.status,
    sources: options.options.source,
    currency,
    now,
  };
}

/**
 * The status that counts as "qualified": the one whose slug is `qualified`, or else the first open
 * status after the initial one (the pipeline's second open stage). Null when there is none.
 */
export function qualifiedStatus(statuses: LeadOption[]): string | null {
  if (statuses.some((s) => s.value === "qualified")) return "qualified";
  const open = statuses.filter((s) => s.category === "open" && !s.retired);
  return open[1]?.value ?? null;
}

/** The ordered funnel: open statuses, then won ones (retired statuses left out). */
export function funnelStatuses(statuses: LeadOption[]): LeadOption[] {
  const live = statuses.filter((s) => !s.retired);
  return [
    ...live.filter((s) => s.category === "open"),
    ...live.filter((s) => s.category === "won"),
  ];
}
