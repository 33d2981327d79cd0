import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import {
  conversationMessages,
  conversations,
  type CHANNELS,
  type INBOUND_KINDS,
  type MATCH_METHODS,
  type MESSAGE_AUTHORS,
  type MESSAGE_STATUSES,
} from "@/db/schema";
import { publishLive } from "@/lib/live/live-messages";
import { withoutNul } from "./without-nul";

type Channel = (typeof CHANNELS)[number];

const PREVIEW_LENGTH = 160;
const preview = (text: string) => text.replace(/\s+/g, " ").trim().slice(0, PREVIEW_LENGTH);

/** The lead's conversation, created the first time anything is said either way. */
export async function conversationFor(
  db: Queryable,
  organizationId: string,
  leadId: string,
): Promise<{ id: string; mode: "automated" | "manual" }> {
  const [created] = await db
    .insert(conversations)
    .values({ organizationId, leadId })
    .onConflictDoNothing()
    .returning({ id: conversations.id, mode: conversations.mode });
  if (created) return created;
  const [existing] = await db
    .select({ id: conversations.id, mode: conversations.mode })
    .from(conversations)
    .where(and(eq(conversations.organizationId, organizationId), eq(conversations.leadId, leadId)))
    .limit(1);
  return existing!;
}

export interface OutboundMessageInput {
  organizationId: string;
  leadId: string;
  channel: Channel;
  author: (typeof MESSAGE_AUTHORS)[number];
  authorUserId?: string | null;
  status?: (typeof MESSAGE_STATUSES)[number];
  emailMessageId?: string | null;
  campaignId?: string | null;
  subject?: string | null;
  body: string;
  html?: string | null;
  fromAddress?: string | null;
  toAddress?: string | null;
  externalId?: string | null;
  inReplyTo?: string | null;
  references?: string[];
  occurredAt?: Date;
}

/**
 * Put a message Leadline sends on the lead's conversation, in the caller's transaction (so it
 * exists exactly when the send it mirrors does). A message a person wrote answers the lead: the
 * conversation no longer needs a reply. Returns the conversation message's id.
 */
export async function recordOutboundMessage(
  db: Queryable,
  input: OutboundMessageInput,
): Promise<{ id: string; conversationId: string }> {
  const at = input.occurredAt ?? new Date();
  const byPerson = input.author === "user" || input.author === "ai";
  const latest = {
    lastMessageAt: at,
    lastOutboundAt: at,
    lastChannel: input.channel,
    preview: preview(input.subject && !input.body ? input.subject : input.body),
    ...(input.campaignId ? { lastCampaignId: input.campaignId } : {}),
    ...(byPerson ? { needsReply: false } : {}),
  };
  // One statement on the send path: the conversation is created or brought up to date at once.
  const [conversation] = await db
    .insert(conversations)
    .values({ organizationId: input.organizationId, leadId: input.leadId, ...latest })
    .onConflictDoUpdate({
      target: [conversations.organizationId, conversations.leadId],
      set: { ...latest, updatedAt: at },
    })
    .returning({ id: conversations.id });
  const [row] = await db
    .insert(conversationMessages)
    .values({
      organizationId: input.organizationId,
      conversationId: conversation!.id,
      leadId: input.leadId,
      direction: "outbound",
      channel: input.channel,
      author: input.author,
      authorUserId: input.authorUserId ?? null,
      status: input.status ?? "queued",
      emailMessageId: input.emailMessageId ?? null,
      campaignId: input.campaignId ?? null,
      subject: input.subject ?? null,
      body: input.body,
      fullText: input.body,
      html: input.html ?? null,
      fromAddress: input.fromAddress ?? null,
      toAddress: input.toAddress ?? null,
      externalId: input.externalId ?? null,
      inReplyTo: input.inReplyTo ?? null,
      references: input.references ?? [],
      occurredAt: at,
    })
    .returning({ id: conversationMessages.id });
  if (byPerson) await announceConversation(db, input.organizationId, conversation!.id);
  return { id: row!.id, conversationId: conversation!.id };
}

