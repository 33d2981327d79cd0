import { and, desc, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import {
  campaignRecipients,
  conversationMessages,
  conversations,
  emailMessages,
} from "@/db/schema";
import { replyClassificationSchema } from "@/lib/ai/reply-classification";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { getLeadOrThrow } from "@/lib/leads/get-lead";
import type { ConversationMessageDto } from "./conversation-schemas";
import { selectConversations, toConversationDto, visibleConversations } from "./list-conversations";
import { announceConversation, conversationFor } from "./record-message";

/** The newest messages of a thread returned at once; older ones are rarely read in a CRM view. */
export const THREAD_LIMIT = 500;

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

export const messageColumns = {
  m: conversationMessages,
  emailStatus: emailMessages.status,
  deliveredAt: emailMessages.deliveredAt,
  openedAt: emailMessages.openedAt,
  clickedAt: emailMessages.clickedAt,
  bouncedAt: emailMessages.bouncedAt,
  repliedAt: emailMessages.repliedAt,
  emailError: emailMessages.error,
};

type MessageRow = {
  m: typeof conversationMessages.$inferSelect;
  emailStatus: string | null;
  deliveredAt: Date | null;
  openedAt: Date | null;
  clickedAt: Date | null;
  bouncedAt: Date | null;
  repliedAt: Date | null;
  emailError: string | null;
};

export function toMessageDto(row: MessageRow): ConversationMessageDto {
  const { m } = row;
  const email = m.emailMessageId && row.emailStatus !== null;
  return {
    id: m.id,
    conversationId: m.conversationId,
    leadId: m.leadId,
    direction: m.direction,
    channel: m.channel,
    author: m.author,
    authorUserId: m.authorUserId,
    status: (email ? row.emailStatus : m.status) as ConversationMessageDto["status"],
    subject: m.subject,
    body: m.body,
    fullText: m.fullText,
    html: m.html,
    from: m.fromAddress,
    to: m.toAddress,
    campaignId: m.campaignId,
    emailMessageId: m.emailMessageId,
    inboundKind: m.inboundKind,
    matchedBy: m.matchedBy,
    details: m.details,
    events: email
      ? {
          deliveredAt: iso(row.deliveredAt),
          openedAt: iso(row.openedAt),
          clickedAt: iso(row.clickedAt),
          bouncedAt: iso(row.bouncedAt),
          repliedAt: iso(row.repliedAt),
        }
      : null,
    error: m.error ?? (email ? row.emailError : null),
    // A stored verdict that no longer fits the schema is shown as none rather than failing the thread.
    classification: replyClassificationSchema.safeParse(m.classification).data ?? null,
    classificationState: m.classificationState,
    readAt: iso(m.readAt),
    occurredAt: m.occurredAt.toISOString(),
  };
}

/** A thread's messages in order, each outbound email with its delivery state. */
export async function threadMessages(db: Queryable, orgId: string, conversationId: string) {
  const rows = await db
    .select(messageColumns)
    .from(conversationMessages)
    .leftJoin(
      emailMessages,
      and(
        eq(emailMessages.organizationId, conversationMessages.organizationId),
        eq(emailMessages.id, conversationMessages.emailMessageId),
      ),
    )
    .where(
      and(
        eq(conversationMessages.organizationId, orgId),
        eq(conversationMessages.conversationId, conversationId),
      ),
    )
    .orderBy(desc(conversationMessages.occurredAt), desc(conversationMessages.id))
    .limit(THREAD_LIMIT);
  return rows.reverse().map(toMessageDto);
}

/** A conversation the caller may see (its lead is visible to them), else a 404. */
export async function getConversationRow(ctx: Ctx, id: string, db: Queryable = ctx.db) {
  assertCan(ctx, "conversations:read");
  const [row] = await selectConversations(db)
    .where(and(await visibleConversations(ctx), eq(conversations.id, id)))
    .limit(1);
  if (!row) throw notFound("Conversation");
  return row;
}

/** GET /conversations/{id}: the conversation and its messages, oldest first. */
export async function getConversation(ctx: Ctx, id: string) {
  const row = await getConversationRow(ctx, id);
  return {
    ...toConversationDto(row),
    messages: await threadMessages(ctx.db, ctx.orgId, row.id),
  };
}

/** A lead's conversation (created empty the first time it is asked for). */
export async function getLeadConversation(ctx: Ctx, leadId: string) {
  assertCan(ctx, "conversations:read");
  const lead = await getLeadOrThrow(ctx, leadId);
  const { id } = await conversationFor(ctx.db, ctx.orgId, lead.id);
  return getConversation(ctx, id);
}

/** Seed 001: the conversation of a lead in a campaign — a 404 unless the lead is its recipient. */
export async function getCampaignLeadConversation(ctx: Ctx, campaignId: string, leadId: string) {
  await assertCampaignRecipient(ctx, campaignId, leadId);
  return getLeadConversation(ctx, leadId);
}

export async function assertCampaignRecipient(ctx: Ctx, campaignId: string, leadId: string) {
  assertCan(ctx, "campaigns:read");
  const [row] = await ctx.db
    .select({ id: campaignRecipients.id })
    .from(campaignRecipients)
    .where(
      and(
        eq(campaignRecipients.organizationId, ctx.orgId),
        eq(campaignRecipients.campaignId, campaignId),
        eq(campaignRecipients.leadId, leadId),
      ),
    )
    .limit(1);
  if (!row) throw notFound("Campaign recipient");
}

/** POST /conversations/{id}/read: every inbound message read, the unread count back to zero. */
export async function markConversationRead(ctx: Ctx, id: string) {
  assertCan(ctx, "conversations:write");
  const row = await getConversationRow(ctx, id);
  const now = new Date();
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(conversationMessages)
      .set({ readAt: now })
      .where(
        and(
          eq(conversationMessages.organizationId, ctx.orgId),
          eq(conversationMessages.conversationId, row.id),
          eq(conversationMessages.direction, "inbound"),
          isNull(conversationMessages.readAt),
        ),
      );
    await tx
      .update(conversations)
      .set({ unreadCount: 0, updatedAt: now })
      .where(and(eq(conversations.organizationId, ctx.orgId), eq(conversations.id, row.id)));
    await announceConversation(tx, ctx.orgId, row.id);
  });
  return getConversation(ctx, id);
}
