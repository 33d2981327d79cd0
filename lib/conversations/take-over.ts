import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { conversations } from "@/db/schema";
import { holdLeadSequences, resumeHeldSequences } from "@/lib/campaigns/hold-sequences";
import type { Ctx } from "@/lib/context";
import { recordActivity } from "@/lib/leads/activity";
import { announceConversation, conversationFor } from "./record-message";

/**
 * A rep takes a lead's conversation over from automation (seed 001's override): the lead's live
 * sequences — or only the one in `campaignId` — are held in the `manual` state, so no automated
 * message goes out, until handed back. In the caller's transaction; the lead is already checked.
 */
export async function takeOverLead(
  tx: Queryable,
  ctx: Ctx,
  input: { leadId: string; campaignId?: string; reason?: string },
) {
  const conversation = await conversationFor(tx, ctx.orgId, input.leadId);
  const now = new Date();
  await tx
    .update(conversations)
    .set({ mode: "manual", takenOverBy: ctx.actor.userId, takenOverAt: now, updatedAt: now })
    .where(and(eq(conversations.organizationId, ctx.orgId), eq(conversations.id, conversation.id)));
  const held = await holdLeadSequences(tx, {
    organizationId: ctx.orgId,
    leadId: input.leadId,
    campaignId: input.campaignId,
    reason: input.reason ?? "Taken over by hand",
  });
  if (conversation.mode !== "manual" || held > 0) {
    await recordActivity(tx, ctx, input.leadId, "conversation_taken_over", {
      campaignId: input.campaignId ?? null,
      heldSequences: held,
    });
  }
  await announceConversation(tx, ctx.orgId, conversation.id);
  return { conversationId: conversation.id, heldSequences: held };
}

/**
 * Hand the conversation back (seed 001's cede): held sequences continue from the step they
 * stopped at — nothing is sent twice, nothing skipped.
 */
export async function handBackLead(
  tx: Queryable,
  ctx: Ctx,
  input: { leadId: string; campaignId?: string },
) {
  const conversation = await conversationFor(tx, ctx.orgId, input.leadId);
  const now = new Date();
  await tx
    .update(conversations)
    .set({ mode: "automated", takenOverBy: null, takenOverAt: null, updatedAt: now })
    .where(and(eq(conversations.organizationId, ctx.orgId), eq(conversations.id, conversation.id)));
  const resumed = await resumeHeldSequences(tx, {
    organizationId: ctx.orgId,
    leadId: input.leadId,
    campaignId: input.campaignId,
  });
  await recordActivity(tx, ctx, input.leadId, "conversation_handed_back", {
    campaignId: input.campaignId ?? null,
    resumedSequences: resumed,
  });
  await announceConversation(tx, ctx.orgId, conversation.id);
  return { conversationId: conversation.id, resumedSequences: resumed };
}
