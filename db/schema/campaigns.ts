import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { idColumn, timestamps, tsz, tszNow } from "./columns";
import { organizationIdColumn, users } from "./identity";
import { leads } from "./leads";

export const CAMPAIGN_STATUSES = [
  "draft",
  "scheduled",
  "active",
  "paused",
  "completed",
  "stopped",
] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** One version of a step's email; a step with several runs an A/B split by weight. */
export interface CampaignVariant {
  id: string;
  label: string;
  /** Relative share of recipients (weights need not add up to 100). */
  weight: number;
  /** When set, subject/html/text are copied from the template at send time if left empty. */
  templateId: string | null;
  subject: string;
  html: string;
  text: string | null;
}

/** How a step is personalised by AI for each lead (see lib/ai/drafting/draft-campaign-step.ts). */
export const STEP_AI_MODES = ["off", "first_line", "whole_step"] as const;
export type StepAiMode = (typeof STEP_AI_MODES)[number];

export interface StepAiOption {
  /** first_line: `{{aiFirstLine}}` is written per lead; whole_step: the step is the brief. */
  personalize: StepAiMode;
  /** The team's guidance for the writer, e.g. "mention our webinar". */
  instructions: string | null;
}

export interface CampaignStep {
  id: string;
  /** Wait after the previous step (or after launch for the first step). */
  delayDays: number;
  delayHours: number;
  variants: CampaignVariant[];
  /** Absent on steps saved before AI personalisation existed: the same as off. */
  ai?: StepAiOption;
}

export interface SendWindow {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: number[];
  /** Local wall-clock "HH:MM", start inclusive, end exclusive. */
  start: string;
  end: string;
}

export interface StopConditions {
  reply: boolean;
  bounce: boolean;
  /** Lead status categories that end the sequence (e.g. won, lost). Unsubscribe always stops. */
  statusCategories: ("won" | "lost")[];
}

/** A multi-step email sequence sent to a set of leads. */
export const campaigns = pgTable(
  "campaigns",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    name: text("name").notNull(),
    description: text("description"),
    status: text("status", { enum: CAMPAIGN_STATUSES }).notNull().default("draft"),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    steps: jsonb("steps").$type<CampaignStep[]>().notNull().default([]),
    /** Mailboxes recipients are spread across (each recipient keeps one); empty = the default. */
    mailboxIds: jsonb("mailbox_ids").$type<string[]>().notNull().default([]),
    sendWindow: jsonb("send_window")
      .$type<SendWindow>()
      .notNull()
      .default({ days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" }),
    /** IANA zone used for the window when a lead has none, or always when useLeadTimezone is off. */
    timezone: text("timezone").notNull().default("UTC"),
    useLeadTimezone: boolean("use_lead_timezone").notNull().default(true),
    /** New messages per day across the campaign (in the campaign's timezone). */
    dailyLimit: integer("daily_limit").notNull().default(200),
    stopConditions: jsonb("stop_conditions")
      .$type<StopConditions>()
      .notNull()
      .default({ reply: true, bounce: true, statusCategories: ["won", "lost"] }),
    /** Off: a lead already active in another campaign is excluded when added. */
    allowConcurrentCampaigns: boolean("allow_concurrent_campaigns").notNull().default(false),
    /** Null: the organization's email settings decide. */
    trackOpens: boolean("track_opens"),
    trackClicks: boolean("track_clicks"),
    /** What the campaign cost (lists, tools, time), for ROI; in costCurrency (ISO 4217). */
    costAmount: numeric("cost_amount", { precision: 14, scale: 2, mode: "number" }),
    costCurrency: text("cost_currency"),
    scheduledAt: tsz("scheduled_at"),
    launchedAt: tsz("launched_at"),
    pausedAt: tsz("paused_at"),
    pausedReason: text("paused_reason"),
    finishedAt: tsz("finished_at"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps(),
  },
  (t) => [
    index("campaigns_org_updated_idx").on(t.organizationId, t.updatedAt),
    index("campaigns_org_status_idx").on(t.organizationId, t.status),
  ],
);

export const RECIPIENT_STATES = [
  "queued",
  "active",
  "replied",
  "bounced",
  "unsubscribed",
  "completed",
  "removed",
  "manual",
] as const;
export type RecipientState = (typeof RECIPIENT_STATES)[number];
/** States in which the sequence may still send. */
export const LIVE_RECIPIENT_STATES = ["queued", "active"] as const;

/** A lead in a campaign: where its sequence stands and why it stopped. */
export const campaignRecipients = pgTable(
  "campaign_recipients",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => leads.id, { onDelete: "cascade" }),
    state: text("state", { enum: RECIPIENT_STATES }).notNull().default("queued"),
    stateReason: text("state_reason"),
    /** Index of the next step to send; equals the step count once every step went out. */
    nextStepIndex: integer("next_step_index").notNull().default(0),
    /** Bumped on every (re)start so a run superseded by pause/resume knows to stop. */
    generation: integer("generation").notNull().default(0),
    /** Assigned when added; every step of this lead's thread leaves from it. */
    mailboxId: uuid("mailbox_id"),
    /** Chosen variant per step id, fixed the first time the step is sent. */
    variants: jsonb("variants").$type<Record<string, string>>().notNull().default({}),
    nextSendAt: tsz("next_send_at"),
    /** The lead said they are away until then (an out-of-office reply): no step goes out before. */
    postponedUntil: tsz("postponed_until"),
    lastSentAt: tsz("last_sent_at"),
    lastMessageId: uuid("last_message_id"),
    addedBy: uuid("added_by").references(() => users.id, { onDelete: "set null" }),
    finishedAt: tsz("finished_at"),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("campaign_recipients_key").on(t.organizationId, t.campaignId, t.leadId),
    index("campaign_recipients_org_campaign_state_idx").on(t.organizationId, t.campaignId, t.state),
    index("campaign_recipients_org_lead_idx").on(t.organizationId, t.leadId, t.state),
  ],
);

