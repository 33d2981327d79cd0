import { and, count, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Queryable } from "@/db/client";
import { emailTemplates, templateFavorites, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { AppError, notFound } from "@/lib/errors";
import { paginate } from "@/lib/http/pagination";
import { containsPattern } from "@/lib/http/query";
import { parseSort } from "@/lib/http/sort";
import { variablesUsed } from "./render-template";
import type {
  createTemplateInput,
  listTemplatesQuery,
  setCategoryInput,
  TemplateDto,
  updateTemplateInput,
} from "./template-schemas";

type TemplateRow = typeof emailTemplates.$inferSelect;

/** The caller's star, as a column: false for an API key, which has no favorites. */
function favoriteExpr(ctx: Ctx): SQL<boolean> {
  if (!ctx.actor.userId) return sql<boolean>`false`;
  return sql<boolean>`exists (select 1 from ${templateFavorites} where ${templateFavorites.templateId} = ${emailTemplates.id} and ${templateFavorites.userId} = ${ctx.actor.userId} and ${templateFavorites.organizationId} = ${ctx.orgId})`;
}

const columns = (ctx: Ctx) => ({
  row: emailTemplates,
  favorite: favoriteExpr(ctx),
  creatorName: users.name,
});

function toDto(r: {
  row: TemplateRow;
  favorite: boolean;
  creatorName: string | null;
}): TemplateDto {
  const t = r.row;
  return {
    id: t.id,
    name: t.name,
    category: t.category,
    subject: t.subject,
    html: t.html,
    text: t.text,
    variables: t.variables,
    favorite: Boolean(r.favorite),
    createdBy: t.createdBy ? { id: t.createdBy, name: r.creatorName ?? "" } : null,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

const inOrg = (ctx: Ctx) => eq(emailTemplates.organizationId, ctx.orgId);

export async function getTemplateOrThrow(ctx: Ctx, id: string, db: Queryable = ctx.db) {
  assertCan(ctx, "templates:read");
  const [row] = await db
    .select()
    .from(emailTemplates)
    .where(and(inOrg(ctx), eq(emailTemplates.id, id)));
  if (!row) throw notFound("Template");
  return row;
}

export async function getTemplate(ctx: Ctx, id: string, db: Queryable = ctx.db) {
  assertCan(ctx, "templates:read");
  const [row] = await db
    .select(columns(ctx))
    .from(emailTemplates)
    .leftJoin(users, eq(users.id, emailTemplates.createdBy))
    .where(and(inOrg(ctx), eq(emailTemplates.id, id)));
  if (!row) throw notFound("Template");
  return toDto(row);
}

const SORTABLE = {
  name: { expr: emailTemplates.name, type: "string" as const },
  category: {
    expr: sql`coalesce(${emailTemplates.category}, '')`,
    type: "string" as const,
    nullValue: "",
  },
  createdAt: { expr: emailTemplates.createdAt, type: "date" as const },
  updatedAt: { expr: emailTemplates.updatedAt, type: "date" as const },
};

export async function listTemplates(ctx: Ctx, query: z.infer<typeof listTemplatesQuery>) {
  assertCan(ctx, "templates:read");
  const pattern = query.q ? containsPattern(query.q) : undefined;
  const filter = and(
    inOrg(ctx),
    pattern
      ? or(ilike(emailTemplates.name, pattern), ilike(emailTemplates.subject, pattern))
      : undefined,
    query.category ? eq(emailTemplates.category, query.category) : undefined,
    query.favorite === "true" ? favoriteExpr(ctx) : undefined,
    query.favorite === "false" ? sql`not ${favoriteExpr(ctx)}` : undefined,
  );
  const sort = parseSort(query.sort, SORTABLE, {
    default: "-updatedAt",
    tieBreaker: { field: "id", expr: emailTemplates.id, type: "string" },
  });
  const page = await paginate({
    query,
    sort,
    fetch: async ({ where, orderBy, limit, offset }) =>
      (
        await ctx.db
          .select(columns(ctx))
          .from(emailTemplates)
          .leftJoin(users, eq(users.id, emailTemplates.createdBy))
          .where(and(filter, where))
          .orderBy(...orderBy)
          .limit(limit)
          .offset(offset)
      ).map((r) => ({ ...r, ...r.row })),
    count: async () =>
      (await ctx.db.select({ n: count() }).from(emailTemplates).where(filter))[0]!.n,
  });
  return { ...page, data: page.data.map(toDto) };
}

/** The organization's categories in use, for the library's filter. */
export async function listTemplateCategories(ctx: Ctx) {
  assertCan(ctx, "templates:read");
  const rows = await ctx.db
    .selectDistinct({ category: emailTemplates.category })
    .from(emailTemplates)
    .where(and(inOrg(ctx), sql`${emailTemplates.category} is not null`))
    .orderBy(emailTemplates.category);
  return { data: rows.map((r) => r.category!) };
}

export async function createTemplate(ctx: Ctx, input: z.infer<typeof createTemplateInput>) {
  assertCan(ctx, "templates:write");
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(emailTemplates)
      .values({
        organizationId: ctx.orgId,
        name: input.name,
        category: input.category ?? null,
        subject: input.subject,
        html: input.html,
        text: input.text || null,
        variables: variablesUsed(input),
        createdBy: ctx.actor.userId,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: "template.created",
      resourceType: "email_template",
      resourceId: row!.id,
    });
    return getTemplate(ctx, row!.id, tx);
  });
}

/** PATCH and PUT alike: PUT passes every field, PATCH only the changed ones. */
export async function updateTemplate(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof updateTemplateInput>,
) {
  assertCan(ctx, "templates:write");
  return ctx.db.transaction(async (tx) => {
    const current = await getTemplateOrThrow(ctx, id, tx);
    const next = {
      ...current,
      ...input,
      text: input.text === undefined ? current.text : input.text || null,
    };
    await tx
      .update(emailTemplates)
      .set({
        name: next.name,
        category: next.category,
        subject: next.subject,
        html: next.html,
        text: next.text,
        variables: variablesUsed(next),
        updatedAt: new Date(),
      })
      .where(and(inOrg(ctx), eq(emailTemplates.id, id)));
    await recordAudit(tx, ctx, {
      action: "template.updated",
      resourceType: "email_template",
      resourceId: id,
      changes: { fields: Object.keys(input) },
    });
    return getTemplate(ctx, id, tx);
  });
}

export function setTemplateCategory(ctx: Ctx, id: string, input: z.infer<typeof setCategoryInput>) {
  return updateTemplate(ctx, id, { category: input.category });
}

export async function deleteTemplate(ctx: Ctx, id: string) {
  assertCan(ctx, "templates:write");
  await ctx.db.transaction(async (tx) => {
    const rows = await tx
      .delete(emailTemplates)
      .where(and(inOrg(ctx), eq(emailTemplates.id, id)))
      .returning({ id: emailTemplates.id, name: emailTemplates.name });
    if (rows.length === 0) throw notFound("Template");
    await recordAudit(tx, ctx, {
      action: "template.deleted",
      resourceType: "email_template",
      resourceId: id,
      changes: { name: rows[0]!.name },
    });
  });
}

/** A copy named "<name> (copy)", owned by the caller; favorites stay with the original. */
export async function duplicateTemplate(ctx: Ctx, id: string) {
  assertCan(ctx, "templates:write");
  const source = await getTemplateOrThrow(ctx, id);
  return createTemplate(ctx, {
    name: `${source.name} (copy)`.slice(0, 120),
    category: source.category,
    subject: source.subject,
    html: source.html,
    text: source.text,
  });
}

function userIdOrThrow(ctx: Ctx): string {
  assertCan(ctx, "templates:personal");
  if (!ctx.actor.userId) throw new AppError("forbidden", "Favorites belong to a signed-in user");
  return ctx.actor.userId;
}

export async function setFavorite(ctx: Ctx, id: string, favorite: boolean) {
  assertCan(ctx, "templates:personal");
  // Not found comes first, so another organization's id never learns more than that.
  await getTemplateOrThrow(ctx, id);
  const userId = userIdOrThrow(ctx);
  if (favorite) {
    await ctx.db
      .insert(templateFavorites)
      .values({ organizationId: ctx.orgId, userId, templateId: id })
      .onConflictDoNothing();
  } else {
    await ctx.db
      .delete(templateFavorites)
      .where(
        and(
          eq(templateFavorites.organizationId, ctx.orgId),
          eq(templateFavorites.userId, userId),
          eq(templateFavorites.templateId, id),
        ),
      );
  }
  return getTemplate(ctx, id);
}

/** One result per id, in order: a missing id (or another organization's) fails alone. */
async function eachId(ids: string[], run: (id: string) => Promise<string | undefined>) {
  const results = [];
  for (const [index, id] of ids.entries()) {
    try {
      const newId = await run(id);
      results.push({ index, id, ok: true, ...(newId ? { newId } : {}) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ index, id, ok: false, error: error.message });
    }
  }
  const succeeded = results.filter((r) => r.ok).length;
  return { succeeded, failed: results.length - succeeded, results };
}

export function batchDuplicateTemplates(ctx: Ctx, ids: string[]) {
  assertCan(ctx, "templates:write");
  return eachId(ids, async (id) => (await duplicateTemplate(ctx, id)).id);
}

export async function batchDeleteTemplates(ctx: Ctx, ids: string[]) {
  assertCan(ctx, "templates:write");
  return eachId(ids, async (id) => {
    await deleteTemplate(ctx, id);
    return undefined;
  });
}
