import { sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows } from "@/db/client";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { getLeadOrThrow } from "./get-lead";

export const timelineQuery = z
  .strictObject({
    perPage: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z.string().max(500).optional(),
  })
  .meta({ id: "TimelineQuery" });

export const timelineItemSchema = z
  .object({
    id: z.uuid(),
    type: z.string().meta({
      description:
        "created, updated, status_changed, owner_changed, note_added, inquiry_received, event, score_changed, …",
    }),
    occurredAt: z.iso.datetime(),
    actor: z
      .object({ type: z.string(), id: z.uuid().nullable(), name: z.string().nullable() })
      .nullable(),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "TimelineItem" });

const timelinePage = z.object({
  data: z.array(timelineItemSchema),
  nextCursor: z.string().nullable(),
});
export const timelinePageSchema = timelinePage.meta({ id: "TimelinePage" });

function decode(cursor: string): { at: string; id: string } {
  try {
    const v = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as {
      at: string;
      id: string;
    };
    if (typeof v.at === "string" && !Number.isNaN(Date.parse(v.at)) && /^[0-9a-f-]{36}$/.test(v.id))
      return v;
  } catch {
    // fall through
  }
  throw new AppError("validation_error", "Malformed cursor", {
    errors: [{ path: "cursor", message: "Malformed cursor" }],
  });
}

/**
 * Everything that happened to a lead, newest first, as one keyset-paginated stream: recorded
 * activity (changes with before/after, notes, inquiries, scores) merged with tracked events, plus
 * the lead's creation when it came from an import (which writes no activity per row).
 */
export async function getTimeline(
  ctx: Ctx,
  leadId: string,
  query: z.infer<typeof timelineQuery>,
): Promise<z.infer<typeof timelinePage>> {
  await getLeadOrThrow(ctx, leadId);
  const after = query.cursor ? decode(query.cursor) : null;
  const rows = await queryRows<{
    id: string;
    type: string;
    occurred_at: string | Date;
    actor_type: string | null;
    actor_id: string | null;
    actor_name: string | null;
    data: Record<string, unknown>;
  }>(
    ctx.db,
    sql`select * from (
          select a.id, a.type, a.occurred_at, a.actor_type, a.actor_id, u.name as actor_name, a.data
            from lead_activities a left join users u on u.id = a.actor_id
           where a.organization_id = ${ctx.orgId} and a.lead_id = ${leadId}
          union all
          select e.id, 'event', e.occurred_at, null, null, null,
                 jsonb_build_object('eventType', e.type, 'value', e.value, 'metadata', e.metadata)
            from lead_events e
           where e.organization_id = ${ctx.orgId} and e.lead_id = ${leadId}
          union all
          select l.id, 'created', l.created_at, 'user', l.created_by_id, u.name, jsonb_build_object('importId', l.import_id)
            from leads l left join users u on u.id = l.created_by_id
           where l.organization_id = ${ctx.orgId} and l.id = ${leadId} and l.import_id is not null
        ) t
        ${after ? sql`where (t.occurred_at, t.id) < (${after.at}::timestamptz, ${after.id}::uuid)` : sql``}
        order by t.occurred_at desc, t.id desc
        limit ${query.perPage + 1}`,
  );
  const page = rows.slice(0, query.perPage);
  const last = page.at(-1);
  return {
    data: page.map((r) => ({
      id: r.id,
      type: r.type,
      occurredAt: new Date(r.occurred_at).toISOString(),
      actor: r.actor_type ? { type: r.actor_type, id: r.actor_id, name: r.actor_name } : null,
      data: r.data ?? {},
    })),
    nextCursor:
      rows.length > query.perPage && last
        ? Buffer.from(
            JSON.stringify({ at: new Date(last.occurred_at).toISOString(), id: last.id }),
          ).toString("base64url")
        : null,
  };
}
