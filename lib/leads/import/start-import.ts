import { eq } from "drizzle-orm";
import { leadImports, type ColumnMapping } from "@/db/schema";
import { importQueued } from "@/inngest/events";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { env } from "@/lib/env";
import { AppError, type FieldError } from "@/lib/errors";
import { validationError, zodFieldErrors } from "@/lib/http/problem";
import { searchParamsToObject } from "@/lib/http/query";
import { readUpload } from "@/lib/http/upload";
import { enqueueEvent } from "@/lib/jobs/outbox";
import { loadLeadOptions, type LeadOptionsSnapshot } from "../lead-options";
import { importOptionsSchema, type ImportOptions } from "./import-schemas";
import { IMPORT_FIELDS, proposeMapping } from "./propose-mapping";
import { getImport } from "./read-imports";
import { storeUpload } from "./store-upload";

/**
 * POST /leads/import: store the file, check it can be read, settle the column mapping (the one
 * given, or one proposed from the header) and queue the import — answering at once with its id.
 * A file refused for any reason leaves nothing behind.
 */
export async function startImport(
  ctx: Ctx,
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: ImportOptions,
) {
  assertCan(ctx, "leads:import");
  if (ctx.actor.type === "system")
    throw new AppError("forbidden", "Imports need a user or API key");
  const [created] = await ctx.db
    .insert(leadImports)
    .values({
      organizationId: ctx.orgId,
      createdById: ctx.actor.userId,
      actorType: ctx.actor.type,
      actorId: ctx.actor.id,
      mode: options.mode,
      dryRun: options.dryRun,
      fileName: options.fileName ?? null,
    })
    .returning({ id: leadImports.id });
  const id = created!.id;
  try {
    const upload = await storeUpload(ctx.db, id, source, env.IMPORT_MAX_BYTES);
    const snapshot = await loadLeadOptions(ctx.db, ctx.orgId);
    const mapping = options.mapping
      ? resolveMapping(upload.headers, options.mapping, snapshot)
      : proposeMapping(
          upload.headers,
          snapshot.customFields.filter((f) => !f.archived),
        ).map(({ index, header, field }) => ({ index, header, field }));
    if (!mapping.some((c) => c.field)) {
      throw new AppError(
        "bad_request",
        `None of the columns (${upload.headers.slice(0, 5).join(", ")}${upload.headers.length > 5 ? ", …" : ""}) matches a lead field. Check the delimiter, or send a mapping.`,
        { errors: [{ path: "mapping", message: "No column maps to a lead field" }] },
      );
    }
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(leadImports)
        .set({
          status: "queued",
          fileSize: upload.fileSize,
          fileHash: upload.fileHash,
          encoding: upload.encoding,
          delimiter: upload.delimiter,
          headers: upload.headers,
          mapping,
          totalRows: upload.totalRows,
          nextOffset: upload.dataOffset,
        })
        .where(eq(leadImports.id, id));
      await enqueueEvent(
        tx,
        importQueued,
        { organizationId: ctx.orgId, importId: id },
        { organizationId: ctx.orgId },
      );
      await recordAudit(tx, ctx, {
        action: "lead.import_started",
        resourceType: "import",
        resourceId: id,
        changes: { fileName: options.fileName ?? null, rows: upload.totalRows, mode: options.mode },
      });
    });
  } catch (error) {
    await ctx.db.delete(leadImports).where(eq(leadImports.id, id));
    throw error;
  }
  return getImport(ctx, id);
}

/** POST /leads/import: options from the query string and (multipart) the form fields. */
export async function importFromRequest(ctx: Ctx, req: Request) {
  assertCan(ctx, "leads:import");
  const upload = await readUpload(req);
  const raw = { ...searchParamsToObject(new URL(req.url).searchParams), ...upload.fields };
  const parsed = importOptionsSchema.safeParse(raw);
  if (!parsed.success) throw validationError(zodFieldErrors(parsed.error));
  const options = { ...parsed.data, fileName: parsed.data.fileName ?? upload.fileName };
  return startImport(ctx, upload.file, options);
}

/** POST /leads/import/propose-mapping: the mapping an upload with these headers would get. */
export async function proposeMappingFor(ctx: Ctx, headers: string[]) {
  assertCan(ctx, "leads:import");
  const snapshot = await loadLeadOptions(ctx.db, ctx.orgId);
  return {
    columns: proposeMapping(
      headers,
      snapshot.customFields.filter((f) => !f.archived),
    ),
    fields: mappableFields(snapshot),
  };
}

/** The fields a column may map to: the built-in ones and the organization's custom fields. */
export function mappableFields(snapshot: LeadOptionsSnapshot): string[] {
  return [
    ...IMPORT_FIELDS,
    ...snapshot.customFields.filter((f) => !f.archived).map((f) => `custom.${f.key}`),
  ];
}

/** A mapping sent by the client, checked against the file's header and the known fields. */
export function resolveMapping(
  headers: string[],
  given: Record<string, string | null>,
  snapshot: LeadOptionsSnapshot,
): ColumnMapping[] {
  const fields = new Set(mappableFields(snapshot));
  const byHeader = new Map(Object.entries(given).map(([h, f]) => [h.trim().toLowerCase(), f]));
  const errors: FieldError[] = [];
  const known = new Set(headers.map((h) => h.toLowerCase()));
  for (const [header, field] of Object.entries(given)) {
    if (!known.has(header.trim().toLowerCase()))
      errors.push({ path: `mapping.${header}`, message: "No column with this header in the file" });
    else if (field !== null && !fields.has(field))
      errors.push({ path: `mapping.${header}`, message: `Unknown field "${field}"` });
  }
  const taken = new Map<string, string>();
  const mapping = headers.map((header, index) => {
    const field = byHeader.get(header.toLowerCase()) ?? null;
    if (field && taken.has(field) && field !== "notes" && field !== "tags") {
      errors.push({
        path: `mapping.${header}`,
        message: `"${field}" is already mapped from "${taken.get(field)}"`,
      });
    }
    if (field) taken.set(field, header);
    return { index, header, field };
  });
  if (errors.length) throw validationError(errors);
  return mapping;
}
