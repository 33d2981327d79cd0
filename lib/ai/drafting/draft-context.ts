import { and, desc, eq } from "drizzle-orm";
import { conversationMessages, conversations, users } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { getConversationRow } from "@/lib/conversations/get-conversation";
import { AppError } from "@/lib/errors";
import { getLeadOrThrow } from "@/lib/leads/get-lead";
import type { LeadRow } from "@/lib/leads/lead-schemas";
import { getTimeline } from "@/lib/leads/timeline";
import { productContextForPrompt } from "@/lib/product-context/prompt-context";
import { storedClassification } from "../classify-message";
import type { ReplyClassification } from "../reply-classification";
import type { RecentActivity } from "./offline-first-line";

/** The thread the writer reads: the last few messages are what a reply answers. */
const THREAD_MESSAGES = 6;
const TIMELINE_ITEMS = 10;

export interface ThreadMessage {
  id: string;
  direction: "inbound" | "outbound";
  subject: string | null;
  body: string;
  occurredAt: Date;
  classification: ReplyClassification | null;
}

/** Everything a draft is written from, all of it visible to the caller. */
export interface DraftContext {
  lead: LeadRow;
  activity: RecentActivity[];
  conversationId: string | null;
  /** Oldest first. */
  thread: ThreadMessage[];
  /** The lead's latest message in the thread: what a reply answers. */
  inbound: ThreadMessage | null;
  sender: { name: string; email: string } | null;
  productContext: string | null;
}

async function leadConversationId(ctx: Ctx, leadId: string) {
  const [row] = await ctx.db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.organizationId, ctx.orgId), eq(conversations.leadId, leadId)))
    .limit(1);
  return row?.id ?? null;
}

async function recentThread(ctx: Ctx, conversationId: string): Promise<ThreadMessage[]> {
  const rows = await ctx.db
    .select()
    .from(conversationMessages)
    .where(
      and(
        eq(conversationMessages.organizationId, ctx.orgId),
        eq(conversationMessages.conversationId, conversationId),
      ),
    )
    .orderBy(desc(conversationMessages.occurredAt), desc(conversationMessages.id))
    .limit(THREAD_MESSAGES);
  return rows.reverse().map((m) => ({
    id: m.id,
    direction: m.direction,
    subject: m.subject,
    body: m.body || m.fullText || "",
    occurredAt: m.occurredAt,
    classification: m.direction === "inbound" ? storedClassification(m) : null,
  }));
}

/** The member writing (sender variables); an API key or the system has none. */
async function senderOf(ctx: Ctx) {
  if (!ctx.actor.userId) return null;
  const [me] = await ctx.db
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, ctx.actor.userId));
  return me ?? null;
}

/**
 * Loads a draft's material: the lead (visible to the caller, else 404), its recent timeline, the
 * conversation (the given one — which must be this lead's — or the lead's own) with its last
 * messages, the writer and the product context.
 */
export async function loadDraftContext(
  ctx: Ctx,
  input: { leadId: string; conversationId?: string | null; withThread: boolean },
): Promise<DraftContext> {
  const lead = await getLeadOrThrow(ctx, input.leadId);
  let conversationId: string | null = null;
  if (input.conversationId) {
    const row = await getConversationRow(ctx, input.conversationId);
    if (row.leadId !== lead.id) {
      throw new AppError("validation_error", "The conversation belongs to another lead", {
        errors: [{ path: "conversationId", message: "Not this lead's conversation" }],
      });
    }
    conversationId = row.id;
  } else if (input.withThread) {
    conversationId = await leadConversationId(ctx, lead.id);
  }
  const [timeline, thread, sender, productContext] = await Promise.all([
    getTimeline(ctx, lead.id, { perPage: TIMELINE_ITEMS }),
    conversationId && input.withThread ? recentThread(ctx, conversationId) : [],
    senderOf(ctx),
    productContextForPrompt(ctx),
  ]);
  return {
    lead,
    activity: timeline.data.map((item) => ({
      type: item.type,
      occurredAt: new Date(item.occurredAt),
      data: item.data,
    })),
    conversationId,
    thread,
    inbound: thread.findLast((m) => m.direction === "inbound") ?? null,
    sender,
    productContext,
  };
}
