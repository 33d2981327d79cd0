import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { approvals, type ApprovalContent } from "@/db/schema";
import { approvalRequested } from "@/inngest/events";
import { enqueueEvent } from "@/lib/jobs/outbox";
import type { ApprovalRuleRow } from "./match-approval-rule";

const HOUR_MS = 3600_000;
/** Held messages due this soon count as urgent in the queue. */
export const URGENT_WITHIN_MS = 4 * HOUR_MS;

export interface NewApproval {
  organizationId: string;
  kind: "campaign_step" | "reply";
  source: "campaign" | "auto_responder" | "ai_reply" | "manual";
  leadId: string;
  conversationId?: string | null;
  campaignId?: string | null;
  recipientId?: string | null;
  generation?: number | null;
  stepIndex?: number | null;
  autoResponderRuleId?: string | null;
  requestedBy?: string | null;
  content: ApprovalContent;
  aiDrafted: boolean;
  mode?: "llm" | "offline" | null;
  /** The lead's latest reply was positive: a person should look soon. */
  positiveReply: boolean;
  rule: ApprovalRuleRow;
  reason: string;
  now?: Date;
}

/**
 * Hold a message for approval under `rule`, in the caller's transaction, and record the
 * `approval/requested` event that watches its deadline. Returns the approval's id — for a
 * campaign step already held in this run, the existing one (the job's step may be retried).
 */
export async function createApproval(db: Queryable, input: NewApproval): Promise<string> {
  const now = input.now ?? new Date();
  const dueAt = new Date(now.getTime() + input.rule.timeoutHours * HOUR_MS);
  const [row] = await db
    .insert(approvals)
    .values({
      organizationId: input.organizationId,
      kind: input.kind,
      source: input.source,
      leadId: input.leadId,
      conversationId: input.conversationId ?? null,
      campaignId: input.campaignId ?? null,
      recipientId: input.recipientId ?? null,
      generation: input.generation ?? null,
      stepIndex: input.stepIndex ?? null,
      autoResponderRuleId: input.autoResponderRuleId ?? null,
      requestedBy: input.requestedBy ?? null,
      ruleId: input.rule.id,
      reason: input.reason,
      timeoutAction: input.rule.timeoutAction,
      subject: input.content.subject,
      html: input.content.html,
      text: input.content.text,
      original: input.content,
      urgent: input.positiveReply || input.rule.timeoutHours * HOUR_MS <= URGENT_WITHIN_MS,
      dueAt,
      assigneeUserId: input.rule.approverUserId,
      assigneeRole: input.rule.approverRole,
      aiDrafted: input.aiDrafted,
      mode: input.mode ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: approvals.id });
  if (!row) {
    const existing = await findStepApproval(db, input);
    if (existing) return existing;
    throw new Error("approval insert conflicted but no existing approval was found");
  }
  await enqueueEvent(
    db,
    approvalRequested,
    {
      organizationId: input.organizationId,
      approvalId: row.id,
      kind: input.kind,
      dueAt: dueAt.toISOString(),
    },
    { organizationId: input.organizationId },
  );
  return row.id;
}

async function findStepApproval(db: Queryable, input: NewApproval): Promise<string | undefined> {
  if (!input.recipientId || input.stepIndex == null || input.generation == null) return undefined;
  const [row] = await db
    .select({ id: approvals.id })
    .from(approvals)
    .where(
      and(
        eq(approvals.organizationId, input.organizationId),
        eq(approvals.recipientId, input.recipientId),
        eq(approvals.generation, input.generation),
        eq(approvals.stepIndex, input.stepIndex),
      ),
    )
    .limit(1);
  return row?.id;
}
