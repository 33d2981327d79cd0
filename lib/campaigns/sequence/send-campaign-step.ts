import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { campaignRecipients, emailMessages } from "@/db/schema";
import { gateCampaignStep } from "@/lib/approvals/campaign-step-approval";
import { newId } from "@/lib/crypto/ids";
import { queueEmail } from "@/lib/email/queue-email";
import { replyTokenAddress } from "@/lib/conversations/reply-token";
import { decorateCampaignEmail } from "@/lib/tracking/decorate-email";
import { campaignEmailSettings } from "./campaign-email-settings";
import { checkSendCaps } from "./check-send-caps";
import { draftFitsStep, type StepAiDraft } from "@/lib/ai/drafting/step-ai-draft";
import { composeCampaignEmail } from "./compose-campaign-email";
import { completeRecipient, stopRecipient } from "./finish-recipient";
import { leadStopReason } from "./lead-stop-reason";
import { loadSequence, runEndReason, type RunnableSequence } from "./load-sequence";
import { pauseCampaignForProblem } from "./pause-campaign";
import { pickMailbox } from "./pick-mailbox";
import { pickVariant } from "./pick-variant";
import { nextSendTime } from "./plan-next-send";
import { recordStepSent } from "./record-step-sent";
import type { SequenceRef } from "./sequence-types";
import { variantParts } from "./step-content";

/** What a send attempt did; JSON-safe, since Inngest memoizes it as a step result. */
export type StepSendResult =
  | {
      outcome: "sent";
      messageId: string;
      stepIndex: number;
      /** True when this step had already been sent (a retry): nothing new went out. */
      duplicate: boolean;
      /** When the following step is due as things stand, or null after the last step. */
      nextStepAt: string | null;
      /** The campaign stops a lead's sequence on a reply. */
      stopOnReply: boolean;
    }
  | { outcome: "deferred"; until: string; reason: string }
  | { outcome: "stopped"; reason: string }
  /** An approval rule holds the step: nothing sent; the run waits for the decision. */
  | { outcome: "held"; approvalId: string; status: string; dueAt: string };

/** One message per recipient and step, whatever retries or restarts happen. */
export const stepIdempotencyKey = (recipientId: string, stepIndex: number) =>
  `campaign:${recipientId}:${stepIndex}`;

function nextStepAt(loaded: RunnableSequence, stepIndex: number, now: Date) {
  if (stepIndex + 1 >= loaded.campaign.steps.length) return null;
  const after = {
    ...loaded,
    recipient: { ...loaded.recipient, nextStepIndex: stepIndex + 1, lastSentAt: now },
  };
  return nextSendTime(after, now).toISOString();
}

/**
 * Send step `stepIndex` to the recipient — once. In one transaction, holding the recipient's row
 * and its mailbox's advisory lock (so caps count concurrent sends): re-check the run and the lead,
 * pick and keep the mailbox and variant, respect caps (else say until when to wait), render,
 * decorate with tracking and the unsubscribe link, store the message under the step's
 * idempotency key, and move the recipient on. Re-running it after a success finds the step sent
 * and reports the same message without sending again.
 */
