import { index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { idColumn, timestamps, tsz } from "./columns";
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
    ...timestamps(),
  },
  (t) => [
    index("email_messages_org_created_idx").on(t.organizationId, t.createdAt),
    index("email_messages_org_to_idx").on(t.organizationId, t.toAddress),
  ],
);
