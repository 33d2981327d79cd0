import { Readable } from "node:stream";
import { and, asc, eq, gt, gte, inArray, isNull, or, sql } from "drizzle-orm";
import { parse } from "csv-parse";
import type { Database } from "@/db/client";
import {
  apiKeys,
  leadImportChunks,
  leadImportErrors,
  leadImports,
  memberships,
  users,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Ctx } from "@/lib/context";
import { createNotification } from "@/lib/notifications/notifications";
import { assignableForCaller } from "../visibility";
import { writeLeadBatch, type BulkContext, type BulkOutcome } from "../bulk-write";
import { loadLeadOptions } from "../lead-options";
import { createLeadInput } from "../lead-schemas";
import { zodFieldErrors } from "@/lib/http/problem";
import { getScoringConfig } from "../scoring/scoring-config";
import { columnForPath, rowToBulkRow, type OwnerDirectory } from "./row-to-lead";
import { CHUNK_BYTES, csvParseOptions } from "./store-upload";

type ImportRow = typeof leadImports.$inferSelect;

/** Rows per transaction: each commits its leads, errors and the resume point together. */
export const IMPORT_BATCH_ROWS = 1000;

class StopImport extends Error {}

/** The stored text from a byte offset on, one chunk at a time. */
async function* chunksFrom(db: Database, importId: string, offset: number) {
  let seq = Math.floor(offset / CHUNK_BYTES);
  let skip = offset % CHUNK_BYTES;
  for (;;) {
    const [chunk] = await db
      .select({ data: leadImportChunks.data })
      .from(leadImportChunks)
      .where(and(eq(leadImportChunks.importId, importId), gte(leadImportChunks.seq, seq)))
      .orderBy(asc(leadImportChunks.seq))
      .limit(1);
    if (!chunk) return;
    yield skip ? chunk.data.subarray(skip) : chunk.data;
    skip = 0;
    seq++;
  }
}

/** Up to `limit` records from a byte offset, each with the offset just past it. */
async function readRecords(db: Database, row: ImportRow, limit: number) {
  const parser = Readable.from(chunksFrom(db, row.id, row.nextOffset)).pipe(
    parse(csvParseOptions(row.delimiter ?? ",")),
  );
  const out: { cells: string[]; end: number }[] = [];
  for await (const r of parser as AsyncIterable<{ record: string[]; info: { bytes: number } }>) {
    out.push({ cells: r.record, end: row.nextOffset + r.info.bytes });
    if (out.length >= limit) break;
  }
  parser.destroy();
  return out;
}

/** The import runs as whoever started it, with their role and visibility at the time it runs. */
async function importCtx(db: Database, row: ImportRow): Promise<Ctx | string> {
  if (!row.actorId) return "Whoever started this import no longer exists.";
  if (row.actorType === "api_key") {
    const [key] = await db
      .select({ role: apiKeys.role })
      .from(apiKeys)
      .where(
        and(
          eq(apiKeys.id, row.actorId),
          or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, new Date())),
          eq(apiKeys.organizationId, row.organizationId),
          isNull(apiKeys.revokedAt),
        ),
      )
      .limit(1);
    if (!key) return "The API key that started this import has been revoked.";
    return {
      db,
      orgId: row.organizationId,
      role: key.role,
      actor: { type: "api_key", id: row.actorId, userId: null },
    };
  }
  const [member] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, row.organizationId),
        eq(memberships.userId, row.actorId),
        eq(memberships.status, "active"),
      ),
    )
    .limit(1);
  if (!member) return "The member who started this import is no longer in the organization.";
  return {
    db,
    orgId: row.organizationId,
    role: member.role,
    actor: { type: "user", id: row.actorId, userId: row.actorId },
  };
}

