import { sql } from "drizzle-orm";
import { index, integer, jsonb, numeric, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { idColumn, timestamps, tsz, tszNow } from "./columns";
import { organizationIdColumn, users } from "./identity";
import { leads } from "./leads";

export const LISTING_STATUSES = ["draft", "active", "under_offer", "sold", "withdrawn"] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

/**
 * What the organization sells one by one (seed 000's property, seed 003's price trends): inquiries
 * and tracked events may point at a listing (lead_inquiries.listing_id, lead_events.listing_id).
 */
export const listings = pgTable(
  "listings",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    title: text("title").notNull(),
    /** Free slug such as apartment, house, office, land — grouped on in price trends. */
    type: text("type").notNull(),
    price: numeric("price", { precision: 14, scale: 2, mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    /** Where it is: a city or area name, grouped on in price trends. */
    location: text("location").notNull(),
    status: text("status", { enum: LISTING_STATUSES }).notNull().default("active"),
    listedAt: tsz("listed_at").notNull(),
    soldAt: tsz("sold_at"),
    soldPrice: numeric("sold_price", { precision: 14, scale: 2, mode: "number" }),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    ...timestamps(),
  },
  (t) => [
    index("listings_org_listed_idx").on(t.organizationId, t.listedAt, t.id),
    index("listings_org_location_type_idx").on(t.organizationId, t.location, t.type, t.listedAt),
  ],
);

export const USER_ACTIVITY_KINDS = [
  "login",
  "call",
  "email",
  "follow_up",
  "meeting",
  "note",
] as const;
export type UserActivityKind = (typeof USER_ACTIVITY_KINDS)[number];

export const CALL_OUTCOMES = [
  "connected",
  "voicemail",
  "no_answer",
  "busy",
  "wrong_number",
  "meeting_booked",
] as const;

/**
 * What members did, one row per act (seed 004's activity tracking): logins, calls logged, emails
 * sent by a person, follow-ups completed. Written by the code path that does the act.
 */
export const userActivities = pgTable(
  "user_activities",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: USER_ACTIVITY_KINDS }).notNull(),
    leadId: uuid("lead_id").references(() => leads.id, { onDelete: "set null" }),
    /** Calls: how it went (CALL_OUTCOMES); others: null. */
    outcome: text("outcome"),
    durationSeconds: integer("duration_seconds"),
    notes: text("notes"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: tszNow("occurred_at"),
    ...timestamps(),
  },
  (t) => [
    index("user_activities_org_time_idx").on(t.organizationId, t.occurredAt),
    index("user_activities_org_user_idx").on(t.organizationId, t.userId, t.occurredAt),
    index("user_activities_org_lead_idx")
      .on(t.organizationId, t.leadId, t.occurredAt)
      .where(sql`${t.leadId} is not null`),
  ],
);

/** A custom report as built in the report builder: dataset, dimensions, metrics, filters, period. */
export interface ReportDefinition {
  dataset: string;
  dimensions: string[];
  metrics: string[];
  filters: Record<string, unknown>;
  period: Record<string, unknown>;
  chart?: string;
}

export const REPORT_FREQUENCIES = ["daily", "weekly", "monthly"] as const;

/** Saved reports, optionally emailed on a schedule to chosen members. */
export const savedReports = pgTable(
  "saved_reports",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    name: text("name").notNull(),
    description: text("description"),
    definition: jsonb("definition").$type<ReportDefinition>().notNull(),
    /** Null: not emailed. */
    scheduleFrequency: text("schedule_frequency", { enum: REPORT_FREQUENCIES }),
    /** Export format of the emailed attachment. */
    scheduleFormat: text("schedule_format").notNull().default("csv"),
    recipientIds: uuid("recipient_ids")
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    lastSentAt: tsz("last_sent_at"),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    ...timestamps(),
  },
  (t) => [index("saved_reports_org_updated_idx").on(t.organizationId, t.updatedAt)],
);
