import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { leads, users } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { assertCan } from "@/lib/auth/permissions";
import { leadScope } from "./visibility";
import { toLeadDto, type LeadRow } from "./lead-schemas";

/**
 * A lead the caller may see, by id, scoped in the query itself (organization, live or deleted,
 * row-level visibility): a lead of another organization, or one the caller's role doesn't see,
 * is simply not found.
 */
export async function getLeadOrThrow(
  ctx: Ctx,
  id: string,
  options: { deleted?: boolean; db?: Queryable; forUpdate?: boolean } = {},
): Promise<LeadRow> {
  assertCan(ctx, "leads:read");
  const db = options.db ?? ctx.db;
  const query = db
    .select()
    .from(leads)
    .where(and(eq(leads.id, id), await leadScope(ctx, options)))
    .limit(1);
  const [row] = options.forUpdate ? await query.for("update") : await query;
  if (!row) throw notFound("Lead");
  return row;
}

export async function ownersById(db: Queryable, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return new Map<string, { id: string; name: string; email: string }>();
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function toLeadDetail(db: Queryable, row: LeadRow) {
  const owners = await ownersById(db, [row.ownerId]);
  return {
    ...toLeadDto(row, row.ownerId ? (owners.get(row.ownerId) ?? null) : null),
    scoreBreakdown: row.scoreBreakdown,
  };
}

export const getLeadQuery = z
  .strictObject({
    deleted: z
      .enum(["true", "false"])
      .optional()
      .meta({ description: "true: look in the trash (a deleted lead, e.g. to restore it)" }),
  })
  .meta({ id: "GetLeadQuery" });

export async function getLead(ctx: Ctx, id: string, query: z.infer<typeof getLeadQuery> = {}) {
  return toLeadDetail(ctx.db, await getLeadOrThrow(ctx, id, { deleted: query.deleted === "true" }));
}
