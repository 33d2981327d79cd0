import { and, eq, inArray } from "drizzle-orm";
import { leadImportChunks, leadImports } from "@/db/schema";
import { importQueued } from "@/inngest/events";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { enqueueEvent } from "@/lib/jobs/outbox";
import { getImport, importRowOrThrow } from "./read-imports";

/** Stop a queued or running import: rows already committed stay, the rest are never read. */
export async function cancelImport(ctx: Ctx, id: string) {
  const row = await importRowOrThrow(ctx, id);
  await ctx.db.transaction(async (tx) => {
    const [stopped] = await tx
      .update(leadImports)
      .set({ status: "cancelled", finishedAt: new Date() })
      .where(and(eq(leadImports.id, row.id), inArray(leadImports.status, ["queued", "running"])))
      .returning({ id: leadImports.id });
    if (!stopped)
      throw new AppError(
        "conflict",
        `The import is ${row.status}; only a queued or running one can be cancelled.`,
      );
    await tx.delete(leadImportChunks).where(eq(leadImportChunks.importId, row.id));
    await recordAudit(tx, ctx, {
      action: "lead.import_cancelled",
      resourceType: "import",
      resourceId: row.id,
    });
  });
  return getImport(ctx, id);
}

/**
 * Queue a failed import again: it continues from its last committed row (the file is kept for
 * failed imports), so nothing is imported twice.
 */
export async function resumeImport(ctx: Ctx, id: string) {
  const row = await importRowOrThrow(ctx, id);
  await ctx.db.transaction(async (tx) => {
    const [queued] = await tx
      .update(leadImports)
      .set({ status: "queued", error: null, finishedAt: null })
      .where(and(eq(leadImports.id, row.id), eq(leadImports.status, "failed")))
      .returning({ id: leadImports.id });
    if (!queued)
      throw new AppError(
        "conflict",
        `The import is ${row.status}; only a failed one can be resumed.`,
      );
    await enqueueEvent(
      tx,
      importQueued,
      { organizationId: ctx.orgId, importId: row.id },
      { organizationId: ctx.orgId },
    );
    await recordAudit(tx, ctx, {
      action: "lead.import_resumed",
      resourceType: "import",
      resourceId: row.id,
    });
  });
  return getImport(ctx, id);
}
