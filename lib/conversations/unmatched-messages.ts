import { and, count, eq, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import { conversationMessages, conversations } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { paginate, type pageQuerySchema } from "@/lib/http/pagination";
import { parseSort } from "@/lib/http/sort";
import { getLeadOrThrow } from "@/lib/leads/get-lead";
import { toMessageDto } from "./get-conversation";
import { handleLeadReply } from "./lead-replied";
import { announceConversation, conversationFor } from "./record-message";

const noEmail = {
  emailStatus: null,
  deliveredAt: null,
  openedAt: null,
  clickedAt: null,
  bouncedAt: null,
  repliedAt: null,
  emailError: null,
};

const unmatched = (ctx: Ctx) =>
  and(
    eq(conversationMessages.organizationId, ctx.orgId),
    isNull(conversationMessages.conversationId),
  );

/** GET /conversations/unmatched: inbound messages nobody could match to a lead, newest first. */
export async function listUnmatchedMessages(ctx: Ctx, query: z.infer<typeof pageQuerySchema>) {
  assertCan(ctx, "conversations:read");
  const sort = parseSort(
    query.sort,
    { occurredAt: { expr: conversationMessages.occurredAt, type: "date" } },
    {
      default: "-occurredAt",
      tieBreaker: { field: "id", expr: conversationMessages.id, type: "string" },
    },
  );
  const page = await paginate<typeof conversationMessages.$inferSelect>({
    query,
    sort,
    fetch: ({ where, orderBy, limit, offset }) =>
      ctx.db
        .select()
        .from(conversationMessages)
        .where(and(unmatched(ctx), where))
        .orderBy(...orderBy)
        .limit(limit)
        .offset(offset),
    count: async () =>
      (await ctx.db.select({ n: count() }).from(conversationMessages).where(unmatched(ctx)))[0]!.n,
  });
  return { ...page, data: page.data.map((m) => toMessageDto({ m, ...noEmail })) };
}

/**
 * POST /conversations/unmatched/{id}/assign: a rep says whose message it is. It joins the lead's
 * conversation and, if a person wrote it, counts as their reply (sequences stop, the owner hears).
 */
export async function assignUnmatchedMessage(
  ctx: Ctx,
  messageId: string,
  input: { leadId: string },
) {
  assertCan(ctx, "conversations:write");
  return ctx.db.transaction(async (tx) => {
    const [message] = await tx
      .select()
      .from(conversationMessages)
      .where(and(unmatched(ctx), eq(conversationMessages.id, messageId)))
      .for("update")
      .limit(1);
    if (!message) throw notFound("Unmatched message");
    const lead = await getLeadOrThrow(ctx, input.leadId, { db: tx });
    const conversation = await conversationFor(tx, ctx.orgId, lead.id);
    const [moved] = await tx
      .update(conversationMessages)
      .set({
        conversationId: conversation.id,
        leadId: lead.id,
        matchedBy: "manual",
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(conversationMessages.organizationId, ctx.orgId),
          eq(conversationMessages.id, message.id),
        ),
      )
      .returning();
    const human = (message.inboundKind ?? "human_reply") === "human_reply";
    await tx
      .update(conversations)
      .set({
        lastMessageAt: sql`greatest(${conversations.lastMessageAt}, ${message.occurredAt.toISOString()}::timestamptz)`,
        lastInboundAt: sql`greatest(coalesce(${conversations.lastInboundAt}, '-infinity'), ${message.occurredAt.toISOString()}::timestamptz)`,
        lastChannel: message.channel,
        preview: message.body.replace(/\s+/g, " ").trim().slice(0, 160),
        ...(human && !message.readAt
          ? { unreadCount: sql`${conversations.unreadCount} + 1`, needsReply: true }
          : {}),
      })
      .where(
        and(eq(conversations.organizationId, ctx.orgId), eq(conversations.id, conversation.id)),
      );
    if (human) {
      await handleLeadReply(tx, {
        organizationId: ctx.orgId,
        leadId: lead.id,
        messageId: message.id,
        channel: message.channel,
        preview: message.body || message.subject || "",
      });
    }
    await announceConversation(tx, ctx.orgId, conversation.id);
    return toMessageDto({ m: moved!, ...noEmail });
  });
}
