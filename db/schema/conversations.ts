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
import { idColumn, timestamps, tsz, tszNow } from "./columns";
import { organizationIdColumn, organizations, users } from "./identity";
import { leads } from "./leads";

export const CHANNELS = ["email", "sms", "whatsapp", "telegram", "voice"] as const;
export type Channel = (typeof CHANNELS)[number];

/** automated: campaigns may send; manual: a rep took the conversation over, automation is held. */
export const CONVERSATION_MODES = ["automated", "manual"] as const;
export const MESSAGE_DIRECTIONS = ["inbound", "outbound"] as const;
export const MESSAGE_AUTHORS = ["ai", "user", "lead", "system"] as const;
export const MESSAGE_STATUSES = ["queued", "sent", "delivered", "failed", "received"] as const;
export const INBOUND_KINDS = ["human_reply", "auto_reply", "bounce", "complaint"] as const;
/** How an inbound message found its lead: none = kept in the unmatched inbox. */
export const MATCH_METHODS = ["token", "thread", "sender", "manual", "none"] as const;

/**
 * One conversation per lead: every message to the lead and every reply from them, whatever the
 * channel. The counters are kept on the row so the inbox lists without scanning messages.
 */
export const conversations = pgTable(
  "conversations",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => leads.id, { onDelete: "cascade" }),
    mode: text("mode", { enum: CONVERSATION_MODES }).notNull().default("automated"),
    takenOverBy: uuid("taken_over_by").references(() => users.id, { onDelete: "set null" }),
    takenOverAt: tsz("taken_over_at"),
    /** Inbound messages nobody has read yet. */
    unreadCount: integer("unread_count").notNull().default(0),
    /** The lead wrote last (a human reply) and nobody has answered. */
    needsReply: boolean("needs_reply").notNull().default(false),
    lastMessageAt: tszNow("last_message_at"),
    lastInboundAt: tsz("last_inbound_at"),
    lastOutboundAt: tsz("last_outbound_at"),
    lastCampaignId: uuid("last_campaign_id"),
    lastChannel: text("last_channel", { enum: CHANNELS }),
    /** The start of the latest message, for the inbox list. */
    preview: text("preview").notNull().default(""),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("conversations_org_lead_key").on(t.organizationId, t.leadId),
    index("conversations_org_last_idx").on(t.organizationId, t.lastMessageAt, t.id),
    index("conversations_org_unread_idx")
      .on(t.organizationId, t.lastMessageAt)
      .where(sql`${t.unreadCount} > 0`),
  ],
);

/**
 * A message in a conversation, either way, on any channel. Outbound email links the email_messages
 * row that carries delivery state; inbound messages keep what parsing found. An inbound message
 * nobody could match has no conversation and no lead (the unmatched inbox) — and when not even the
 * organization is known, no organization either: kept, never dropped.
 */
export const conversationMessages = pgTable(
  "conversation_messages",
  {
    id: idColumn(),
    organizationId: uuid("organization_id").references(() => organizations.id, {
      onDelete: "cascade",
    }),
    conversationId: uuid("conversation_id").references(() => conversations.id, {
      onDelete: "cascade",
    }),
    leadId: uuid("lead_id").references(() => leads.id, { onDelete: "cascade" }),
    direction: text("direction", { enum: MESSAGE_DIRECTIONS }).notNull(),
    channel: text("channel", { enum: CHANNELS }).notNull().default("email"),
    author: text("author", { enum: MESSAGE_AUTHORS }).notNull(),
    authorUserId: uuid("author_user_id").references(() => users.id, { onDelete: "set null" }),
    status: text("status", { enum: MESSAGE_STATUSES }).notNull(),
    emailMessageId: uuid("email_message_id"),
    campaignId: uuid("campaign_id"),
    subject: text("subject"),
    /** For inbound email: the reply's own words (quoted history and signature removed). */
    body: text("body").notNull().default(""),
    /** The whole text as received or sent. */
    fullText: text("full_text"),
    html: text("html"),
    fromAddress: text("from_address"),
    toAddress: text("to_address"),
    /** RFC 5322 Message-ID, or the provider's id (Twilio SID, Telegram message id). */
    externalId: text("external_id"),
    inReplyTo: text("in_reply_to"),
    references: jsonb("references").$type<string[]>().notNull().default([]),
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    inboundKind: text("inbound_kind", { enum: INBOUND_KINDS }),
    /** What the parser (and later the classifier) found: return date, bounce details, … */
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    matchedBy: text("matched_by", { enum: MATCH_METHODS }),
    /** The AI classification of an inbound message (lib/ai/reply-classification.ts). */
    classification: jsonb("classification").$type<Record<string, unknown>>(),
    /** pending → applied (effects done) | review (low confidence, waiting) | corrected (by a person). */
    classificationState: text("classification_state", {
      enum: ["pending", "applied", "review", "corrected"],
    }),
    classifiedAt: tsz("classified_at"),
    /** Where it came from (resend, mime, twilio, telegram) and that source's id: one row per delivery. */
    dedupeKey: text("dedupe_key"),
    error: text("error"),
    readAt: tsz("read_at"),
    occurredAt: tszNow("occurred_at"),
    ...timestamps(),
  },
  (t) => [
    index("conversation_messages_org_conv_idx").on(
      t.organizationId,
      t.conversationId,
      t.occurredAt,
    ),
    index("conversation_messages_org_lead_idx").on(t.organizationId, t.leadId, t.occurredAt),
    index("conversation_messages_org_unmatched_idx")
      .on(t.organizationId, t.occurredAt)
      .where(sql`${t.conversationId} is null`),
    index("conversation_messages_org_email_idx").on(t.organizationId, t.emailMessageId),
    index("conversation_messages_org_external_idx").on(t.organizationId, t.externalId),
    index("conversation_messages_org_review_idx")
      .on(t.organizationId, t.occurredAt)
      .where(sql`${t.classificationState} = 'review'`),
    uniqueIndex("conversation_messages_dedupe_key")
      .on(t.organizationId, t.dedupeKey)
      .where(sql`${t.dedupeKey} is not null`),
  ],
);
