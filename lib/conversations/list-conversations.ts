import { and, count, eq, gt, ilike, isNull, or, sql, sum, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Queryable } from "@/db/client";
import { campaignRecipients, conversationMessages, conversations, leads } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { paginate } from "@/lib/http/pagination";
import { containsPattern } from "@/lib/http/query";
import { parseSort } from "@/lib/http/sort";
import { leadScope } from "@/lib/leads/visibility";
import type { ConversationDto, listConversationsQuery } from "./conversation-schemas";

const SORTABLE = {
  lastMessageAt: { expr: conversations.lastMessageAt, type: "date" as const },
  unreadCount: { expr: conversations.unreadCount, type: "number" as const },
};

export const conversationColumns = {
  id: conversations.id,
  mode: conversations.mode,
  takenOverBy: conversations.takenOverBy,
  takenOverAt: conversations.takenOverAt,
  unreadCount: conversations.unreadCount,
  needsReply: conversations.needsReply,
  lastMessageAt: conversations.lastMessageAt,
  lastInboundAt: conversations.lastInboundAt,
  lastOutboundAt: conversations.lastOutboundAt,
  lastCampaignId: conversations.lastCampaignId,
  lastChannel: conversations.lastChannel,
  preview: conversations.preview,
  leadId: leads.id,
  leadName: leads.displayName,
  leadEmail: leads.email,
  leadCompany: leads.company,
  leadOwnerId: leads.ownerId,
};

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toConversationDto(row: Row): ConversationDto {
  return {
    id: row.id,
    lead: {
      id: row.leadId,
      name: row.leadName,
      email: row.leadEmail,
      company: row.leadCompany,
      ownerId: row.leadOwnerId,
    },
    mode: row.mode,
    takenOverBy: row.takenOverBy,
    takenOverAt: iso(row.takenOverAt),
    unreadCount: row.unreadCount,
    needsReply: row.needsReply,
    lastMessageAt: row.lastMessageAt.toISOString(),
    lastInboundAt: iso(row.lastInboundAt),
    lastOutboundAt: iso(row.lastOutboundAt),
    lastCampaignId: row.lastCampaignId,
    lastChannel: row.lastChannel,
    preview: row.preview,
  };
}

/** Conversations whose lead the caller may see: the lead's visibility is the conversation's. */
export async function visibleConversations(ctx: Ctx): Promise<SQL> {
  return and(eq(conversations.organizationId, ctx.orgId), await leadScope(ctx))!;
}

const joinLead = and(
  eq(leads.organizationId, conversations.organizationId),
  eq(leads.id, conversations.leadId),
);

/** Conversations with their lead's name, email, company and owner. */
export const selectConversations = (db: Queryable) =>
  db.select(conversationColumns).from(conversations).innerJoin(leads, joinLead);
type Row = Awaited<ReturnType<typeof selectConversations>>[number];

function filters(ctx: Ctx, query: z.infer<typeof listConversationsQuery>): SQL | undefined {
  const pattern = query.q ? containsPattern(query.q) : undefined;
  const owner =
    query.ownerId === "me"
      ? ctx.actor.userId
        ? eq(leads.ownerId, ctx.actor.userId)
        : sql`false`
      : query.ownerId === "none"
        ? isNull(leads.ownerId)
        : query.ownerId
          ? eq(leads.ownerId, query.ownerId)
          : undefined;
  return and(
    query.unread === true ? gt(conversations.unreadCount, 0) : undefined,
    query.unread === false ? eq(conversations.unreadCount, 0) : undefined,
    query.needsReply !== undefined ? eq(conversations.needsReply, query.needsReply) : undefined,
    query.channel ? eq(conversations.lastChannel, query.channel) : undefined,
    query.mode ? eq(conversations.mode, query.mode) : undefined,
    owner,
    query.campaignId
      ? sql`exists (select 1 from ${campaignRecipients} r where r.organization_id = ${ctx.orgId}
              and r.campaign_id = ${query.campaignId} and r.lead_id = ${conversations.leadId})`
      : undefined,
    pattern
      ? or(
          ilike(leads.displayName, pattern),
          ilike(leads.email, pattern),
          ilike(leads.company, pattern),
        )
      : undefined,
  );
}

/** GET /conversations: the unified inbox, latest first, every filter combinable. */
export async function listConversations(ctx: Ctx, query: z.infer<typeof listConversationsQuery>) {
  assertCan(ctx, "conversations:read");
  const filter = and(await visibleConversations(ctx), filters(ctx, query));
  const sort = parseSort(query.sort, SORTABLE, {
    default: "-lastMessageAt",
    tieBreaker: { field: "id", expr: conversations.id, type: "string" },
  });
  const page = await paginate<Row>({
    query,
    sort,
    fetch: ({ where, orderBy, limit, offset }) =>
      selectConversations(ctx.db)
        .where(and(filter, where))
        .orderBy(...orderBy)
        .limit(limit)
        .offset(offset),
    count: async () =>
      (
        await ctx.db
          .select({ n: count() })
          .from(conversations)
          .innerJoin(leads, joinLead)
          .where(filter)
      )[0]!.n,
  });
  return { ...page, data: page.data.map(toConversationDto) };
}

/** The inbox badges: unread and waiting conversations the caller sees, and unmatched mail. */
export async function conversationCounts(ctx: Ctx) {
  assertCan(ctx, "conversations:read");
  const visible = await visibleConversations(ctx);
  const [[mine], [unmatched]] = await Promise.all([
    ctx.db
      .select({
        unread: count(sql`case when ${conversations.unreadCount} > 0 then 1 end`),
        unreadMessages: sum(conversations.unreadCount),
        needsReply: count(sql`case when ${conversations.needsReply} then 1 end`),
      })
      .from(conversations)
      .innerJoin(leads, joinLead)
      .where(visible),
    ctx.db
      .select({ n: count() })
      .from(conversationMessages)
      .where(
        and(
          eq(conversationMessages.organizationId, ctx.orgId),
          isNull(conversationMessages.conversationId),
        ),
      ),
  ]);
  return {
    unread: mine!.unread,
    unreadMessages: Number(mine!.unreadMessages ?? 0),
    needsReply: mine!.needsReply,
    unmatched: unmatched!.n,
  };
}
