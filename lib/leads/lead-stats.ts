import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { leadCounts, users } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { loadLeadOptions } from "./lead-options";
import { UNASSIGNED_KEY } from "./lead-counts";
import { visibleOwners } from "./visibility";

const TOP_TAGS = 25;
const countItem = z.object({ value: z.string(), label: z.string(), count: z.number().int() });

export const leadStatsSchema = z
  .object({
    total: z.number().int(),
    byStatus: z.array(countItem),
    bySource: z.array(countItem),
    byIndustry: z.array(countItem),
    byTemperature: z.array(countItem),
    byTag: z
      .array(z.object({ tag: z.string(), count: z.number().int() }))
      .meta({ description: `The ${TOP_TAGS} most used tags, most used first` }),
    byOwner: z.array(
      z.object({ ownerId: z.uuid().nullable(), name: z.string(), count: z.number().int() }),
    ),
    scoreDistribution: z.array(
      z.object({
        bucket: z.string(),
        min: z.number().int(),
        max: z.number().int().nullable(),
        count: z.number().int(),
      }),
    ),
    funnel: z.array(
      z.object({
        status: z.string(),
        label: z.string(),
        reached: z.number().int(),
        conversionFromPrevious: z.number().nullable(),
      }),
    ),
    createdPerDay: z.array(z.object({ date: z.string(), count: z.number().int() })),
  })
  .meta({ id: "LeadStats" });

export const leadStatsQuery = z
  .strictObject({
    days: z.coerce
      .number()
      .int()
      .min(1)
      .max(730)
      .default(30)
      .meta({ description: "Days of createdPerDay" }),
  })
  .meta({ id: "LeadStatsQuery" });

/**
 * Counts of the leads the caller can see — by status, source, industry, temperature, top tags,
 * owner, score bucket, the ever-reached funnel over the ordered statuses, and leads created per
 * day. Read from the trigger-maintained counts: a few hundred rows whatever the number of leads.
 */
export async function getLeadStats(ctx: Ctx, query: z.infer<typeof leadStatsQuery>) {
  assertCan(ctx, "leads:read");
  const [snapshot, owners] = await Promise.all([
    loadLeadOptions(ctx.db, ctx.orgId),
    visibleOwners(ctx),
  ]);
  const scoped = and(
    eq(leadCounts.organizationId, ctx.orgId),
    owners === null ? undefined : inArray(leadCounts.ownerKey, [...owners, UNASSIGNED_KEY]),
    sql`${leadCounts.count} <> 0`,
  );
  // Tags are open-ended (an organization may use thousands), so only the top ones are read.
  const tagTotal = sql<number>`sum(${leadCounts.count})::int`;
  const [rows, byTag] = await Promise.all([
    ctx.db
      .select({
        ownerKey: leadCounts.ownerKey,
        dimension: leadCounts.dimension,
        value: leadCounts.value,
        count: sql<number>`${leadCounts.count}::int`,
      })
      .from(leadCounts)
      .where(and(scoped, ne(leadCounts.dimension, "tag"))),
    ctx.db
      .select({ tag: leadCounts.value, count: tagTotal })
      .from(leadCounts)
      .where(and(scoped, eq(leadCounts.dimension, "tag")))
      .groupBy(leadCounts.value)
      .having(sql`${tagTotal} > 0`)
      .orderBy(desc(tagTotal), asc(leadCounts.value))
      .limit(TOP_TAGS),
  ]);
  const sum = (dimension: string) => {
    const m = new Map<string, number>();
    for (const r of rows)
      if (r.dimension === dimension) m.set(r.value, (m.get(r.value) ?? 0) + r.count);
    return m;
  };
  const labelled = (dimension: string, labels: { value: string; label: string }[]) => {
    const counts = sum(dimension);
    const known = labels.map((o) => ({
      value: o.value,
      label: o.label,
      count: counts.get(o.value) ?? 0,
    }));
    const other = [...counts].filter(([v]) => !labels.some((o) => o.value === v));
    return [
      ...known,
      ...other.map(([value, count]) => ({ value, label: value || "(none)", count })),
    ];
  };
  const byStatus = labelled("status", snapshot.options.status);
  const total = byStatus.reduce((s, r) => s + r.count, 0);

  const ownerCounts = new Map<string, number>();
  for (const r of rows)
    if (r.dimension === "status")
      ownerCounts.set(r.ownerKey, (ownerCounts.get(r.ownerKey) ?? 0) + r.count);
  const ownerIds = [...ownerCounts.keys()].filter((k) => k !== UNASSIGNED_KEY);
  const names = ownerIds.length
    ? await ctx.db
        .select({ id: users.id, name: users.name, email: users.email })
        .from(users)
        .where(inArray(users.id, ownerIds))
    : [];
  const byOwner = [...ownerCounts]
    .map(([key, count]) => ({
      ownerId: key === UNASSIGNED_KEY ? null : key,
      name:
        key === UNASSIGNED_KEY
          ? "Unassigned"
          : names.find((n) => n.id === key)?.name ||
            names.find((n) => n.id === key)?.email ||
            "Former member",
      count,
    }))
    .filter((o) => o.count > 0)
    .sort((a, b) => b.count - a.count);

  const buckets = sum("score_bucket");
  const scoreDistribution = Array.from({ length: 11 }, (_, i) => ({
    bucket: i === 10 ? "100+" : `${i * 10}-${i * 10 + 9}`,
    min: i * 10,
    max: i === 10 ? null : i * 10 + 9,
    count: buckets.get(String(i * 10)) ?? 0,
  }));

  const reached = sum("reached");
  let previous: number | null = null;
  const funnel = snapshot.options.status
    .filter((s) => !s.retired && s.category !== "lost")
    .map((s) => {
      const count = reached.get(s.value) ?? 0;
      const item = {
        status: s.value,
        label: s.label,
        reached: count,
        conversionFromPrevious: previous ? Math.round((count / previous) * 1000) / 1000 : null,
      };
      previous = count;
      return item;
    });

  const days = sum("created_day");
  const createdPerDay = Array.from({ length: query.days }, (_, i) => {
    const date = new Date(Date.now() - (query.days - 1 - i) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    return { date, count: days.get(date) ?? 0 };
  });

  return {
    total,
    byStatus,
    bySource: labelled("source", snapshot.options.source),
    byIndustry: labelled("industry", snapshot.options.industry),
    byTemperature: labelled("temperature", [
      { value: "hot", label: "Hot" },
      { value: "warm", label: "Warm" },
      { value: "cold", label: "Cold" },
    ]),
    byTag,
    byOwner,
    scoreDistribution,
    funnel,
    createdPerDay,
  };
}
