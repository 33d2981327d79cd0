import { and, count, desc, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import { customFieldDefinitions, leads } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { loadLeadOptions } from "@/lib/leads/lead-options";
import { leadScope } from "@/lib/leads/visibility";
import type { RecommendationDimension, SegmentStats } from "./recommendation-schemas";

/** Segments per dimension: the biggest ones carry the evidence; the tail is noise. */
const SEGMENTS_PER_DIMENSION = 25;

export interface WinRates {
  overall: { total: number; won: number; lost: number; winRate: number | null };
  segments: SegmentStats[];
}

export const winRate = (won: number, lost: number) =>
  won + lost > 0 ? Math.round((won / (won + lost)) * 1000) / 1000 : null;

/** A custom field that holds company size, when the organization keeps one. */
async function companySizeField(ctx: Ctx): Promise<string | null> {
  const [field] = await ctx.db
    .select({ key: customFieldDefinitions.key })
    .from(customFieldDefinitions)
    .where(
      and(
        eq(customFieldDefinitions.organizationId, ctx.orgId),
        eq(customFieldDefinitions.archived, false),
        sql`${customFieldDefinitions.key} ~* '(company_?size|employees|headcount)'`,
      ),
    )
    .limit(1);
  return field?.key ?? null;
}

/**
 * Counts and win rates of the leads the caller can see, overall and by industry, source, job
 * title and company size (when kept): won and lost are the statuses the organization marks as
 * such, so renamed or added outcome stages count too.
 */
export async function segmentWinRates(ctx: Ctx): Promise<WinRates> {
  const options = await loadLeadOptions(ctx.db, ctx.orgId);
  const statuses = (category: "won" | "lost") =>
    options.options.status.filter((o) => o.category === category).map((o) => o.value);
  const wonStatuses = statuses("won");
  const lostStatuses = statuses("lost");
  const wonSql = sql<number>`count(*) filter (where ${inArray(leads.status, wonStatuses)})`.mapWith(
    Number,
  );
  const lostSql =
    sql<number>`count(*) filter (where ${inArray(leads.status, lostStatuses)})`.mapWith(Number);
  const scope = await leadScope(ctx);

  const [overallRow] = await ctx.db
    .select({ total: count(), won: wonSql, lost: lostSql })
    .from(leads)
    .where(scope);
  const overall = {
    total: overallRow?.total ?? 0,
    won: overallRow?.won ?? 0,
    lost: overallRow?.lost ?? 0,
    winRate: winRate(overallRow?.won ?? 0, overallRow?.lost ?? 0),
  };

  const sizeKey = await companySizeField(ctx);
  const dimensions: [RecommendationDimension, SQL<string>][] = [
    ["industry", sql<string>`${leads.industry}`],
    ["source", sql<string>`${leads.source}`],
    ["title", sql<string>`lower(btrim(${leads.jobTitle}))`],
  ];
  if (sizeKey) dimensions.push(["company_size", sql<string>`${leads.customFields} ->> ${sizeKey}`]);

  const labels = (kind: "industry" | "source") =>
    new Map(options.options[kind].map((o) => [o.value, o.label]));
  const labelOf: Partial<Record<RecommendationDimension, Map<string, string>>> = {
    industry: labels("industry"),
    source: labels("source"),
  };

  const segments: SegmentStats[] = [];
  for (const [dimension, key] of dimensions) {
    const rows = await ctx.db
      .select({ value: key, total: count(), won: wonSql, lost: lostSql })
      .from(leads)
      .where(and(scope, isNotNull(key), sql`${key} <> ''`))
      // By position: a parameterised key (the custom field's name) would not match itself.
      .groupBy(sql`1`)
      .orderBy(desc(count()), sql`1`)
      .limit(SEGMENTS_PER_DIMENSION);
    for (const row of rows) {
      segments.push({
        dimension,
        value: row.value,
        label: labelOf[dimension]?.get(row.value) ?? row.value,
        total: row.total,
        won: row.won,
        lost: row.lost,
        winRate: winRate(row.won, row.lost),
        targeted: null,
      });
    }
  }
  return { overall, segments };
}
