import { date, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { organizationIdColumn } from "./identity";

/**
 * Entries into each status per UTC day, owner and source (the lead's, now): how many times the
 * scoped leads moved into a status during a period is a sum over a few thousand rows instead of a
 * join of the status history to a million leads. Kept from leads.status_path / status_path_at by
 * a statement-level trigger on leads, rebuilt by `npm run db:rebuild-rollups`
 * (db/migrations, rebuild_funnel_rollups).
 */
export const leadStatusEntryRollups = pgTable(
  "lead_status_entry_rollups",
  {
    organizationId: organizationIdColumn(),
    day: date("day", { mode: "string" }).notNull(),
    /** The nil UUID stands for "unassigned", so it can be part of the primary key. */
    ownerKey: uuid("owner_key").notNull(),
    /** '' for none. */
    source: text("source").notNull(),
    status: text("status").notNull(),
    entries: integer("entries").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.day, t.ownerKey, t.source, t.status] })],
);
