import { and, desc, eq, gte, lte, sql } from "drizzle-orm";
import { z } from "zod";
import { leadEvents } from "@/db/schema";
import { queryRows } from "@/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { assertListingOfOrg } from "@/lib/listings/listings";
import { getLeadOrThrow } from "./get-lead";
import { rescoreLead } from "./scoring/rescore-lead";
import { getScoringConfig } from "./scoring/scoring-config";

export const trackEventInput = z
  .strictObject({
    type: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_.-]{0,49}$/, "Lower-case letters, digits, _ . -")
      .meta({ example: "page_view" }),
    value: z.string().max(2000).optional().meta({ example: "/property/123" }),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
    listingId: z.uuid().optional(),
  })
  .refine((e) => !e.occurredAt || new Date(e.occurredAt).getTime() <= Date.now() + 5 * 60_000, {
    message: "Can't be in the future",
    path: ["occurredAt"],
  })
  .meta({ id: "TrackEvent" });

export const trackedEventSchema = z
  .object({
    id: z.uuid(),
    type: z.string(),
    value: z.string().nullable(),
    occurredAt: z.iso.datetime(),
    metadata: z.record(z.string(), z.unknown()),
    listingId: z.uuid().nullable(),
  })
  .meta({ id: "TrackedEvent" });

/**
 * Record something the lead did (page view, download, …) — from the app or straight from a
 * website with an API key. Event types that a scoring rule counts re-score the lead.
 */
export async function trackEvent(ctx: Ctx, leadId: string, input: z.infer<typeof trackEventInput>) {
  assertCan(ctx, "leads:write");
  await getLeadOrThrow(ctx, leadId);
  if (input.listingId) await assertListingOfOrg(ctx.db, ctx.orgId, input.listingId);
  if (input.metadata && JSON.stringify(input.metadata).length > 10_000) {
    input = { ...input, metadata: { truncated: true } };
  }
  const scoring = await getScoringConfig(ctx.db, ctx.orgId);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(leadEvents)
      .values({
        organizationId: ctx.orgId,
        leadId,
        type: input.type,
        value: input.value ?? null,
        metadata: input.metadata ?? {},
        listingId: input.listingId ?? null,
        occurredAt: input.occurredAt ? new Date(input.occurredAt) : new Date(),
      })
      .returning();
    if (scoring.rules.some((r) => r.kind === "event" && r.target === input.type)) {
      await rescoreLead(tx, ctx, leadId, `event: ${input.type}`, scoring);
    }
    return toEventDto(row!);
  });
}

function toEventDto(e: typeof leadEvents.$inferSelect) {
  return {
    id: e.id,
    type: e.type,
    value: e.value,
    occurredAt: e.occurredAt.toISOString(),
    metadata: e.metadata,
    listingId: e.listingId,
  };
}

export const analyticsQuery = z
  .strictObject({
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .meta({ id: "LeadAnalyticsQuery" });

export const leadAnalyticsSchema = z
  .object({
    data: z.array(trackedEventSchema),
    byType: z.array(
      z.object({ type: z.string(), count: z.number().int(), lastAt: z.iso.datetime() }),
    ),
    byDay: z.array(z.object({ date: z.string(), type: z.string(), count: z.number().int() })),
  })
  .meta({ id: "LeadAnalytics" });

/** A lead's tracked events (seed 000's analytics): the latest ones, totals by type, per day. */
export async function getLeadAnalytics(
  ctx: Ctx,
  leadId: string,
  query: z.infer<typeof analyticsQuery>,
) {
  await getLeadOrThrow(ctx, leadId);
  const to = query.to ? new Date(query.to) : new Date();
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - 90 * 86_400_000);
  const scope = and(
    eq(leadEvents.organizationId, ctx.orgId),
    eq(leadEvents.leadId, leadId),
    gte(leadEvents.occurredAt, from),
    lte(leadEvents.occurredAt, to),
  );
  const [events, byType, byDay] = await Promise.all([
    ctx.db.select().from(leadEvents).where(scope).orderBy(desc(leadEvents.occurredAt)).limit(100),
    queryRows<{ type: string; count: number; last_at: string | Date }>(
      ctx.db,
      sql`select type, count(*)::int as count, max(occurred_at) as last_at from lead_events
           where ${scope} group by type order by count desc`,
    ),
    queryRows<{ date: string; type: string; count: number }>(
      ctx.db,
      sql`select to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD') as date, type, count(*)::int as count
            from lead_events where ${scope} group by 1, 2 order by 1, 2`,
    ),
  ]);
  return {
    data: events.map(toEventDto),
    byType: byType.map((r) => ({
      type: r.type,
      count: r.count,
      lastAt: new Date(r.last_at).toISOString(),
    })),
    byDay,
  };
}