export interface InboundMessageInput {
  organizationId: string | null;
  /** Null: nobody could match it — it waits in the unmatched inbox. */
  leadId: string | null;
  channel: Channel;
  /** The lead, or the system for mail servers' reports (bounces, complaints). */
  author?: "lead" | "system";
  matchedBy: (typeof MATCH_METHODS)[number];
  inboundKind?: (typeof INBOUND_KINDS)[number] | null;
  subject?: string | null;
  /** The reply's own words. */
  body: string;
  fullText?: string | null;
  html?: string | null;
  fromAddress?: string | null;
  toAddress?: string | null;
  externalId?: string | null;
  inReplyTo?: string | null;
  references?: string[];
  headers?: Record<string, string>;
  details?: Record<string, unknown>;
  campaignId?: string | null;
  /** `<source>:<id>`: a second delivery of the same message is recognised and recorded once. */
  dedupeKey: string;
  occurredAt?: Date;
}

/**
 * Record a message from a lead. Returns null when this delivery was already recorded. A human
 * reply counts as unread and asks for an answer; automatic mail (out-of-office, bounces) is kept
 * in the thread without raising either.
 */
export async function recordInboundMessage(
  db: Queryable,
  received: InboundMessageInput,
): Promise<{ id: string; conversationId: string | null } | null> {
  const at = received.occurredAt ?? new Date();
  const input = withoutNul(received);
  const conversation =
    input.organizationId && input.leadId
      ? await conversationFor(db, input.organizationId, input.leadId)
      : null;
  const [row] = await db
    .insert(conversationMessages)
    .values({
      organizationId: input.organizationId,
      conversationId: conversation?.id ?? null,
      leadId: conversation ? input.leadId : null,
      direction: "inbound",
      channel: input.channel,
      author: input.author ?? "lead",
      status: "received",
      campaignId: input.campaignId ?? null,
      subject: input.subject ?? null,
      body: input.body,
      fullText: input.fullText ?? input.body,
      html: input.html ?? null,
      fromAddress: input.fromAddress ?? null,
      toAddress: input.toAddress ?? null,
      externalId: input.externalId ?? null,
      inReplyTo: input.inReplyTo ?? null,
      references: input.references ?? [],
      headers: input.headers ?? {},
      inboundKind: input.inboundKind ?? null,
      details: input.details ?? {},
      matchedBy: input.matchedBy,
      dedupeKey: input.dedupeKey,
      occurredAt: at,
    })
    .onConflictDoNothing()
    .returning({ id: conversationMessages.id });
  if (!row) return null;
  if (conversation && input.organizationId) {
    const human = (input.inboundKind ?? "human_reply") === "human_reply";
    await db
      .update(conversations)
      .set({
        lastMessageAt: sql`greatest(${conversations.lastMessageAt}, ${at.toISOString()}::timestamptz)`,
        lastInboundAt: at,
        lastChannel: input.channel,
        preview: preview(input.body || input.subject || ""),
        ...(input.campaignId ? { lastCampaignId: input.campaignId } : {}),
        ...(human ? { unreadCount: sql`${conversations.unreadCount} + 1`, needsReply: true } : {}),
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(conversations.organizationId, input.organizationId),
          eq(conversations.id, conversation.id),
        ),
      );
  }
  if (input.organizationId) {
    await announceConversation(db, input.organizationId, conversation?.id ?? null);
  }
  return { id: row.id, conversationId: conversation?.id ?? null };
}

/** Open inboxes refetch their list and unread counts (the live events stream). */
export async function announceConversation(
  db: Queryable,
  organizationId: string,
  conversationId: string | null,
) {
  await publishLive(db, {
    orgId: organizationId,
    userId: null,
    type: "conversations.changed",
    data: { id: conversationId },
  });
}
