import { z } from "zod";
import { IMPORT_MODES, IMPORT_STATUSES } from "@/db/schema";
import { pageQuerySchema } from "@/lib/http/pagination";

const booleanString = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1");

/**
 * A mapping sent with an upload: CSV header → lead field (`email`, `custom.<key>`, … — see
 * `POST /leads/import/propose-mapping`), null to skip a column. Given as a JSON string because it
 * travels as a multipart field or a query parameter.
 */
export const mappingJson = z
  .string()
  .max(200_000)
  .transform((raw, c) => {
    try {
      const value: unknown = JSON.parse(raw);
      const parsed = z.record(z.string(), z.string().nullable()).safeParse(value);
      if (parsed.success) return parsed.data;
    } catch {
      // reported below
    }
    c.addIssue({ code: "custom", message: 'Expected a JSON object like {"Email": "email"}' });
    return z.NEVER;
  });

/** Options of an upload: query parameters for raw text/csv, form fields for multipart. */
export const importOptionsSchema = z
  .object({
    mode: z.enum(IMPORT_MODES).default("upsert").meta({
      description:
        "create: new leads only (rows matching an existing email are skipped); update: existing leads only (matched on email); upsert: both",
    }),
    dryRun: booleanString.default(false).meta({
      description: "Report what would happen without writing any lead",
    }),
    mapping: mappingJson.optional().meta({
      description:
        'JSON object mapping CSV headers to lead fields, e.g. {"E-mail":"email","Firma":"company","Notes":null}; proposed from the headers when absent',
    }),
    fileName: z.string().max(255).optional(),
  })
  .meta({ id: "ImportOptions" });
export type ImportOptions = z.infer<typeof importOptionsSchema>;

export const columnMappingSchema = z.object({
  index: z.number().int(),
  header: z.string(),
  field: z.string().nullable(),
});

export const importSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(IMPORT_STATUSES),
    mode: z.enum(IMPORT_MODES),
    dryRun: z.boolean(),
    fileName: z.string().nullable(),
    fileSize: z.number().int(),
    encoding: z.string().nullable(),
    delimiter: z.string().nullable(),
    headers: z.array(z.string()),
    mapping: z.array(columnMappingSchema),
    totalRows: z.number().int().nullable(),
    rowsProcessed: z.number().int(),
    progress: z.number().meta({ description: "0–1" }),
    created: z.number().int(),
    updated: z.number().int(),
    skipped: z.number().int(),
    failed: z.number().int(),
    error: z.string().nullable(),
    errors: z
      .array(
        z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() }),
      )
      .meta({ description: "The first 100 row errors; all of them at /imports/{id}/errors" }),
    createdById: z.uuid().nullable(),
    startedAt: z.iso.datetime().nullable(),
    finishedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Import" });

export const listImportsQuery = pageQuerySchema.extend({
  status: z.enum(IMPORT_STATUSES).optional(),
});

export const proposeMappingInput = z
  .strictObject({
    headers: z.array(z.string().max(500)).min(1).max(500),
  })
  .meta({ id: "ProposeMapping" });

export const proposedMappingSchema = z
  .object({
    columns: z.array(
      z.object({
        index: z.number().int(),
        header: z.string(),
        field: z.string().nullable(),
        confidence: z.enum(["exact", "likely"]).nullable(),
      }),
    ),
    fields: z.array(z.string()).meta({ description: "Every field a column may map to" }),
  })
  .meta({ id: "ProposedMapping" });
