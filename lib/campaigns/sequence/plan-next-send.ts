import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { campaignRecipients } from "@/db/schema";
import { nextWindowStart } from "../send-window";
import { completeRecipient, stopRecipient } from "./finish-recipient";
import { leadStopReason } from "./lead-stop-reason";
import { loadSequence, runEndReason, sendTimeZone, type RunnableSequence } from "./load-sequence";
import { stepDelayMs, type SequenceRef } from "./sequence-types";

/** What a sequence does next; JSON-safe, since Inngest memoizes it as a step result. */
export type SequencePlan =
  | {
      action: "send";
      stepIndex: number;
      at: string;
      due: boolean;
      /** The step is personalised by AI: the run drafts it for the lead before sending. */
      personalized: boolean;
    }
  | { action: "done" }
  | { action: "stop"; reason: string };

/**
 * When a recipient's next step is due: its delay after the previous send (after launch, for the
 * first step), never in the past, never before the lead is back from an absence they announced
 * (postponed_until), moved into the send window in the lead's time zone (or the campaign's).
 * `sendNow` skips the delay and the window for this one step, but not the absence.
 */
export function nextSendTime(loaded: RunnableSequence, now: Date, sendNow = false): Date {
  const { campaign, recipient, lead } = loaded;
  const back = recipient.postponedUntil?.getTime() ?? 0;
  if (sendNow) return new Date(Math.max(now.getTime(), back));
  const step = campaign.steps[recipient.nextStepIndex]!;
  const after =
    recipient.nextStepIndex === 0
      ? (campaign.launchedAt ?? now)
      : (recipient.lastSentAt ?? campaign.launchedAt ?? now);
  const earliest = new Date(Math.max(after.getTime() + stepDelayMs(step), now.getTime(), back));
  return nextWindowStart(earliest, campaign.sendWindow, sendTimeZone(campaign, lead));
}

/**
 * Decide a recipient's next move, re-reading everything: end the run if the campaign stopped
 * running or a newer run took over; stop the lead's sequence if the lead may no longer be
 * mailed; complete it when every step went out; otherwise when to send the next step (stored as
 * `next_send_at` for the recipients table).
 */
export async function planNextSend(
  db: Database,
  ref: SequenceRef,
  options: { sendNow?: boolean; now?: Date } = {},
): Promise<SequencePlan> {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const loaded = await loadSequence(tx, ref, { lock: true });
    const ended = runEndReason(loaded, ref);
    if (ended) return { action: "stop", reason: ended };
    const campaign = loaded.campaign!;
    const recipient = loaded.recipient!;
    const stop = await leadStopReason(tx, campaign, loaded.lead);
    if (stop) {
      await stopRecipient(tx, ref, stop, now);
      return { action: "stop", reason: stop.reason };
    }
    if (recipient.nextStepIndex >= campaign.steps.length) {
      await completeRecipient(tx, ref, now);
      return { action: "done" };
    }
    const at = nextSendTime(loaded as RunnableSequence, now, options.sendNow);
    await tx
      .update(campaignRecipients)
      .set({ nextSendAt: at, updatedAt: now })
      .where(
        and(
          eq(campaignRecipients.organizationId, ref.organizationId),
          eq(campaignRecipients.id, ref.recipientId),
        ),
      );
    return {
      action: "send",
      stepIndex: recipient.nextStepIndex,
      at: at.toISOString(),
      due: at.getTime() <= now.getTime(),
      personalized: (campaign.steps[recipient.nextStepIndex]?.ai?.personalize ?? "off") !== "off",
    };
  });
}
