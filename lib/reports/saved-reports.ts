import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import { memberships, savedReports } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors";
import { validationError } from "@/lib/http/problem";
import { reportDefinitionSchema, type ReportDefinition } from "./report-definition";
import type {
  createReportInput,
  listReportsQuery,
  ReportExportFormat,
  SavedReportDto,
  updateReportInput,
} from "./report-schemas";

type SavedReportRow = typeof savedReports.$inferSelect;
type StoredDefinition = SavedReportRow["definition"];

/**
 * The column's type (db/schema) is a loose sketch of a definition; what is stored is always a
 * parsed ReportDefinition, and it is parsed again on the way out.
 */
const stored = (definition: ReportDefinition) => definition as unknown as StoredDefinition;

export function toSavedReportDto(row: SavedReportRow): SavedReportDto {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    definition: reportDefinitionSchema.parse(row.definition),
    schedule: {
      frequency: row.scheduleFrequency,
      format: row.scheduleFormat as ReportExportFormat,
      recipientIds: row.recipientIds,
      lastSentAt: row.lastSentAt?.toISOString() ?? null,
    },
    createdById: row.createdById,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Saved reports are the organization's: everyone sees the list, and each reader runs a report
 * with their own visibility, so sharing a definition shares no numbers.
 */
export async function findSavedReport(ctx: Ctx, id: string): Promise<SavedReportRow> {
  assertCan(ctx, "reports:read");
  const [row] = await ctx.db
    .select()
    .from(savedReports)
    .where(and(eq(savedReports.organizationId, ctx.orgId), eq(savedReports.id, id)));
  if (!row) throw notFound("Report");
  return row;
}

export async function getSavedReport(ctx: Ctx, id: string): Promise<SavedReportDto> {
  return toSavedReportDto(await findSavedReport(ctx, id));
}

interface Cursor {
  u: string;
  i: string;
}

function decodeCursor(raw: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Cursor;
    if (
      typeof c?.u === "string" &&
      !Number.isNaN(Date.parse(c.u)) &&
      typeof c.i === "string" &&
      /^[0-9a-f-]{36}$/i.test(c.i)
    )
      return c;
  } catch {
    // reported below
  }
  throw validationError([{ path: "cursor", message: "Malformed cursor" }]);
}

/** Most recently changed first, keyset paged (updatedAt, id). */
export async function listSavedReports(
  ctx: Ctx,
  query: z.output<typeof listReportsQuery>,
): Promise<{ data: SavedReportDto[]; nextCursor: string | null }> {
  assertCan(ctx, "reports:read");
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await ctx.db
    .select()
    .from(savedReports)
    .where(
      and(
        eq(savedReports.organizationId, ctx.orgId),
        cursor
          ? sql`(${savedReports.updatedAt}, ${savedReports.id}) < (${cursor.u}::timestamptz, ${cursor.i}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(savedReports.updatedAt), desc(savedReports.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(toSavedReportDto),
    nextCursor:
      rows.length > query.limit && last
        ? Buffer.from(JSON.stringify({ u: last.updatedAt.toISOString(), i: last.id })).toString(
            "base64url",
          )
        : null,
  };
}

/** Recipients must be members of the organization (ids of anyone else are refused by name). */
async function assertMembers(ctx: Ctx, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return unique;
  const found = await ctx.db
    .select({ id: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organizationId, ctx.orgId), inArray(memberships.userId, unique)));
  const known = new Set(found.map((r) => r.id));
  const errors = ids
    .map((id, i) => ({ id, i }))
    .filter(({ id }) => !known.has(id))
    .map(({ i }) => ({
      path: `schedule.recipientIds[${i}]`,
      message: "Not a member of the organization",
    }));
  if (errors.length) throw validationError(errors);
  return unique;
}

/** The person saving; an admin API key may save too (no creator: such a report is never emailed). */
function writer(ctx: Ctx): string | null {
  assertCan(ctx, "reports:write");
  return ctx.actor.userId;
}

export async function createSavedReport(
  ctx: Ctx,
  input: z.output<typeof createReportInput>,
): Promise<SavedReportDto> {
  const userId = writer(ctx);
  const recipientIds = await assertMembers(ctx, input.schedule?.recipientIds ?? []);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(savedReports)
      .values({
        organizationId: ctx.orgId,
        name: input.name,
        description: input.description ?? null,
        definition: stored(input.definition),
        scheduleFrequency: input.schedule?.frequency ?? null,
        scheduleFormat: input.schedule?.format ?? "csv",
        recipientIds,
        createdById: userId,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: "report.create",
      resourceType: "saved_report",
      resourceId: row!.id,
    });
    return toSavedReportDto(row!);
  });
}

/** The creator and admins change, delete or send a saved report; others may copy it. */
export async function editable(ctx: Ctx, id: string): Promise<SavedReportRow> {
  assertCan(ctx, "reports:write");
  // Another organization's id is a 404 before any question of who may change it.
  const row = await findSavedReport(ctx, id);
  const userId = writer(ctx);
  if ((!userId || row.createdById !== userId) && ctx.role !== "owner" && ctx.role !== "admin")
    throw new AppError("forbidden", "Only its creator or an admin may change this report");
  return row;
}

export async function updateSavedReport(
  ctx: Ctx,
  id: string,
  input: z.output<typeof updateReportInput>,
): Promise<SavedReportDto> {
  await editable(ctx, id);
  const recipientIds = input.schedule ? await assertMembers(ctx, input.schedule.recipientIds) : [];
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(savedReports)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.definition ? { definition: stored(input.definition) } : {}),
        ...(input.schedule
          ? {
              scheduleFrequency: input.schedule.frequency,
              scheduleFormat: input.schedule.format,
              recipientIds,
            }
          : {}),
        updatedAt: new Date(),
      })
      .where(and(eq(savedReports.organizationId, ctx.orgId), eq(savedReports.id, id)))
      .returning();
    if (!row) throw notFound("Report");
    await recordAudit(tx, ctx, {
      action: "report.update",
      resourceType: "saved_report",
      resourceId: id,
      changes: { fields: Object.keys(input) },
    });
    return toSavedReportDto(row);
  });
}

export async function deleteSavedReport(ctx: Ctx, id: string): Promise<void> {
  await editable(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await tx
      .delete(savedReports)
      .where(and(eq(savedReports.organizationId, ctx.orgId), eq(savedReports.id, id)));
    await recordAudit(tx, ctx, {
      action: "report.delete",
      resourceType: "saved_report",
      resourceId: id,
    });
  });
}
