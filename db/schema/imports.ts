import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea, idColumn, timestamps, tsz } from "./columns";
import { organizationIdColumn, users } from "./identity";

export const IMPORT_STATUSES = [
  "uploading",
  "queued",
  "running",
  "completed",
  "failed",
  "cancelled",
] as const;
export const IMPORT_MODES = ["create", "update", "upsert"] as const;

export interface ColumnMapping {
  index: number;
  header: string;
  field: string | null;
}

/** A CSV import: its settings, progress and outcome. Rows are processed in batches, resumably. */
export const leadImports = pgTable(
  "lead_imports",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    /** Who started it; the import runs later with their role and visibility. */
    actorType: text("actor_type", { enum: ["user", "api_key"] })
      .notNull()
      .default("user"),
    actorId: uuid("actor_id"),
    status: text("status", { enum: IMPORT_STATUSES }).notNull().default("uploading"),
    mode: text("mode", { enum: IMPORT_MODES }).notNull(),
    dryRun: boolean("dry_run").notNull().default(false),
    fileName: text("file_name"),
    fileSize: integer("file_size").notNull().default(0),
    /** sha256 of the file: the same file imported again finds its earlier rows by row number. */
    fileHash: text("file_hash"),
    encoding: text("encoding"),
    delimiter: text("delimiter"),
    headers: text("headers")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    mapping: jsonb("mapping").$type<ColumnMapping[]>().notNull().default([]),
    defaults: jsonb("defaults").$type<Record<string, unknown>>().notNull().default({}),
    totalRows: integer("total_rows"),
    /** Rows finished so far; a resumed run continues after this one. */
    rowsProcessed: integer("rows_processed").notNull().default(0),
    /** Byte offset (in the stored UTF-8 text) where the next unprocessed row starts. */
    nextOffset: bigint("next_offset", { mode: "number" }).notNull().default(0),
    created: integer("created").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    skipped: integer("skipped").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    error: text("error"),
    heartbeatAt: tsz("heartbeat_at"),
    startedAt: tsz("started_at"),
    finishedAt: tsz("finished_at"),
    ...timestamps(),
  },
  (t) => [index("lead_imports_org_created_idx").on(t.organizationId, t.createdAt)],
);

/** The uploaded file, in chunks, so any app process can read it and a crash loses nothing. */
export const leadImportChunks = pgTable(
  "lead_import_chunks",
  {
    importId: uuid("import_id")
      .notNull()
      .references(() => leadImports.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    data: bytea("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.seq] })],
);

export const leadImportErrors = pgTable(
  "lead_import_errors",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    importId: uuid("import_id")
      .notNull()
      .references(() => leadImports.id, { onDelete: "cascade" }),
    row: integer("row").notNull(),
    column: text("column"),
    message: text("message").notNull(),
    ...timestamps(),
  },
  (t) => [index("lead_import_errors_org_import_idx").on(t.organizationId, t.importId, t.row)],
);

/**
 * Live lead counts per owner and dimension value (status, source, temperature, score bucket,
 * industry, reached status, created day), kept current by statement-level triggers on leads, so
 * stats and list totals at a million leads read a few hundred rows instead of counting.
 */
export const leadCounts = pgTable(
  "lead_counts",
  {
    organizationId: organizationIdColumn(),
    /** The nil UUID stands for "unassigned", so it can be part of the primary key. */
    ownerKey: uuid("owner_key").notNull(),
    dimension: text("dimension").notNull(),
    value: text("value").notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.ownerKey, t.dimension, t.value] })],
);
