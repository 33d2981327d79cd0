import { and, asc, eq, gt, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { leadImportErrors, leadImports } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { paginate } from "@/lib/http/pagination";
import { parseSort, type SortableFields } from "@/lib/http/sort";
import type { listImportsQuery } from "./import-schemas";

type ImportRow = typeof leadImports.$inferSelect;

/** Admins see every import of the organization; everyone else the ones they started. */
function importScope(ctx: Ctx): SQL {
  const everyone = ctx.role === "owner" || ctx.role === "admin";
  const own = ctx.actor.id ? eq(leadImports.actorId, ctx.actor.id) : sql`false`;
  return and(eq(leadImports.organizationId, ctx.orgId), everyone ? undefined : own)!;
}

export async function importRowOrThrow(ctx: Ctx, id: string): Promise<ImportRow> {
  assertCan(ctx, "leads:import");
  const [row] = await ctx.db
    .select()
    .from(leadImports)
    .where(and(eq(leadImports.id, id), importScope(ctx)))
    .limit(1);
  if (!row) throw notFound("Import");
  return row;
}

function toImportDto(
  row: ImportRow,
  errors: { row: number; column: string | null; message: string }[] = [],
) {
  const total = row.totalRows ?? 0;
  return {
    id: row.id,
    status: row.status,
    mode: row.mode,
    dryRun: row.dryRun,
    fileName: row.fileName,
    fileSize: row.fileSize,
    encoding: row.encoding,
    delimiter: row.delimiter,
    headers: row.headers,
    mapping: row.mapping,
    totalRows: row.totalRows,
    rowsProcessed: row.rowsProcessed,
    progress: total ? Math.min(1, row.rowsProcessed / total) : row.status === "completed" ? 1 : 0,
    created: row.created,
    updated: row.updated,
    skipped: row.skipped,
    failed: row.failed,
    error: row.error,
    errors,
    createdById: row.createdById,
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** GET /imports/{id}: status, progress, counts and the first row errors. */
export async function getImport(ctx: Ctx, id: string) {
  const row = await importRowOrThrow(ctx, id);
  const errors = await ctx.db
    .select({
      row: leadImportErrors.row,
      column: leadImportErrors.column,
      message: leadImportErrors.message,
    })
    .from(leadImportErrors)
    .where(and(eq(leadImportErrors.organizationId, ctx.orgId), eq(leadImportErrors.importId, id)))
    .orderBy(asc(leadImportErrors.row), asc(leadImportErrors.id))
    .limit(100);
  return toImportDto(row, errors);
}

const IMPORT_SORTS: SortableFields = {
  createdAt: { expr: leadImports.createdAt, type: "date" },
};

export async function listImports(ctx: Ctx, query: z.infer<typeof listImportsQuery>) {
  assertCan(ctx, "leads:import");
  const where = and(
    importScope(ctx),
    query.status ? eq(leadImports.status, query.status) : undefined,
  );
  const sort = parseSort(query.sort, IMPORT_SORTS, {
    default: "-createdAt",
    tieBreaker: { field: "id", expr: leadImports.id, type: "string" },
  });
  const page = await paginate<ImportRow>({
    query,
    sort,
    fetch: ({ where: keyset, orderBy, limit, offset }) =>
      ctx.db
        .select()
        .from(leadImports)
        .where(and(where, keyset))
        .orderBy(...orderBy)
        .limit(limit)
        .offset(offset),
    count: async () => ctx.db.$count(leadImports, where),
  });
  return { ...page, data: page.data.map((r) => toImportDto(r)) };
}

/** Every row error of an import, page by page (for the CSV download); 404s before streaming. */
export async function importErrorPages(ctx: Ctx, id: string) {
  await importRowOrThrow(ctx, id);
  return errorPages(ctx, id);
}

async function* errorPages(ctx: Ctx, id: string) {
  let after = "";
  for (;;) {
    const rows = await ctx.db
      .select()
      .from(leadImportErrors)
      .where(
        and(
          eq(leadImportErrors.organizationId, ctx.orgId),
          eq(leadImportErrors.importId, id),
          after ? gt(leadImportErrors.id, after) : undefined,
        ),
      )
      .orderBy(asc(leadImportErrors.id))
      .limit(5000);
    if (!rows.length) return;
    yield rows.map((r) => [r.row, r.column, r.message]);
    after = rows[rows.length - 1]!.id;
  }
}
