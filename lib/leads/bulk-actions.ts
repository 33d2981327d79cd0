import { and, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { leads } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { queryRows } from "@/db/client";
import { kickRelay } from "@/lib/jobs/relay-trigger";
import { leadFilterShape } from "./lead-filters";
import { loadLeadOptions, resolveOption } from "./lead-options";
import { leadConditions, parseLeadQuery } from "./list-leads";
import { normalizeTags } from "./normalize";
import { assignableMemberIds, canAssignTo } from "./visibility";

export const bulkActionInput = z
  .strictObject({
    action: z.enum(["update_status", "assign", "add_tags", "remove_tags", "delete"]),
    ids: z.array(z.uuid()).min(1).max(10_000).optional(),
    filter: z
      .object(leadFilterShape)
      .catchall(z.string().max(200))
      .optional()
      .meta({ description: "The same filters as GET /leads" }),
    data: z
      .strictObject({
        status: z.string().max(100).optional(),
        ownerId: z.uuid().nullable().optional(),
        tags: z.array(z.string().max(50)).min(1).max(50).optional(),
      })
      .default({}),
  })
  .refine((b) => Boolean(b.ids) !== Boolean(b.filter), {
    message: "Give ids or filter (one of them)",
    path: ["ids"],
  })
  .meta({ id: "BulkAction" });

export const bulkResultSchema = z.object({ affected: z.number().int() }).meta({ id: "BulkResult" });

const need = (ok: boolean, path: string, message: string) => {
  if (!ok) throw new AppError("validation_error", message, { errors: [{ path, message }] });
};

type BulkActor = { type: string; id: string | null };

/** The timeline entry of every lead in the `changed` CTE, as a CTE of its own. */
function timeline(actor: BulkActor, type: string, data: SQL): SQL {
  return sql`timeline as (
    insert into lead_activities (id, organization_id, lead_id, type, actor_type, actor_id, data, occurred_at, created_at, updated_at)
    select gen_random_uuid(), c.organization_id, c.id, ${type}, ${actor.type}, ${actor.id}, ${data}, now(), now(), now()
      from changed c returning 1)`;
}

/** Update the targeted leads, note each change on its timeline, and count them — one statement. */
function updateWithTimeline(actor: BulkActor, set: SQL, where: SQL, type: string, data: SQL): SQL {
  return sql`
    with changed as (
      update leads set ${set}, updated_by_id = ${actor.id}, updated_at = now()
       where ${where}
      returning leads.id, leads.organization_id),
    ${timeline(actor, type, data)}
    select count(*)::int as affected from changed`;
}

/**
 * One action on many leads — by ids or by any filter the list accepts — as a single set-based
 * statement scoped like every read (organization + visibility), so "select all 80,000 matching"
 * is as safe as selecting three. Timeline entries and status history are written in the same
 * statement's transaction; one audit entry records the action.
 */
export async function bulkAction(
  ctx: Ctx,
  input: z.infer<typeof bulkActionInput>,
): Promise<{ affected: number }> {
  assertCan(ctx, input.action === "delete" ? "leads:delete" : "leads:write");
  const snapshot = await loadLeadOptions(ctx.db, ctx.orgId);
  const scope = await leadConditions(
    ctx,
    input.filter ? parseLeadQuery(input.filter) : {},
    snapshot,
  );
  const target = and(scope, input.ids ? inArray(leads.id, input.ids) : undefined)!;
  const actor = { type: ctx.actor.type, id: ctx.actor.id };
  let statement: SQL;
  switch (input.action) {
    case "update_status": {
      need(Boolean(input.data.status), "data.status", "A status is required");
      const status = resolveOption(snapshot, "status", input.data.status!, "data.status");
      statement = sql`
        with old as (
          select id, status from leads where ${target} and status <> ${status} for update),
        changed as (
          update leads set status = ${status}, updated_by_id = ${actor.id}, updated_at = now(),
                 reached_statuses = case when ${status} = any(reached_statuses) then reached_statuses else array_append(reached_statuses, ${status}) end,
                 lost_reason = case when ${status} = 'lost' then lost_reason else null end
            from old where leads.id = old.id
          returning leads.id, leads.organization_id, old.status as from_status),
        history as (
          insert into lead_status_changes (id, organization_id, lead_id, from_status, to_status, changed_at, created_at, updated_at)
          select gen_random_uuid(), c.organization_id, c.id, c.from_status, ${status}, now(), now(), now() from changed c returning 1),
        ${timeline(actor, "status_changed", sql`jsonb_build_object('from', c.from_status, 'to', ${status}::text, 'bulk', true)`)},
        events as (
          -- The same event a single status change emits (campaign stop conditions listen to it).
          insert into outbox_events (id, organization_id, name, data, available_at, attempts, created_at, updated_at)
          select gen_random_uuid(), c.organization_id, 'lead/status.changed',
                 jsonb_build_object('organizationId', c.organization_id, 'leadId', c.id, 'from', c.from_status, 'to', ${status}::text),
                 now(), 0, now(), now()
            from changed c returning 1)
        select count(*)::int as affected from changed`;
      break;
    }
    case "assign": {
      need(
        input.data.ownerId !== undefined,
        "data.ownerId",
        "An ownerId (or null to unassign) is required",
      );
      const ownerId = input.data.ownerId ?? null;
      if (ownerId)
        need(
          (await assignableMemberIds(ctx, [ownerId])).has(ownerId),
          "data.ownerId",
          "Not a member of this organization",
        );
      need(
        await canAssignTo(ctx, ownerId),
        "data.ownerId",
        "You can only assign leads to yourself or your team",
      );
      statement = updateWithTimeline(
        actor,
        sql`owner_id = ${ownerId}`,
        sql`${target} and owner_id is distinct from ${ownerId}`,
        "owner_changed",
        sql`jsonb_build_object('to', ${ownerId}::uuid, 'bulk', true)`,
      );
      break;
    }
    case "add_tags":
    case "remove_tags": {
      need(Boolean(input.data.tags?.length), "data.tags", "Tags are required");
      const tags = normalizeTags(input.data.tags!);
      const array = sql`array[${sql.join(
        tags.map((t) => sql`${t}`),
        sql`, `,
      )}]::text[]`;
      const adding = input.action === "add_tags";
      statement = updateWithTimeline(
        actor,
        sql`tags = ${adding ? sql`array(select distinct unnest(tags || ${array}))` : sql`array(select t from unnest(tags) t where t <> all(${array}))`}`,
        sql`${target} and ${adding ? sql`not (tags @> ${array})` : sql`tags && ${array}`}`,
        adding ? "tags_added" : "tags_removed",
        sql`jsonb_build_object('tags', to_jsonb(${array}), 'bulk', true)`,
      );
      break;
    }
    case "delete": {
      statement = updateWithTimeline(
        actor,
        sql`deleted_at = now()`,
        target,
        "deleted",
        sql`'{"bulk": true}'::jsonb`,
      );
      break;
    }
  }
  const result = await ctx.db.transaction(async (tx) => {
    const [row] = await queryRows<{ affected: number }>(tx, statement);
    await recordAudit(tx, ctx, {
      action: `lead.bulk_${input.action}`,
      resourceType: "lead",
      changes: {
        affected: row?.affected ?? 0,
        data: input.data,
        ids: input.ids?.length ?? null,
        filter: input.filter ?? null,
      },
    });
    return { affected: row?.affected ?? 0 };
  });
  if (input.action === "update_status") kickRelay();
  return result;
}
