import { boolean, date, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
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