export async function sendCampaignStep(
  db: Database,
  ref: SequenceRef,
  input: {
    stepIndex: number;
    now?: Date;
    /** The step drafted for this lead by its own job step (draftSequenceStep), if personalised. */
    aiDraft?: StepAiDraft | null;
  },
): Promise<StepSendResult> {
  const now = input.now ?? new Date();
  const { stepIndex } = input;
  return db.transaction(async (tx): Promise<StepSendResult> => {
    const loaded = await loadSequence(tx, ref, { lock: true });
    const ended = runEndReason(loaded, ref);
    if (ended) return { outcome: "stopped", reason: ended };
    const full = loaded as RunnableSequence;
    const { campaign, recipient, lead } = full;
    const stopOnReply = campaign.stopConditions?.reply ?? true;
    if (recipient.nextStepIndex > stepIndex) {
      const [sent] = await tx
        .select({ id: emailMessages.id })
        .from(emailMessages)
        .where(
          and(
            eq(emailMessages.organizationId, ref.organizationId),
            eq(emailMessages.idempotencyKey, stepIdempotencyKey(recipient.id, stepIndex)),
          ),
        )
        .limit(1);
      const messageId = sent?.id ?? recipient.lastMessageId ?? "";
      const next = nextStepAt(full, stepIndex, recipient.lastSentAt ?? now);
      return {
        outcome: "sent",
        messageId,
        stepIndex,
        duplicate: true,
        nextStepAt: next,
        stopOnReply,
      };
    }
    if (recipient.nextStepIndex < stepIndex) return { outcome: "stopped", reason: "out of step" };
    const stop = await leadStopReason(tx, campaign, lead);
    if (stop) {
      await stopRecipient(tx, ref, stop, now);
      return { outcome: "stopped", reason: stop.reason };
    }
    const step = campaign.steps[stepIndex];
    if (!step) return { outcome: "stopped", reason: "step removed" };
    // The lead announced an absence after this run planned (and went to sleep): wait it out.
    if (recipient.postponedUntil && now.getTime() < recipient.postponedUntil.getTime()) {
      return {
        outcome: "deferred",
        until: recipient.postponedUntil.toISOString(),
        reason: "the lead is away",
      };
    }

    const mailbox = await pickMailbox(tx, campaign, recipient);
    if (!mailbox) {
      const reason = "No mailbox to send from: add one in Settings → Email, then resume.";
      await pauseCampaignForProblem(tx, campaign, reason, now);
      return { outcome: "stopped", reason };
    }
    // Serialises sends from one mailbox across runs and processes, so the caps below hold.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${mailbox.id}))`);
    const deferral = await checkSendCaps(tx, mailbox, campaign, now);
    if (deferral) {
      return { outcome: "deferred", until: deferral.until.toISOString(), reason: deferral.reason };
    }

    const variant = pickVariant(step, recipient.id, recipient.variants[step.id]);
    const parts = variant ? await variantParts(tx, ref.organizationId, variant) : null;
    if (!variant || !parts) {
      const reason = `Step ${stepIndex + 1} has nothing to send (was its template deleted?). Fix the step, then resume.`;
      await pauseCampaignForProblem(tx, campaign, reason, now);
      return { outcome: "stopped", reason };
    }
    const settings = await campaignEmailSettings(tx, ref.organizationId);
    const composed = composeCampaignEmail({
      parts,
      lead: lead!,
      sender: mailbox,
      footer: settings,
      // A draft of content edited since is dropped: the step goes out as it now reads.
      ai: draftFitsStep(input.aiDraft, step.id, variant.id),
    });
    // The approval policy may hold the step; once approved, the approved (edited) words go out.
    const gate = await gateCampaignStep(tx, {
      ref,
      stepIndex,
      composed,
      aiDrafted: composed.aiDrafted,
      aiMode: composed.aiMode,
      now,
    });
    if (gate.action === "hold") {
      return {
        outcome: "held",
        approvalId: gate.approvalId,
        status: gate.status,
        dueAt: gate.dueAt,
      };
    }
    const content = gate.content;
    const messageId = newId();
    const decorated = decorateCampaignEmail({
      organizationId: ref.organizationId,
      leadId: recipient.leadId,
      messageId,
      html: content.html,
      text: content.text,
      trackOpens: campaign.trackOpens ?? settings.trackOpens,
      trackClicks: campaign.trackClicks ?? settings.trackClicks,
    });
    const storedId = await queueEmail(tx, {
      id: messageId,
      idempotencyKey: stepIdempotencyKey(recipient.id, stepIndex),
      organizationId: ref.organizationId,
      kind: "campaign",
      to: lead!.email!.trim(),
      from: composed.from,
      // Replies carry the message's token when the organization receives mail at an inbound address.
      replyTo: settings.inboundAddress
        ? replyTokenAddress(settings.inboundAddress, messageId)
        : composed.replyTo,
      subject: content.subject,
      html: decorated.html,
      text: decorated.text ?? undefined,
      headers: decorated.headers,
      transport: mailbox.transport,
      mailboxId: mailbox.id,
      leadId: recipient.leadId,
      campaignId: campaign.id,
      recipientId: recipient.id,
      stepId: step.id,
      stepIndex,
      variantId: variant.id,
      createdAt: now,
    });
    // A different id back means this step's message already existed: nothing new was queued.
    const duplicate = storedId !== messageId;
    await recordStepSent(tx, {
      campaign,
      recipient,
      stepIndex,
      stepId: step.id,
      variantId: variant.id,
      mailboxId: mailbox.id,
      messageId: storedId,
      subject: content.subject,
      now,
      firstTime: !duplicate,
    });
    return {
      outcome: "sent",
      messageId: storedId,
      stepIndex,
      duplicate,
      nextStepAt: nextStepAt(full, stepIndex, now),
      stopOnReply,
    };
  });
}

/**
 * Go on without sending step `stepIndex` (its approval was rejected, or timed out with "skip"):
 * the recipient moves to the next step — or completes after the last. The skip counts as the
 * step's time, so the next step keeps its delay after it. Does nothing when the run is over or
 * the recipient already moved on (a retry).
 */
export async function skipCampaignStep(
  db: Database,
  ref: SequenceRef,
  input: { stepIndex: number; reason: string; now?: Date },
): Promise<{ skipped: boolean }> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const loaded = await loadSequence(tx, ref, { lock: true });
    if (runEndReason(loaded, ref)) return { skipped: false };
    const { campaign, recipient } = loaded as RunnableSequence;
    if (recipient.nextStepIndex !== input.stepIndex) return { skipped: false };
    await tx
      .update(campaignRecipients)
      .set({
        state: "active",
        stateReason: input.reason,
        nextStepIndex: input.stepIndex + 1,
        lastSentAt: now,
        nextSendAt: null,
        updatedAt: now,
      })
      .where(
        and(
          eq(campaignRecipients.organizationId, ref.organizationId),
          eq(campaignRecipients.id, recipient.id),
        ),
      );
    if (input.stepIndex + 1 >= campaign.steps.length) await completeRecipient(tx, ref, now);
    return { skipped: true };
  });
}