/** Members an "owner" column may name (by email or name), among those the importer may assign. */
async function ownerDirectory(ctx: Ctx, assignable: Set<string>): Promise<OwnerDirectory> {
  const rows = await ctx.db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, ctx.orgId));
  const directory: OwnerDirectory = new Map();
  for (const r of rows) {
    if (!assignable.has(r.id)) continue;
    directory.set(r.email.toLowerCase(), r.id);
    if (r.name && !directory.has(r.name.toLowerCase())) directory.set(r.name.toLowerCase(), r.id);
  }
  return directory;
}

async function finish(
  db: Database,
  row: ImportRow,
  status: "completed" | "failed",
  error?: string,
) {
  await db.transaction(async (tx) => {
    const [done] = await tx
      .update(leadImports)
      .set({ status, error: error ?? null, finishedAt: new Date() })
      .where(and(eq(leadImports.id, row.id), inArray(leadImports.status, ["queued", "running"])))
      .returning();
    if (!done) return;
    // The file is kept only to resume from; a failed import keeps it (POST /imports/{id}/resume).
    if (status === "completed") {
      await tx.delete(leadImportChunks).where(eq(leadImportChunks.importId, row.id));
    }
    const actor = { type: row.actorType, id: row.actorId, userId: row.createdById } as const;
    await recordAudit(
      tx,
      { orgId: row.organizationId, actor },
      {
        action: status === "completed" ? "lead.import_completed" : "lead.import_failed",
        resourceType: "import",
        resourceId: row.id,
        changes: {
          created: done.created,
          updated: done.updated,
          skipped: done.skipped,
          failed: done.failed,
          error: error ?? null,
        },
      },
    );
    if (row.createdById) {
      const what = done.dryRun ? "Dry run" : "Import";
      await createNotification(tx, {
        organizationId: row.organizationId,
        userId: row.createdById,
        type: status === "completed" ? "import.completed" : "import.failed",
        title:
          status === "completed"
            ? `${what} of ${row.fileName ?? "your file"} finished: ${done.created} created, ${done.updated} updated, ${done.failed} failed`
            : `${what} of ${row.fileName ?? "your file"} failed: ${error}`,
        link: `/leads/import/${row.id}`,
        data: { importId: row.id },
        dedupeKey: `import:${row.id}`,
      });
    }
  });
}

/**
 * Import the next rows of a queued or running import, at most `maxRows`, in transactions of
 * IMPORT_BATCH_ROWS rows that each commit the leads, the row errors and the resume point (byte
 * offset and row count) together. A crash therefore loses at most the batch in flight, and
 * running a slice again continues exactly where the last commit left off — never writing a row
 * twice. Re-importing the same file later matches rows by email (or by file hash and row number
 * for rows without one), so it creates no duplicates either.
 */
