import { and, desc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { approvals, type ApprovalStatus } from "@/db/schema";
import type { SequenceRef } from "@/lib/campaigns/sequence/sequence-types";
import { createApproval } from "./create-approval";
import { previewHtml } from "./get-approval";
import { anyEnabledRule, leadApprovalFacts, matchApprovalRule } from "./match-approval-rule";

export interface StepContent {
  subject: string;
  html: string;
  text: string;
}

export type StepGate =
  | { action: "send"; content: StepContent; approvalId: string | null }
  | { action: "hold"; approvalId: string; status: ApprovalStatus; dueAt: string };

/** The latest approval of this recipient's step, whatever run asked for it. */
export async function stepApproval(
  db: Queryable,
  ref: Pick<SequenceRef, "organizationId" | "recipientId">,
  stepIndex: number,
) {
  const [row] = await db
    .select()
    .from(approvals)
    .where(
      and(
        eq(approvals.organizationId, ref.organizationId),
        eq(approvals.recipientId, ref.recipientId),
        eq(approvals.stepIndex, stepIndex),
      ),
    )
    .orderBy(desc(approvals.createdAt))
    .limit(1);
  return row;
}

/**
 * Before a campaign step goes out (in the send's transaction): send as composed when no rule
 * applies; send the approved content when the step was approved (or timed out with "send");
 * otherwise hold it — creating the approval the first time. A resumed run finds the step's
 * approval from before the pause, so a decision made meanwhile counts and nobody is asked twice.
 */
export async function gateCampaignStep(
  db: Queryable,
  input: {
    ref: SequenceRef;
    stepIndex: number;
    composed: StepContent;
    aiDrafted: boolean;
    /** Which drafted it (the model or the offline fallback), when AI did. */
    aiMode?: "llm" | "offline" | null;
    now: Date;
  },
): Promise<StepGate> {
  const { ref, stepIndex, composed, now } = input;
  const existing = await stepApproval(db, ref, stepIndex);
  if (existing) {
    const send =
      existing.status === "approved" ||
      (existing.status === "expired" && existing.timeoutAction === "send");
    if (send) {
      return {
        action: "send",
        approvalId: existing.id,
        content: { subject: existing.subject, html: previewHtml(existing), text: existing.text },
      };
    }
    return {
      action: "hold",
      approvalId: existing.id,
      status: existing.status,
      dueAt: existing.dueAt.toISOString(),
    };
  }
  if (!(await anyEnabledRule(db, ref.organizationId, ref.campaignId))) {
    return { action: "send", content: composed, approvalId: null };
  }
  const facts = await leadApprovalFacts(db, ref.organizationId, ref.leadId);
  const match = await matchApprovalRule(db, ref.organizationId, {
    campaignId: ref.campaignId,
    aiDrafted: input.aiDrafted,
    ...facts,
  });
  if (!match.rule) return { action: "send", content: composed, approvalId: null };
  const approvalId = await createApproval(db, {
    organizationId: ref.organizationId,
    kind: "campaign_step",
    source: "campaign",
    leadId: ref.leadId,
    campaignId: ref.campaignId,
    recipientId: ref.recipientId,
    generation: ref.generation,
    stepIndex,
    content: composed,
    aiDrafted: input.aiDrafted,
    mode: input.aiDrafted ? (input.aiMode ?? null) : null,
    positiveReply: facts.positiveReply,
    rule: match.rule,
    reason: match.reason,
    now,
  });
  const held = await stepApproval(db, ref, stepIndex);
  return {
    action: "hold",
    approvalId,
    status: held?.status ?? "pending",
    dueAt: (held?.dueAt ?? now).toISOString(),
  };
}
