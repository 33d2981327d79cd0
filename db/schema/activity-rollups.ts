import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { tsz } from "./columns";
import { organizationIdColumn } from "./identity";

/**
 * Members' acts per UTC day, member and kind (logins, calls, emails, follow-ups, …), kept by a
 * statement-level trigger on user_activities and rebuilt by `npm run db:rebuild-rollups`
 * (db/migrations, rebuild_activity_rollups). The activity report, company activity and the
 * salesperson report's calls and emails sum a period's rows here — a few thousand at most —
 * instead of counting a period of user_activities (tens of thousands of rows a month).
 */
export const userActivityDailyRollups = pgTable(
  "user_activity_daily_rollups",
  {
    organizationId: organizationIdColumn(),
    day: date("day", { mode: "string" }).notNull(),
    userId: uuid("user_id").notNull(),
    kind: text("kind").notNull(),
    activities: integer("activities").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.day, t.userId, t.kind] })],
);

/**
 * Live assigned leads per UTC day of their assignment (leads.assigned_at), owner and source, split
 * by whether they have been contacted and won since — the salesperson report's "leads assigned,
 * contacted, converted" without reading the leads. Kept by a statement-level trigger on leads.
 */
export const leadAssignmentRollups = pgTable(
  "lead_assignment_rollups",
  {
    organizationId: organizationIdColumn(),
    day: date("day", { mode: "string" }).notNull(),
    ownerId: uuid("owner_id").notNull(),
    /** '' for none. */
    source: text("source").notNull(),
    contacted: boolean("contacted").notNull(),
    converted: boolean("converted").notNull(),
    leads: integer("leads").notNull().default(0),
  },
  (t) => [
    primaryKey({
      columns: [t.organizationId, t.day, t.ownerId, t.source, t.contacted, t.converted],
    }),
  ],
);

/**
 * Every answered human reply: how long the lead's owner took to write to the lead after it (their
 * first message after the reply; other people's messages don't count), kept per lead by triggers
 * on conversation_messages (replies and people's messages) and on leads (owner or source changed),
 * with the lead's owner and source copied so the salesperson report's median response time is a
 * read of a period's rows here, without probing the message log and the leads per reply.
 */
export const replyResponseTimes = pgTable(
  "reply_response_times",
  {
    organizationId: organizationIdColumn(),
    repliedAt: tsz("replied_at").notNull(),
    /** The inbound message. */
    messageId: uuid("message_id").notNull(),
    leadId: uuid("lead_id").notNull(),
    ownerId: uuid("owner_id").notNull(),
    /** The lead's source; '' for none. */
    source: text("source").notNull(),
    seconds: doublePrecision("seconds").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.repliedAt, t.messageId] }),
    index("reply_response_times_org_lead_idx").on(t.organizationId, t.leadId),
  ],
);
