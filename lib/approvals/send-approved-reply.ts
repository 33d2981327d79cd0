import { and, eq } from "drizzle-orm";
import type { Database, Queryable } from "@/db/client";
import { approvals } from "@/db/schema";
import { systemCtx, type Ctx } from "@/lib/context";
import { sendLeadEmail } from "@/lib/conversations/send-lead-email";
import { isAppError } from "@/lib/errors";

export type ReplySendOutcome =
  { sent: true; messageId: string; duplicate: boolean } | { sent: false; reason: string };

async function lockRow(tx: Queryable, orgId: string, id: string) {
  const [row] = await tx
    .select()
    .from(approvals)
    .where(and(eq(approvals.organizationId, orgId), eq(approvals.id, id)))
    .for("update");
  return row;
}

/** The send goes out in the name of whoever approved it (nobody, after a timeout). */
function senderCtx(db: Database, orgId: string, userId: string | null): Ctx {
  const ctx = systemCtx(db, orgId);
  return userId ? { ...ctx, actor: { type: "user", id: userId, userId } } : ctx;
}

/**
 * Send an approved (or timed-out with "send") reply — exactly once: the row is locked and the sent
 * message recorded on it in the same transaction, so a retried job finds it sent. A lead that
 * can't be emailed any more (unsubscribed since, no mailbox…) is reported, not retried.
 */
export async function sendApprovedReply(
  db: Database,
  orgId: string,
  approvalId: string,
): Promise<ReplySendOutcome> {
  try {
    return await db.transaction(async (tx): Promise<ReplySendOutcome> => {
      const row = await lockRow(tx, orgId, approvalId);
      if (!row) return { sent: false, reason: "approval not found" };
      if (row.kind !== "reply") return { sent: false, reason: "a campaign step sends itself" };
      if (row.sentMessageId) return { sent: true, messageId: row.sentMessageId, duplicate: true };
      const sendable =
        row.status === "approved" || (row.status === "expired" && row.timeoutAction === "send");
      if (!sendable) return { sent: false, reason: `the approval is ${row.status}` };
      const sent = await sendLeadEmail(
        senderCtx(db, orgId, row.decidedBy),
        {
          leadId: row.leadId,
          subject: row.subject.trim() || undefined,
          text: row.text,
          html: row.html ?? undefined,
          automated: row.source === "auto_responder",
        },
        tx,
      );
      await tx
        .update(approvals)
        .set({ sentMessageId: sent.messageId, updatedAt: new Date() })
        .where(and(eq(approvals.organizationId, orgId), eq(approvals.id, approvalId)));
      return { sent: true, messageId: sent.messageId, duplicate: false };
    });
  } catch (error) {
    if (isAppError(error) && error.status < 500) return { sent: false, reason: error.message };
    throw error;
  }
}

/**
 * The approval's deadline passed: a message still waiting (or sent back and never resubmitted)
 * expires. Returns the row's state afterwards, whoever got there first (a decision just before
 * the deadline stands).
 */
export async function expireApproval(
  db: Database,
  orgId: string,
  approvalId: string,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const row = await lockRow(tx, orgId, approvalId);
    if (!row) return null;
    const waiting = row.status === "pending" || row.status === "changes_requested";
    if (waiting && row.dueAt.getTime() <= now.getTime()) {
      await tx
        .update(approvals)
        .set({ status: "expired", decidedAt: now, decidedBy: null, updatedAt: now })
        .where(and(eq(approvals.organizationId, orgId), eq(approvals.id, approvalId)));
      return { kind: row.kind, status: "expired" as const, timeoutAction: row.timeoutAction };
    }
    return { kind: row.kind, status: row.status, timeoutAction: row.timeoutAction };
  });
}
