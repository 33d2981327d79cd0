import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ACTOR_TYPES } from "./platform";
import { idColumn, timestamps, tsz, tszNow } from "./columns";
import { organizationIdColumn, users } from "./identity";
import { leads } from "./leads";

const leadIdColumn = () =>
  uuid("lead_id")
    .notNull()
    .references(() => leads.id, { onDelete: "cascade" });

/**
 * The lead's timeline: every change (with before/after), note, inquiry, score change, reminder
 * and merge, written in the same transaction as the change itself.
 */
export const leadActivities = pgTable(
  "lead_activities",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    leadId: leadIdColumn(),
    type: text("type").notNull(),
    actorType: text("actor_type", { enum: ACTOR_TYPES }).notNull(),
    actorId: uuid("actor_id"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: tszNow("occurred_at"),
    ...timestamps(),
  },
  (t) => [
    index("lead_activities_org_lead_idx").on(t.organizationId, t.leadId, t.occurredAt, t.id),
    index("lead_activities_org_type_idx").on(t.organizationId, t.type, t.occurredAt),
  ],
);

export const leadNotes = pgTable(
  "lead_notes",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    leadId: leadIdColumn(),
    body: text("body").notNull(),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    ...timestamps(),
  },
  (t) => [index("lead_notes_org_lead_idx").on(t.organizationId, t.leadId, t.createdAt)],
);

/** Seed 000's inquiries: a lead asking about something (a listing, a product); raises the score. */
export const leadInquiries = pgTable(
  "lead_inquiries",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    leadId: leadIdColumn(),
    message: text("message").notNull(),
    channel: text("channel"),
    listingId: uuid("listing_id"),
    ...timestamps(),
  },
  (t) => [index("lead_inquiries_org_lead_idx").on(t.organizationId, t.leadId, t.createdAt)],
);

/** Tracked behaviour (page views, downloads, …) reported by a website or the app. */
export const leadEvents = pgTable(
  "lead_events",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    leadId: leadIdColumn(),
    type: text("type").notNull(),
    value: text("value"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    listingId: uuid("listing_id"),
    occurredAt: tsz("occurred_at").notNull(),
    ...timestamps(),
  },
  (t) => [
    index("lead_events_org_lead_idx").on(t.organizationId, t.leadId, t.occurredAt),
    index("lead_events_org_type_idx").on(t.organizationId, t.type, t.occurredAt),
  ],
);

/** Status transitions, for funnels and time-in-stage. */
export const leadStatusChanges = pgTable(
  "lead_status_changes",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    leadId: leadIdColumn(),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    changedAt: tszNow("changed_at"),
    ...timestamps(),
  },
  (t) => [
    index("lead_status_changes_org_lead_idx").on(t.organizationId, t.leadId, t.changedAt),
    index("lead_status_changes_org_to_idx").on(t.organizationId, t.toStatus, t.changedAt),
  ],
);

export const REMINDER_STATUSES = ["open", "done", "cancelled"] as const;

/** Follow-ups: a dated to-do on a lead for one member, who is notified when it comes due. */
export const reminders = pgTable(
  "reminders",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    leadId: leadIdColumn(),
    assigneeId: uuid("assignee_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    message: text("message").notNull(),
    dueAt: tsz("due_at").notNull(),
    status: text("status", { enum: REMINDER_STATUSES }).notNull().default("open"),
    completedAt: tsz("completed_at"),
    notifiedAt: tsz("notified_at"),
    createdById: uuid("created_by_id"),
    ...timestamps(),
  },
  (t) => [
    index("reminders_org_assignee_due_idx")
      .on(t.organizationId, t.assigneeId, t.dueAt)
      .where(sql`${t.status} = 'open'`),
    index("reminders_org_lead_idx").on(t.organizationId, t.leadId, t.dueAt),
  ],
);

/** In-app notifications for one member (due reminders, later replies and more). */
export const notifications = pgTable(
  "notifications",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    title: text("title").notNull(),
    body: text("body"),
    link: text("link"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    /** De-duplicates notifications a retried job might create twice. */
    dedupeKey: text("dedupe_key"),
    readAt: tsz("read_at"),
    ...timestamps(),
  },
  (t) => [
    index("notifications_org_user_idx").on(t.organizationId, t.userId, t.createdAt),
    index("notifications_org_user_unread_idx")
      .on(t.organizationId, t.userId)
      .where(sql`${t.readAt} is null`),
    uniqueIndex("notifications_dedupe_key")
      .on(t.organizationId, t.dedupeKey)
      .where(sql`${t.dedupeKey} is not null`),
  ],
);

export interface ScoringRule {
  id: string;
  label: string;
  kind: "field" | "event";
  /** field rules: a lead field or custom.<key>; event rules: inquiry, page_view, email_opened… */
  target: string;
  operator?: "equals" | "in" | "contains" | "exists";
  value?: string | string[];
  points: number;
  /** event rules: count at most this many events (per rule), so one busy visitor can't max out. */
  maxEvents?: number;
}

export interface ScoringConfig {
  rules: ScoringRule[];
  thresholds: { hot: number; warm: number };
  /** Event points halve every this many days (0: no decay). */
  halfLifeDays: number;
}

export const scoringRules = pgTable("scoring_rules", {
  organizationId: organizationIdColumn().primaryKey(),
  config: jsonb("config").$type<ScoringConfig>().notNull(),
  version: integer("version").notNull().default(1),
  ...timestamps(),
});
