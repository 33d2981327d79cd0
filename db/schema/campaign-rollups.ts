import {
  boolean,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { tsz } from "./columns";
import { organizationIdColumn } from "./identity";

/**
 * Campaign analytics rollups (issue 9): campaign mail summed per day / hour instead of aggregating
 * millions of email_messages and email_events per request. Two layers, both kept by
 * statement-level triggers (db/migrations, `campaign_*` functions) and rebuilt by
 * `npm run db:rebuild-rollups`:
 *   facts — one row per campaign message / per campaign × lead, with what the analytics count
 *     about it (outcomes as flags, the lead's owner and source as recorded). A write to a source
 *     table recomputes only the facts it touched, and only changed facts move the sums.
 *   rollups — signed sums of the facts per key, so any period, owner, team, source and campaign
 *     filter reads a few thousand rows.
 * The nil UUID as owner key stands for "no owner" (or no lead any more); '' for no source / step /
 * variant / currency, so every key column can be part of a primary key.
 */
export const campaignMailFacts = pgTable(
  "campaign_mail_facts",
  {
    organizationId: organizationIdColumn(),
    messageId: uuid("message_id").notNull(),
    campaignId: uuid("campaign_id").notNull(),
    leadId: uuid("lead_id"),
    /** When it went out, or was created when it never did (queued, failed). */
    at: tsz("at").notNull(),
    stepId: text("step_id").notNull(),
    /** -1 for none. */
    stepIndex: integer("step_index").notNull(),
    variantId: text("variant_id").notNull(),
    ownerKey: uuid("owner_key").notNull(),
    source: text("source").notNull(),
    sent: boolean("sent").notNull(),
    bounced: boolean("bounced").notNull(),
    delivered: boolean("delivered").notNull(),
    opened: boolean("opened").notNull(),
    clicked: boolean("clicked").notNull(),
    replied: boolean("replied").notNull(),
    unsubscribed: boolean("unsubscribed").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.messageId] }),
    index("campaign_mail_facts_org_lead_idx").on(t.organizationId, t.leadId),
  ],
);

/** One row per campaign × lead it mailed: the recipient's first mail, meeting and deal. */
export const campaignLeadFacts = pgTable(
  "campaign_lead_facts",
  {
    organizationId: organizationIdColumn(),
    campaignId: uuid("campaign_id").notNull(),
    leadId: uuid("lead_id").notNull(),
    firstAt: tsz("first_at").notNull(),
    /** When the lead was added to the campaign (campaign_recipients); null without a row there. */
    addedAt: tsz("added_at"),
    /** The first meeting (or call that booked one) at or after being added. */
    meetingAt: tsz("meeting_at"),
    ownerKey: uuid("owner_key").notNull(),
    source: text("source").notNull(),
    /** The lead exists and is not deleted. */
    live: boolean("live").notNull(),
    wonAt: tsz("won_at"),
    dealValue: numeric("deal_value", { precision: 18, scale: 2, mode: "number" }),
    dealCurrency: text("deal_currency"),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.campaignId, t.leadId] }),
    index("campaign_lead_facts_org_lead_idx").on(t.organizationId, t.leadId),
  ],
);

/** Campaign mail per UTC day (of `at`), step, variant, lead owner and source, sent and bounced. */
export const campaignMailDailyRollups = pgTable(
  "campaign_mail_daily_rollups",
  {
    organizationId: organizationIdColumn(),
    day: date("day", { mode: "string" }).notNull(),
    campaignId: uuid("campaign_id").notNull(),
    stepIndex: integer("step_index").notNull(),
    stepId: text("step_id").notNull(),
    variantId: text("variant_id").notNull(),
    ownerKey: uuid("owner_key").notNull(),
    source: text("source").notNull(),
    sent: boolean("sent").notNull(),
    bounced: boolean("bounced").notNull(),
    messages: integer("messages").notNull().default(0),
    delivered: integer("delivered").notNull().default(0),
    opened: integer("opened").notNull().default(0),
    clicked: integer("clicked").notNull().default(0),
    replied: integer("replied").notNull().default(0),
    unsubscribed: integer("unsubscribed").notNull().default(0),
  },
  (t) => [
    primaryKey({
      columns: [
        t.organizationId,
        t.day,
        t.campaignId,
        t.stepIndex,
        t.stepId,
        t.variantId,
        t.ownerKey,
        t.source,
        t.sent,
        t.bounced,
      ],
    }),
  ],
);

/** Sent campaign mail per UTC hour it went out, campaign, lead owner and source (send times). */
export const campaignMailHourlyRollups = pgTable(
  "campaign_mail_hourly_rollups",
  {
    organizationId: organizationIdColumn(),
    hour: tsz("hour").notNull(),
    campaignId: uuid("campaign_id").notNull(),
    ownerKey: uuid("owner_key").notNull(),
    source: text("source").notNull(),
    sent: integer("sent").notNull().default(0),
    opened: integer("opened").notNull().default(0),
    clicked: integer("clicked").notNull().default(0),
    replied: integer("replied").notNull().default(0),
    bounced: integer("bounced").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.hour, t.campaignId, t.ownerKey, t.source] })],
);

/**
 * Campaign recipients' facts per UTC day: `recipient` on the day of the lead's first mail of the
 * campaign, `won` on the day a live lead was won (at or after being added; amount = deal value,
 * in `currency`), `meeting` on the day of its first meeting after being added.
 */
export const campaignLeadRollups = pgTable(
  "campaign_lead_rollups",
  {
    organizationId: organizationIdColumn(),
    metric: text("metric").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    campaignId: uuid("campaign_id").notNull(),
    ownerKey: uuid("owner_key").notNull(),
    source: text("source").notNull(),
    currency: text("currency").notNull(),
    leads: integer("leads").notNull().default(0),
    amount: numeric("amount", { precision: 18, scale: 2, mode: "number" }).notNull().default(0),
  },
  (t) => [
    primaryKey({
      columns: [t.organizationId, t.metric, t.day, t.campaignId, t.ownerKey, t.source, t.currency],
    }),
  ],
);
