import { date, integer, numeric, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { organizationIdColumn } from "./identity";

/*
 * Revenue rollups, kept current by statement-level triggers on leads and campaign_recipients
 * (db/migrations, revenue_rollups_*) and rebuilt with the lead rollups (`npm run
 * db:rebuild-rollups`). ROI, revenue and the forecast read them instead of joining a million
 * leads to half a million recipients per request. Keys follow lead_daily_rollups: the nil UUID is
 * "unassigned", '' is "no source" / "no deal currency (the organization's)".
 *
 * No foreign key to campaigns: deleting a campaign deletes its recipients first, whose trigger
 * takes them out of these rows (the rows stay, at zero; reads join campaigns).
 */

/** Recipients of a campaign whose lead is live, by the lead's owner and source. */
export const campaignRecipientRollups = pgTable(
  "campaign_recipient_rollups",
  {
    organizationId: organizationIdColumn(),
    campaignId: uuid("campaign_id").notNull(),
    ownerKey: uuid("owner_key").notNull(),
    source: text("source").notNull(),
    recipients: integer("recipients").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.campaignId, t.ownerKey, t.source] })],
);

/**
 * Recipients of a campaign whose live lead is won, by the UTC day of the win, owner, source and
 * deal currency — the same keys and sums as lead_daily_rollups' `won` rows, for one campaign.
 */
export const campaignWonRollups = pgTable(
  "campaign_won_rollups",
  {
    organizationId: organizationIdColumn(),
    campaignId: uuid("campaign_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    ownerKey: uuid("owner_key").notNull(),
    source: text("source").notNull(),
    currency: text("currency").notNull(),
    leads: integer("leads").notNull().default(0),
    /** Won leads with a deal value, and the sum of those values. */
    valued: integer("valued").notNull().default(0),
    amount: numeric("amount", { precision: 18, scale: 2, mode: "number" }).notNull().default(0),
  },
  (t) => [
    primaryKey({
      columns: [t.organizationId, t.campaignId, t.day, t.ownerKey, t.source, t.currency],
    }),
  ],
);

/**
 * Live leads with a deal value or an expected close date, by status, expected close month
 * ('YYYY-MM-01', '' without a date), owner, source and deal currency: the forecast of open deals
 * (reads keep the open statuses, so recategorising a status needs no rebuild).
 */
export const leadForecastRollups = pgTable(
  "lead_forecast_rollups",
  {
    organizationId: organizationIdColumn(),
    status: text("status").notNull(),
    month: text("month").notNull(),
    ownerKey: uuid("owner_key").notNull(),
    source: text("source").notNull(),
    currency: text("currency").notNull(),
    leads: integer("leads").notNull().default(0),
    valued: integer("valued").notNull().default(0),
    amount: numeric("amount", { precision: 18, scale: 2, mode: "number" }).notNull().default(0),
  },
  (t) => [
    primaryKey({
      columns: [t.organizationId, t.status, t.month, t.ownerKey, t.source, t.currency],
    }),
  ],
);
