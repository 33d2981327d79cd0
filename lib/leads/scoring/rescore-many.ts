import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { Database, Queryable } from "@/db/client";
import { queryRows } from "@/db/client";
import { leads, type ScoringConfig } from "@/db/schema";
import { computeScore, shownScore, type EventTimes } from "./compute-score";

/** Event times of many leads at once (the most recent 200 per lead and kind). */
async function eventTimesOf(
  db: Queryable,
  orgId: string,
  leadIds: string[],
): Promise<Map<string, EventTimes>> {
  const out = new Map<string, EventTimes>();
  if (!leadIds.length) return out;
  const ids = sql`array[${sql.join(
    leadIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}]`;
  const rows = await queryRows<{ lead_id: string; type: string; at: string | Date }>(
    db,
    sql`select lead_id, type, at from (
          select lead_id, type, at, row_number() over (partition by lead_id, type order by at desc) as n from (
            select lead_id, 'inquiry' as type, created_at as at from lead_inquiries where organization_id = ${orgId} and lead_id = any(${ids})
            union all
            select lead_id, type, occurred_at from lead_events where organization_id = ${orgId} and lead_id = any(${ids})
          ) e) r where n <= 200`,
  );
  for (const r of rows) {
    const times = out.get(r.lead_id) ?? {};
    (times[r.type] ??= []).push(new Date(r.at));
    out.set(r.lead_id, times);
  }
  return out;
}

/**
 * Recompute the scores of a batch of leads in one pass: one query for the leads, one for their
 * events, one UPDATE for the ones whose score, temperature or breakdown changed. Used when the
 * rules change and, daily, to let event points decay.
 */
export async function rescoreBatch(
  db: Queryable,
  orgId: string,
  config: ScoringConfig,
  options: { afterId?: string; ids?: string[]; limit?: number; now?: Date },
): Promise<{ lastId: string | null; processed: number; changed: number }> {
  const rows = await db
    .select()
    .from(leads)
    .where(
      and(
        eq(leads.organizationId, orgId),
        isNull(leads.deletedAt),
        options.afterId ? gt(leads.id, options.afterId) : undefined,
        options.ids ? inArray(leads.id, options.ids) : undefined,
      ),
    )
    .orderBy(asc(leads.id))
    .limit(options.limit ?? 2000);
  const events = await eventTimesOf(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  const updates = [];
  for (const lead of rows) {
    const result = computeScore(config, lead, events.get(lead.id) ?? {}, options.now);
    const { score, temperature } = shownScore(config, lead, result);
    if (
      score !== lead.score ||
      temperature !== lead.temperature ||
      JSON.stringify(result.breakdown) !== JSON.stringify(lead.scoreBreakdown)
    ) {
      updates.push({ id: lead.id, score, temperature, breakdown: result.breakdown });
    }
  }
  if (updates.length) {
    await db.execute(sql`
      update leads set score = v.score, temperature = v.temperature, score_breakdown = v.breakdown
        from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as v(id uuid, score int, temperature text, breakdown jsonb)
       where leads.organization_id = ${orgId} and leads.id = v.id`);
  }
  return { lastId: rows.at(-1)?.id ?? null, processed: rows.length, changed: updates.length };
}

/** Leads whose event points are still decaying: anything that happened in the last six half-lives. */
export async function leadsWithRecentEvents(
  db: Database,
  sinceDays: number,
): Promise<{ orgId: string; leadIds: string[] }[]> {
  const rows = await queryRows<{ organization_id: string; lead_id: string }>(
    db,
    sql`select distinct organization_id, lead_id from (
          select organization_id, lead_id from lead_events where occurred_at > now() - make_interval(days => ${sinceDays})
          union all
          select organization_id, lead_id from lead_inquiries where created_at > now() - make_interval(days => ${sinceDays})
        ) x`,
  );
  const byOrg = new Map<string, string[]>();
  for (const r of rows)
    byOrg.set(r.organization_id, [...(byOrg.get(r.organization_id) ?? []), r.lead_id]);
  return [...byOrg].map(([orgId, leadIds]) => ({ orgId, leadIds }));
}
