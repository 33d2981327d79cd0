import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { idColumn, timestamps, tsz } from "./columns";
import { organizationIdColumn, users } from "./identity";
import { leads } from "./leads";
import { CHANNELS, type Channel } from "./conversations";

/** Providers behind the non-email channels: Twilio (sms, whatsapp, voice) and Telegram's Bot API. */
export const COMMUNICATION_PROVIDERS = ["twilio", "telegram"] as const;
export const CONSENT_STATES = ["granted", "denied", "unknown"] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

/** A provider account an organization connected; secrets sealed with lib/crypto/secret-box. */
export const communicationProviders = pgTable(
  "communication_providers",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    provider: text("provider", { enum: COMMUNICATION_PROVIDERS }).notNull(),
    enabled: boolean("enabled").notNull().default(true),
    /** Non-secret settings: account SID, sender numbers, bot username, API base URL. */
    config: jsonb("config").$type<Record<string, string | null>>().notNull().default({}),
    /** The sealed secret (Twilio auth token, Telegram bot token). */
    secretSealed: text("secret_sealed"),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps(),
  },
  (t) => [uniqueIndex("communication_providers_org_provider_key").on(t.organizationId, t.provider)],
);

/**
 * Communication preferences: the organization's defaults (lead_id null) and each lead's consent
 * per channel, preferred channel and channel addresses.
 */
export const communicationPreferences = pgTable(
  "communication_preferences",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    leadId: uuid("lead_id").references(() => leads.id, { onDelete: "cascade" }),
    preferredChannel: text("preferred_channel", { enum: CHANNELS }),
    /** Organization defaults: channels reps may use. */
    enabledChannels: jsonb("enabled_channels").$type<Channel[]>(),
    consent: jsonb("consent").$type<Partial<Record<Channel, ConsentState>>>().notNull().default({}),
    /** Addresses other than the lead's email and phone: a WhatsApp number, a Telegram chat id. */
    whatsappNumber: text("whatsapp_number"),
    telegramChatId: text("telegram_chat_id"),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("communication_preferences_org_lead_key").on(
      t.organizationId,
      sql`coalesce(${t.leadId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
  ],
);

export const BULK_SEND_STATUSES = ["queued", "running", "completed", "failed"] as const;
export const BULK_RESULT_STATUSES = ["pending", "sent", "skipped", "failed"] as const;

/** A send to many leads on one channel, run in the background. */
export const communicationBulkSends = pgTable(
  "communication_bulk_sends",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    channel: text("channel", { enum: CHANNELS }).notNull(),
    status: text("status", { enum: BULK_SEND_STATUSES }).notNull().default("queued"),
    subject: text("subject"),
    body: text("body").notNull(),
    total: integer("total").notNull().default(0),
    sent: integer("sent").notNull().default(0),
    skipped: integer("skipped").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    finishedAt: tsz("finished_at"),
    ...timestamps(),
  },
  (t) => [index("communication_bulk_sends_org_created_idx").on(t.organizationId, t.createdAt)],
);

/** One lead's outcome in a bulk send. */
export const communicationBulkResults = pgTable(
  "communication_bulk_results",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    bulkSendId: uuid("bulk_send_id")
      .notNull()
      .references(() => communicationBulkSends.id, { onDelete: "cascade" }),
    leadId: uuid("lead_id").notNull(),
    status: text("status", { enum: BULK_RESULT_STATUSES }).notNull().default("pending"),
    /** Why it was skipped or failed (no consent, do not contact, no phone, provider error). */
    reason: text("reason"),
    messageId: uuid("message_id"),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("communication_bulk_results_key").on(t.organizationId, t.bulkSendId, t.leadId),
  ],
);
