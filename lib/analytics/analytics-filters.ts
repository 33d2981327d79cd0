import { z } from "zod";
import { validationError } from "@/lib/http/problem";
import type { Ctx } from "@/lib/context";
import { UNASSIGNED_KEY } from "@/lib/leads/lead-counts";
import { teamOf } from "@/lib/leads/visibility";

/** A list value from a query string: repeated (`source=a&source=b`) or comma-separated. */
const list = z
  .union([z.string(), z.array(z.string())])
  .transform((v) =>
    (Array.isArray(v) ? v : [v])
      .flatMap((s) => s.split(","))
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().max(100)).max(50));

export const ANALYTICS_RANGES = ["7d", "30d", "90d", "12m", "ytd"] as const;
export const ANALYTICS_INTERVALS = ["day", "week", "month"] as const;
export type AnalyticsInterval = (typeof ANALYTICS_INTERVALS)[number];

const DAY_MS = 86_400_000;

/**
 * The filters every analytics, stats and report endpoint takes (the analytics screens keep them in
 * the URL). Days are UTC calendar days; `to` is inclusive.
 */
export const analyticsFilterShape = {
  from: z.iso.date().optional().meta({ description: "First day (UTC), inclusive" }),
  to: z.iso.date().optional().meta({ description: "Last day (UTC), inclusive; default today" }),
  range: z
    .enum(ANALYTICS_RANGES)
    .default("30d")
    .meta({ description: "The period when `from` is not given: ending `to` (or today)" }),
  ownerId: list
    .optional()
    .meta({ description: "Only these owners' leads and these members' work (user ids or `me`)" }),
  teamId: z
    .uuid()
    .optional()
    .meta({ description: "A manager's user id: that manager and everyone reporting to them" }),
  source: list.optional().meta({ description: "Lead sources (slugs)" }),
  campaignId: z.uuid().optional(),
  interval: z
    .enum(ANALYTICS_INTERVALS)
    .default("day")
    .meta({ description: "Bucket size of time series" }),
};

export const analyticsQuery = z.strictObject(analyticsFilterShape).meta({ id: "AnalyticsQuery" });
export type AnalyticsQuery = z.infer<typeof analyticsQuery>;

export interface AnalyticsPeriod {
  /** Inclusive start (00:00 UTC of the first day). */
  from: Date;
  /** Exclusive end (00:00 UTC of the day after the last). */
  to: Date;
  /** The equally long period just before, for "change vs previous period". */
  previousFrom: Date;
  previousTo: Date;
  days: number;
}

export interface AnalyticsScope {
  period: AnalyticsPeriod;
  /**
   * Whose leads and work count: null = the whole organization; otherwise these user ids (the
   * requested owners/team, narrowed to what the caller may see). Never empty when not null.
   */
  ownerIds: string[] | null;
  sources: string[] | null;
  campaignId: string | null;
  interval: AnalyticsInterval;
}

function utcDay(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

/** The period a query asks for; `now` is injectable so tests get exact days. */
export function resolvePeriod(query: AnalyticsQuery, now = new Date()): AnalyticsPeriod {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const last = query.to ? utcDay(query.to) : today;
  const to = new Date(last.getTime() + DAY_MS);
  let from: Date;
  if (query.from) from = utcDay(query.from);
  else if (query.range === "ytd") from = new Date(Date.UTC(last.getUTCFullYear(), 0, 1));
  else if (query.range === "12m")
    from = new Date(Date.UTC(last.getUTCFullYear() - 1, last.getUTCMonth(), last.getUTCDate() + 1));
  else from = new Date(to.getTime() - Number.parseInt(query.range, 10) * DAY_MS);
  if (from >= to) {
    throw validationError([{ path: "from", message: "Must be on or before `to`" }]);
  }
  const days = Math.round((to.getTime() - from.getTime()) / DAY_MS);
  if (days > 3660) {
    throw validationError([{ path: "from", message: "A period may span at most ten years" }]);
  }
  return {
    from,
    to,
    previousFrom: new Date(from.getTime() - days * DAY_MS),
    previousTo: from,
    days,
  };
}

/**
 * Whose numbers the caller may see: admins and owners (and integrations) everyone's, managers
 * their own and their team's, reps their own (seed: "reps see their own numbers"). Filters for
 * owners or a team outside that are narrowed to it — asking for someone else's numbers yields
 * none, not an error, so a shared dashboard link works for everyone.
 */
export async function resolveAnalyticsScope(
  ctx: Ctx,
  query: AnalyticsQuery,
  now = new Date(),
): Promise<AnalyticsScope> {
  const period = resolvePeriod(query, now);
  const self = ctx.actor.userId;
  let allowed: string[] | null;
  if (ctx.role === "owner" || ctx.role === "admin" || ctx.role === "integration") allowed = null;
  else if (ctx.role === "manager") allowed = self ? [self, ...(await teamOf(ctx))] : [];
  else allowed = self ? [self] : [];

  let requested: string[] | null = null;
  if (query.ownerId?.length)
    requested = query.ownerId.map((id) => (id === "me" ? (self ?? "") : id));
  if (query.teamId) {
    const team = await teamMembers(ctx, query.teamId);
    requested = requested ? requested.filter((id) => team.includes(id)) : team;
  }
  let ownerIds = requested ?? allowed;
  if (requested && allowed) ownerIds = requested.filter((id) => allowed.includes(id));
  // A scope that matches nobody still has to match no rows: the nil id keeps `in (...)` valid and
  // is no member (rollupFilter drops it, so it matches no unassigned rollup row either).
  if (ownerIds && ownerIds.length === 0) ownerIds = [UNASSIGNED_KEY];
  return {
    period,
    ownerIds: ownerIds ? [...new Set(ownerIds)] : null,
    sources: query.source?.length ? query.source : null,
    campaignId: query.campaignId ?? null,
    interval: query.interval,
  };
}

/** A manager and everyone reporting to them (directly or not), within the organization. */
async function teamMembers(ctx: Ctx, managerId: string): Promise<string[]> {
  const asManager: Ctx = { ...ctx, actor: { ...ctx.actor, userId: managerId } };
  return [managerId, ...(await teamOf(asManager))];
}

/** "+12.5" style change vs the previous period: null when there was nothing before. */
export function changeRatio(current: number, previous: number): number | null {
  if (previous === 0) return current === 0 ? 0 : null;
  return (current - previous) / previous;
}
