import { date, integer, numeric, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { organizationIdColumn } from "./identity";

/**
 * Analytics rollups, kept current by statement-level triggers on leads (one aggregated upsert per
 * statement) and rebuilt by `npm run db:rebuild-rollups` (lib/analytics/rollups). Every lead adds
 * one to each of its facts' rows: when it was created, first contacted, (of those) replied, won,
 * lost — keyed by that UTC day, its owner, source, current outcome and deal currency, so any
 * period, owner, team and source filter is a sum over a few thousand rows instead of a scan of a
 * million leads.
 */
export const leadDailyRollups = pgTable(
  "lead_daily_rollups",
  {
    organizationId: organizationIdColumn(),
    /** created | contacted | replied (keyed by the first-contact day) | won | lost */
    metric: text("metric").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    /** The nil UUID stands for "unassigned", so it can be part of the primary key. */
    ownerKey: uuid("owner_key").notNull(),
    /** '' for none. */
    source: text("source").notNull(),
    /** The lead's outcome now: open | won | lost. */
    outcome: text("outcome").notNull(),
    /** The deal currency ('' when the lead has none: the organization's). */
    currency: text("currency").notNull(),
    leads: integer("leads").notNull().default(0),
    /** Leads with a deal value, and the sum of those values. */
    valued: integer("valued").notNull().default(0),
    amount: numeric("amount", { precision: 18, scale: 2, mode: "number" }).notNull().default(0),
  },
  (t) => [
    primaryKey({
      columns: [t.organizationId, t.metric, t.day, t.ownerKey, t.source, t.outcome, t.currency],
    }),
  ],
);

/** Live leads now per status, owner, source and deal currency: the pipeline without a scan. */
export const leadStatusRollups = pgTable(
  "lead_status_rollups",
  {
    organizationId: organizationIdColumn(),
    status: text("status").notNull(),
    ownerKey: uuid("owner_key").notNull(),
    source: text("source").notNull(),
    currency: text("currency").notNull(),
    leads: integer("leads").notNull().default(0),
    valued: integer("valued").notNull().default(0),
    amount: numeric("amount", { precision: 18, scale: 2, mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.status, t.ownerKey, t.source, t.currency] })],
);
