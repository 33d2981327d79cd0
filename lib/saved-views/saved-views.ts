import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { SAVED_VIEW_RESOURCES, savedViews } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError, notFound } from "@/lib/errors";

const viewStateSchema = z
  .strictObject({
    query: z
      .record(z.string().max(64), z.string().max(2000))
      .refine((q) => Object.keys(q).length <= 50, "At most 50 parameters"),
    columns: z.array(z.string().min(1).max(100)).max(100),
    density: z.enum(["comfortable", "compact"]),
  })
  .meta({ id: "SavedViewState" });

const viewName = z.string().trim().min(1, "Name the view").max(80);

export const savedViewSchema = z
  .object({
    id: z.uuid(),
    resource: z.enum(SAVED_VIEW_RESOURCES),
    name: z.string(),
    state: viewStateSchema,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "SavedView" });
export type SavedView = z.infer<typeof savedViewSchema>;

export const listSavedViewsQuery = z
  .strictObject({ resource: z.enum(SAVED_VIEW_RESOURCES) })
  .meta({ id: "SavedViewsQuery" });

export const createSavedViewInput = z
  .strictObject({ resource: z.enum(SAVED_VIEW_RESOURCES), name: viewName, state: viewStateSchema })
  .meta({ id: "CreateSavedView" });

export const updateSavedViewInput = z
  .strictObject({ name: viewName.optional(), state: viewStateSchema.optional() })
  .meta({ id: "UpdateSavedView" });

function ownerId(ctx: Ctx): string {
  assertCan(ctx, "saved_views:manage");
  if (!ctx.actor.userId) throw new AppError("forbidden", "Saved views belong to a signed-in user");
  return ctx.actor.userId;
}

/** The caller's own views; anyone else's id is simply not found, and an API key has none. */
function mine(ctx: Ctx) {
  assertCan(ctx, "saved_views:manage");
  if (!ctx.actor.userId) return sql`false`;
  return and(eq(savedViews.organizationId, ctx.orgId), eq(savedViews.userId, ctx.actor.userId));
}

function toDto(row: typeof savedViews.$inferSelect): SavedView {
  return {
    id: row.id,
    resource: row.resource,
    name: row.name,
    state: row.state,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function nameTaken(error: unknown, name: string | undefined): never {
  if (isUniqueViolation(error, "saved_views_name_key")) {
    throw new AppError("conflict", `You already have a view named "${name}".`, {
      errors: [{ path: "name", message: "A view with this name exists" }],
    });
  }
  throw error;
}

export async function listSavedViews(ctx: Ctx, query: z.infer<typeof listSavedViewsQuery>) {
  const rows = await ctx.db
    .select()
    .from(savedViews)
    .where(and(mine(ctx), eq(savedViews.resource, query.resource)))
    .orderBy(desc(savedViews.createdAt))
    .limit(200);
  return { data: rows.map(toDto) };
}

export async function createSavedView(ctx: Ctx, input: z.infer<typeof createSavedViewInput>) {
  const userId = ownerId(ctx);
  try {
    const [row] = await ctx.db
      .insert(savedViews)
      .values({ ...input, organizationId: ctx.orgId, userId })
      .returning();
    return toDto(row!);
  } catch (error) {
    nameTaken(error, input.name);
  }
}

export async function updateSavedView(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof updateSavedViewInput>,
) {
  try {
    const [row] = await ctx.db
      .update(savedViews)
      .set({ ...input, updatedAt: new Date() })
      .where(and(mine(ctx), eq(savedViews.id, id)))
      .returning();
    if (!row) throw notFound("Saved view");
    return toDto(row);
  } catch (error) {
    nameTaken(error, input.name);
  }
}

export async function deleteSavedView(ctx: Ctx, id: string) {
  const rows = await ctx.db
    .delete(savedViews)
    .where(and(mine(ctx), eq(savedViews.id, id)))
    .returning({ id: savedViews.id });
  if (rows.length === 0) throw notFound("Saved view");
}
