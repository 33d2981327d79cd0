import type { Database } from "@/db/client";
import { stopRecipient } from "@/lib/campaigns/sequence/finish-recipient";
import { skipCampaignStep } from "@/lib/campaigns/sequence/send-campaign-step";
import type { SequenceRef } from "@/lib/campaigns/sequence/sequence-types";
import { expireApproval } from "./send-approved-reply";

/** What a waiting sequence does once its step's approval is settled. JSON-safe (a step result). */
export type StepApprovalOutcome =
  | { action: "send" }
  | { action: "skip"; reason: string }
  | { action: "stop"; reason: string }
  /** Not decided and not due yet: wait again. */
  | { action: "wait" };

/**
 * The sequence's wait for a decision ended (a decision, or the deadline). The approval row is the
 * truth, not the event: past the deadline a waiting approval expires now. Approved → send;
 * rejected → skip the step and go on (a rejected message is one not to send, not a reason to drop
 * the lead — stopping stays with the timeout policy and the people); expired → the rule's
 * timeout action.
 */
export async function settleStepApproval(
  db: Database,
  ref: SequenceRef,
  input: { approvalId: string; stepIndex: number; now?: Date },
): Promise<StepApprovalOutcome> {
  const now = input.now ?? new Date();
  const state = await expireApproval(db, ref.organizationId, input.approvalId, now);
  const step = `step ${input.stepIndex + 1}`;
  if (!state) {
    const reason = `${step} skipped: its approval was deleted`;
    await skipCampaignStep(db, ref, { stepIndex: input.stepIndex, reason, now });
    return { action: "skip", reason };
  }
  const skip = async (reason: string) => {
    await skipCampaignStep(db, ref, { stepIndex: input.stepIndex, reason, now });
    return { action: "skip" as const, reason };
  };
  switch (state.status) {
    case "approved":
      return { action: "send" };
    case "rejected":
      return skip(`${step} skipped: rejected in approval`);
    case "expired":
      if (state.timeoutAction === "send") return { action: "send" };
      if (state.timeoutAction === "skip") return skip(`${step} skipped: approval timed out`);
      {
        const reason = `Sequence stopped: approval of ${step} timed out`;
        await db.transaction((tx) => stopRecipient(tx, ref, { state: "removed", reason }, now));
        return { action: "stop", reason };
      }
    default:
      return { action: "wait" };
  }
}
