import type { Ctx } from "@/lib/context";
import { sendLeadEmail } from "@/lib/conversations/send-lead-email";
import { AppError } from "@/lib/errors";
import { getLeadOrThrow } from "@/lib/leads/get-lead";
import { createApproval } from "./create-approval";
import { leadApprovalFacts, matchApprovalRule } from "./match-approval-rule";

export type SendOrSubmitResult =
  { status: "sent"; messageId: string } | { status: "pending_approval"; approvalId: string };

/**
 * A one-off message to a lead (an auto-responder's template, an AI-drafted reply, a rep's
 * message) goes out now — unless the organization's approval policy holds it, in which case it
 * waits in the approval queue and is sent the same way once approved (inngest/functions/
 * send-approved-reply.ts). Checked and done in one transaction: the message is either sent or
 * held, never both, never neither.
 */
export async function sendOrSubmitForApproval(
  ctx: Ctx,
  input: {
    leadId: string;
    conversationId?: string | null;
    subject: string;
    text: string;
    html?: string | null;
    source: "auto_responder" | "ai_reply" | "manual";
    aiDrafted: boolean;
    autoResponderRuleId?: string | null;
  },
): Promise<SendOrSubmitResult> {
  if (!input.text.trim()) throw new AppError("validation_error", "The message is empty.");
  return ctx.db.transaction(async (tx) => {
    // Visibility and tenancy: a lead the caller can't see is a 404, before any policy is read.
    const lead = await getLeadOrThrow(ctx, input.leadId, { db: tx });
    const facts = await leadApprovalFacts(tx, ctx.orgId, lead.id);
    const match = await matchApprovalRule(tx, ctx.orgId, {
      campaignId: null,
      aiDrafted: input.aiDrafted,
      ...facts,
    });
    if (!match.rule) {
      const sent = await sendLeadEmail(
        ctx,
        {
          leadId: lead.id,
          subject: input.subject.trim() || undefined,
          text: input.text,
          html: input.html ?? undefined,
          automated: input.source === "auto_responder",
        },
        tx,
      );
      return { status: "sent", messageId: sent.messageId };
    }
    const approvalId = await createApproval(tx, {
      organizationId: ctx.orgId,
      kind: "reply",
      source: input.source,
      leadId: lead.id,
      conversationId: input.conversationId ?? null,
      autoResponderRuleId: input.autoResponderRuleId ?? null,
      requestedBy: ctx.actor.userId,
      content: { subject: input.subject, html: input.html ?? null, text: input.text },
      aiDrafted: input.aiDrafted,
      positiveReply: facts.positiveReply,
      rule: match.rule,
      reason: match.reason,
    });
    return { status: "pending_approval", approvalId };
  });
}