export async function processImportSlice(
  db: Database,
  orgId: string,
  importId: string,
  maxRows = 20_000,
): Promise<{ done: boolean; rowsProcessed: number }> {
  let [row] = await db
    .select()
    .from(leadImports)
    .where(and(eq(leadImports.organizationId, orgId), eq(leadImports.id, importId)))
    .limit(1);
  if (!row || !["queued", "running"].includes(row.status)) {
    return { done: true, rowsProcessed: row?.rowsProcessed ?? 0 };
  }
  if (row.status === "queued") {
    [row] = await db
      .update(leadImports)
      .set({ status: "running", startedAt: new Date(), heartbeatAt: new Date() })
      .where(eq(leadImports.id, row.id))
      .returning();
  }
  const current = row!;
  const ctx = await importCtx(db, current);
  if (typeof ctx === "string") {
    await finish(db, current, "failed", ctx);
    return { done: true, rowsProcessed: current.rowsProcessed };
  }
  const [snapshot, scoring, assignable] = await Promise.all([
    loadLeadOptions(db, orgId),
    getScoringConfig(db, orgId),
    assignableForCaller(ctx),
  ]);
  const owners = current.mapping.some((c) => c.field === "owner")
    ? await ownerDirectory(ctx, assignable)
    : new Map<string, string>();
  const bc: BulkContext = {
    ctx,
    snapshot,
    scoring,
    assignable,
    mode: current.mode,
    dryRun: current.dryRun,
    defaultSource: "import",
    importId: current.id,
  };
  const defaultOwner = ctx.actor.type === "user" ? ctx.actor.userId : null;
  const columns = current.headers.length;

  const records = await readRecords(db, current, maxRows);
  let rowsProcessed = current.rowsProcessed;
  try {
    for (let start = 0; start < records.length; start += IMPORT_BATCH_ROWS) {
      const slice = records.slice(start, start + IMPORT_BATCH_ROWS);
      const firstRow = rowsProcessed + 2; // row 1 is the header
      const rows = slice.map((r, i) => {
        const rowNumber = firstRow + i;
        const bulk = rowToBulkRow(
          r.cells,
          rowNumber,
          current.mapping,
          owners,
          `${current.fileHash}:${rowNumber}`,
        );
        if (r.cells.length > columns) {
          bulk.errors!.push({
            path: "",
            message: `The row has ${r.cells.length} cells but the header has ${columns}: an unquoted delimiter?`,
          });
        }
        if (bulk.input.ownerId === undefined) bulk.input.ownerId = defaultOwner;
        // The same checks as the API's (formats, lengths), reported against the CSV's columns.
        const parsed = createLeadInput.safeParse(bulk.input);
        if (parsed.success) bulk.input = parsed.data;
        else bulk.errors!.push(...zodFieldErrors(parsed.error));
        return bulk;
      });
      await db.transaction(async (tx) => {
        const outcomes = await writeLeadBatch(
          tx,
          { ...bc, ctx: { ...ctx, db: tx as unknown as Database } },
          rows,
        );
        const errors = outcomes.flatMap((o: BulkOutcome) =>
          o.outcome === "failed"
            ? o.errors.map((e) => ({
                organizationId: orgId,
                importId: current.id,
                row: o.index,
                column: e.path ? columnForPath(current.mapping, e.path) : null,
                message: e.message,
              }))
            : [],
        );
        if (errors.length) await tx.insert(leadImportErrors).values(errors);
        const count = (kind: BulkOutcome["outcome"]) =>
          outcomes.filter((o) => o.outcome === kind).length;
        // Only the run that read from this resume point may move it on (a duplicate runner stops).
        const [moved] = await tx
          .update(leadImports)
          .set({
            rowsProcessed: rowsProcessed + slice.length,
            nextOffset: slice[slice.length - 1]!.end,
            created: sql`${leadImports.created} + ${count("created")}`,
            updated: sql`${leadImports.updated} + ${count("updated")}`,
            skipped: sql`${leadImports.skipped} + ${count("skipped")}`,
            failed: sql`${leadImports.failed} + ${count("failed")}`,
            heartbeatAt: new Date(),
          })
          .where(
            and(
              eq(leadImports.id, current.id),
              eq(leadImports.status, "running"),
              eq(leadImports.rowsProcessed, rowsProcessed),
            ),
          )
          .returning({ id: leadImports.id });
        if (!moved) throw new StopImport();
      });
      rowsProcessed += slice.length;
    }
  } catch (error) {
    if (error instanceof StopImport) return { done: true, rowsProcessed };
    throw error;
  }
  if (records.length < maxRows) {
    await finish(db, { ...current, rowsProcessed }, "completed");
    return { done: true, rowsProcessed };
  }
  return { done: false, rowsProcessed };
}

/** After retries are exhausted: the import is marked failed, with what was done kept. */
export async function failImport(db: Database, orgId: string, importId: string, message: string) {
  const [row] = await db
    .select()
    .from(leadImports)
    .where(and(eq(leadImports.organizationId, orgId), eq(leadImports.id, importId)))
    .limit(1);
  if (row) await finish(db, row, "failed", message);
}
