import { sql } from "drizzle-orm";
import { boolean, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { idColumn, timestamps } from "./columns";
import { EMAIL_TRANSPORTS } from "./email";
import { organizationIdColumn, organizations } from "./identity";

export const MAILBOX_STATUSES = ["active", "paused"] as const;

/**
 * A sender identity campaigns send from: who the mail is from, where replies go, its signature,
 * how much it may send, and which transport carries it (the local outbox until one is set up).
 */
export const mailboxes = pgTable(
  "mailboxes",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    name: text("name").notNull(),
    fromName: text("from_name").notNull(),
    fromAddress: text("from_address").notNull(),
    replyTo: text("reply_to"),
    signatureHtml: text("signature_html"),
    dailyCap: integer("daily_cap").notNull().default(200),
    hourlyCap: integer("hourly_cap").notNull().default(50),
    transport: text("transport", { enum: EMAIL_TRANSPORTS }).notNull().default("local_outbox"),
    smtpHost: text("smtp_host"),
    smtpPort: integer("smtp_port"),
    smtpSecure: boolean("smtp_secure"),
    smtpUsername: text("smtp_username"),
    /** AES-256-GCM with a key derived from AUTH_SECRET; never returned by the API. */
    smtpPasswordEncrypted: text("smtp_password_encrypted"),
    isDefault: boolean("is_default").notNull().default(false),
    status: text("status", { enum: MAILBOX_STATUSES }).notNull().default("active"),
    pausedReason: text("paused_reason"),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("mailboxes_address_key").on(t.organizationId, t.fromAddress),
    uniqueIndex("mailboxes_one_default")
      .on(t.organizationId)
      .where(sql`${t.isDefault}`),
  ],
);

/** An organization's email defaults: tracking, the compliance footer, the default mailbox. */
export const emailSettings = pgTable("email_settings", {
  organizationId: uuid("organization_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  trackOpens: boolean("track_opens").notNull().default(true),
  trackClicks: boolean("track_clicks").notNull().default(true),
  /** The postal address bulk-mail law (CAN-SPAM) wants in every campaign email. */
  postalAddress: text("postal_address"),
  unsubscribeText: text("unsubscribe_text"),
  /**
   * An address whose mail reaches the inbound webhook (e.g. reply@in.example.com). When set,
   * campaign and manual mail reply to a plus-address of it carrying a token that names the
   * message, so a reply finds its lead and thread even when mail clients drop the headers.
   */
  inboundAddress: text("inbound_address"),
  ...timestamps(),
});
