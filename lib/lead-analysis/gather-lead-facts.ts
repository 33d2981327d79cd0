import { and, desc, eq, sql } from "drizzle-orm";
import {
  campaignRecipients,
  campaigns,
  conversationMessages,
  leadEvents,
  leadNotes,
  leadOptions,
  leadStatusChanges,
} from "@/db/schema";
import { storedClassification } from "@/lib/ai/classify-message";
import type { ReplyClassification } from "@/lib/ai/reply-classification";
import type { Ctx } from "@/lib/context";
import { getLeadOrThrow } from "@/lib/leads/get-lead";
import type { LeadRow } from "@/lib/leads/lead-schemas";

/** How much of a lead's history an analysis reads: recent enough to matter, small enough for a prompt. */
const MESSAGES = 12;
const MESSAGE_CHARS = 1_200;
const STATUS_CHANGES = 8;
const NOTES = 3;

export interface FactMessage {
  direction: "inbound" | "outbound";
  channel: string;
  subject: string | null;
  body: string;
  occurredAt: Date;
  classification: ReplyClassification | null;
}

export interface LeadFacts {
  lead: LeadRow;
  statusLabel: string;
  statusCategory: "open" | "won" | "lost" | null;
  /** Newest last. */
  messages: FactMessage[];
  /** Tracked events per type with their count and latest occurrence. */
  events: { type: string; count: number; lastAt: Date }[];
  /** Newest last. */
  statusChanges: { from: string | null; to: string; at: Date }[];
  campaigns: { name: string; state: string; stepsSent: number; lastSentAt: Date | null }[];
  notes: { body: string; at: Date }[];
  now: Date;
}

/**
 * Everything an analysis of one lead reads, in a handful of queries scoped to the caller's
 * organization: the lead (visibility enforced — another organization's or a colleague's lead the
 * caller can't see is a 404), its conversation, tracked engagement, stage moves, campaigns, notes.
 */
export async function gatherLeadFacts(
  ctx: Ctx,
  leadId: string,
  now = new Date(),
): Promise<LeadFacts> {
  const lead = await getLeadOrThrow(ctx, leadId);
  const org = ctx.orgId;

  const [status] = await ctx.db
    .select({ label: leadOptions.label, category: leadOptions.category })
    .from(leadOptions)
    .where(
      and(
        eq(leadOptions.organizationId, org),
        eq(leadOptions.kind, "status"),
        eq(leadOptions.value, lead.status),
      ),
    )
    .limit(1);

  const messageRows = await ctx.db
    .select({
      direction: conversationMessages.direction,
      channel: conversationMessages.channel,
      subject: conversationMessages.subject,
      body: conversationMessages.body,
      fullText: conversationMessages.fullText,
      occurredAt: conversationMessages.occurredAt,
      classification: conversationMessages.classification,
    })
    .from(conversationMessages)
    .where(
      and(eq(conversationMessages.organizationId, org), eq(conversationMessages.leadId, leadId)),
    )
    .orderBy(desc(conversationMessages.occurredAt), desc(conversationMessages.id))
    .limit(MESSAGES);

  const events = await ctx.db
    .select({
      type: leadEvents.type,
      count: sql<number>`count(*)::int`,
      lastAt: sql<Date>`max(${leadEvents.occurredAt})`.mapWith((v: string | Date) => new Date(v)),
    })
    .from(leadEvents)
    .where(and(eq(leadEvents.organizationId, org), eq(leadEvents.leadId, leadId)))
    .groupBy(leadEvents.type);

  const statusChanges = await ctx.db
    .select({
      from: leadStatusChanges.fromStatus,
      to: leadStatusChanges.toStatus,
      at: leadStatusChanges.changedAt,
    })
    .from(leadStatusChanges)
    .where(and(eq(leadStatusChanges.organizationId, org), eq(leadStatusChanges.leadId, leadId)))
    .orderBy(desc(leadStatusChanges.changedAt))
    .limit(STATUS_CHANGES);

  const campaignRows = await ctx.db
    .select({
      name: campaigns.name,
      state: campaignRecipients.state,
      stepsSent: campaignRecipients.nextStepIndex,
      lastSentAt: campaignRecipients.lastSentAt,
    })
    .from(campaignRecipients)
    .innerJoin(
      campaigns,
      and(eq(campaigns.organizationId, org), eq(campaigns.id, campaignRecipients.campaignId)),
    )
    .where(and(eq(campaignRecipients.organizationId, org), eq(campaignRecipients.leadId, leadId)))
    .orderBy(desc(campaignRecipients.createdAt))
    .limit(5);

  const notes = await ctx.db
    .select({ body: leadNotes.body, at: leadNotes.createdAt })
    .from(leadNotes)
    .where(and(eq(leadNotes.organizationId, org), eq(leadNotes.leadId, leadId)))
    .orderBy(desc(leadNotes.createdAt))
    .limit(NOTES);

  return {
    lead,
    statusLabel: status?.label ?? lead.status,
    statusCategory: status?.category ?? null,
    messages: messageRows.reverse().map((m) => ({
      direction: m.direction,
      channel: m.channel,
      subject: m.subject,
      body: (m.body || m.fullText || "").slice(0, MESSAGE_CHARS),
      occurredAt: m.occurredAt,
      classification: storedClassification(m),
    })),
    events: events.sort((a, b) => b.lastAt.getTime() - a.lastAt.getTime()),
    statusChanges: statusChanges.reverse(),
    campaigns: campaignRows,
    notes: notes.map((n) => ({ body: n.body.slice(0, 500), at: n.at })),
    now,
  };
}
