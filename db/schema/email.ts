import { sql } from "drizzle-orm";
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea, idColumn, timestamps, tsz, tszNow } from "./columns";
import { organizations } from "./identity";

export const EMAIL_TRANSPORTS = ["local_outbox", "resend", "smtp"] as const;
export type EmailTransportName = (typeof EMAIL_TRANSPORTS)[number];
export const EMAIL_STATUSES = [
  "queued",
  "sent",
  "failed",
  "delivered",
  "bounced",
  "complained",
] as const;
export const EMAIL_KINDS = ["system", "campaign", "manual", "test"] as const;

/**
 * Every email Leadline sends, whichever transport carried it. With no provider configured the
 * transport is the local outbox: the message is stored here and shown in the app, never dropped.
 */
export const emailMessages = pgTable(
  "email_messages",
  {
    id: idColumn(),
    /** Null only for mail to a person who belongs to no organization. */
    organizationId: uuid("organization_id").references(() => organizations.id, {
      onDelete: "cascade",
    }),
    kind: text("kind", { enum: EMAIL_KINDS }).notNull(),
    fromAddress: text("from_address").notNull(),
    toAddress: text("to_address").notNull(),
    replyTo: text("reply_to"),
    subject: text("subject").notNull(),
    html: text("html"),
    text: text("text"),
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    transport: text("transport", { enum: EMAIL_TRANSPORTS }).notNull(),
    /** The mailbox it is sent from, whose transport settings apply. No foreign key: history outlives it. */
    mailboxId: uuid("mailbox_id"),
    providerMessageId: text("provider_message_id"),
    status: text("status", { enum: EMAIL_STATUSES }).notNull().default("queued"),
    error: text("error"),
    sentAt: tsz("sent_at"),
    /** The lead it was sent to, and for campaign mail where in which sequence it belongs. */
    leadId: uuid("lead_id"),
    campaignId: uuid("campaign_id"),
    recipientId: uuid("recipient_id"),
    stepId: text("step_id"),
    stepIndex: integer("step_index"),
    variantId: text("variant_id"),
    /** One message per key (e.g. recipient + step): a retried send finds the first and stops. */
    idempotencyKey: text("idempotency_key"),
    /**
     * Times it was handed to the transport again after a soft bounce. Each attempt goes to the
     * provider under its own key, while the message stays one row (counted once in the stats).
     */
    resendAttempts: integer("resend_attempts").notNull().default(0),
    /** First delivery / human open / click / bounce, kept on the message so stats stay cheap. */
    deliveredAt: tsz("delivered_at"),
    openedAt: tsz("opened_at"),
    clickedAt: tsz("clicked_at"),
    bouncedAt: tsz("bounced_at"),
    repliedAt: tsz("replied_at"),
    ...timestamps(),
  },
  (t) => [
    index("email_messages_org_created_idx").on(t.organizationId, t.createdAt),
    index("email_messages_org_to_idx").on(t.organizationId, t.toAddress),
    index("email_messages_org_campaign_idx").on(t.organizationId, t.campaignId, t.stepIndex),
    // A campaign's messages since local midnight, counted before every send (its daily limit).
    index("email_messages_org_campaign_created_idx").on(
      t.organizationId,
      t.campaignId,
      t.createdAt,
    ),
    index("email_messages_org_lead_idx").on(t.organizationId, t.leadId, t.createdAt),
    index("email_messages_org_mailbox_idx").on(t.organizationId, t.mailboxId, t.createdAt),
    // Mail still waiting to leave, oldest first: what a Resend batch claims (lib/email/deliver-batch)
    // without walking past everything the organization has already sent.
    index("email_messages_org_queued_idx")
      .on(t.organizationId, t.createdAt)
      .where(sql`${t.status} = 'queued'`),
    uniqueIndex("email_messages_idempotency_key")
      .on(t.organizationId, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
  ],
);

/**
 * Files sent with a message (a scheduled report as CSV, XLSX or PDF). Apart from email_messages so
 * that listing the outbox never reads their bytes; they go when their message goes.
 */
export const emailAttachments = pgTable(
  "email_attachments",
  {
    id: idColumn(),
    /** The message's organization (null with it). */
    organizationId: uuid("organization_id").references(() => organizations.id, {
      onDelete: "cascade",
    }),
    emailMessageId: uuid("email_message_id")
      .notNull()
      .references(() => emailMessages.id, { onDelete: "cascade" }),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    content: bytea("content").notNull(),
    createdAt: tszNow("created_at"),
  },
  (t) => [index("email_attachments_org_message_idx").on(t.organizationId, t.emailMessageId)],
);

export const SEND_COUNTER_SCOPES = ["mailbox", "campaign"] as const;

/**
 * Messages queued per mailbox and per campaign in each minute: what the sending caps sum before
 * every send. Counting email_messages instead costs a read per message already in the window
 * (10,000 for a busy mailbox's day); these sums read at most one row per minute that had mail.
 * Written in the transaction that queues the message (lib/email/send-counters.ts); rows older than
 * the longest window are purged.
 */
export const sendCounters = pgTable(
  "send_counters",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    scope: text("scope", { enum: SEND_COUNTER_SCOPES }).notNull(),
    scopeId: uuid("scope_id").notNull(),
    minute: tsz("minute").notNull(),
    sent: integer("sent").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.scope, t.scopeId, t.minute] })],
);