export const EMAIL_EVENT_TYPES = [
  "sent",
  "delivered",
  "opened",
  "clicked",
  "bounced",
  "complained",
  "unsubscribed",
  "replied",
] as const;
export type EmailEventType = (typeof EMAIL_EVENT_TYPES)[number];

/** Something that happened to a sent message (delivery, open, click, bounce, …). */
export const emailEvents = pgTable(
  "email_events",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    messageId: uuid("message_id").notNull(),
    campaignId: uuid("campaign_id"),
    leadId: uuid("lead_id"),
    type: text("type", { enum: EMAIL_EVENT_TYPES }).notNull(),
    /** The clicked URL, the bounce kind ("hard"/"soft"), … */
    detail: text("detail"),
    /** Opens/clicks from scanners and mail-privacy proxies: kept, but not counted as a human. */
    isBot: boolean("is_bot").notNull().default(false),
    userAgent: text("user_agent"),
    /** The provider's event id (svix-id), so a webhook delivered twice is recorded once. */
    providerEventId: text("provider_event_id"),
    occurredAt: tszNow("occurred_at"),
    createdAt: tszNow("created_at"),
  },
  (t) => [
    index("email_events_org_message_idx").on(t.organizationId, t.messageId, t.type),
    index("email_events_org_campaign_idx").on(t.organizationId, t.campaignId, t.type),
    uniqueIndex("email_events_provider_key")
      .on(t.organizationId, t.providerEventId)
      .where(sql`${t.providerEventId} is not null`),
  ],
);

export const SUPPRESSION_REASONS = ["unsubscribed", "bounced", "complained", "manual"] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

/** Addresses the organization must never email again (unsubscribes, hard bounces, complaints). */
export const emailSuppressions = pgTable(
  "email_suppressions",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    /** Lower-cased. */
    email: text("email").notNull(),
    reason: text("reason", { enum: SUPPRESSION_REASONS }).notNull(),
    detail: text("detail"),
    campaignId: uuid("campaign_id"),
    messageId: uuid("message_id"),
    createdAt: tszNow("created_at"),
  },
  (t) => [uniqueIndex("email_suppressions_key").on(t.organizationId, t.email)],
);
