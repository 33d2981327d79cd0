import { getDb } from "@/db/client";
import { draftSequenceStep } from "@/lib/ai/drafting/draft-campaign-step";
import { settleStepApproval } from "@/lib/approvals/settle-step-approval";
import { markReplied } from "@/lib/campaigns/sequence/mark-replied";
import { planNextSend } from "@/lib/campaigns/sequence/plan-next-send";
import { sendCampaignStep } from "@/lib/campaigns/sequence/send-campaign-step";
import type { SequenceRef } from "@/lib/campaigns/sequence/sequence-types";
import { inngest } from "../client";
import {
  approvalDecided,
  campaignPaused,
  campaignStopped,
  leadReplied,
  recipientSequenceStarted,
  recipientSequenceStopped,
} from "../events";

/**
 * Enough turns for every step of the longest campaign (20) to be deferred by caps several
 * times; a run that still isn't done ends, and a resume or send-now starts a fresh one.
 */
const MAX_TURNS = 200;

/**
 * One lead's way through a campaign: plan the next step, sleep until it is due (send window,
 * delay), send it exactly once, then wait for the lead's reply until the step after is due — and
 * round again until every step went out. Cancelled by pausing or stopping the campaign and by
 * removing the recipient; besides, every step re-reads the database, so a run overtaken by a
 * newer one (resume, send-now) or by a change to the lead ends by itself. Step ids carry the step
 * index and the turn, so they're unique and the same on every replay.
 */
export const campaignSequenceFn = inngest.createFunction(
  {
    id: "campaign-sequence",
    triggers: [recipientSequenceStarted],
    cancelOn: [
      { event: campaignPaused, match: "data.campaignId" },
      { event: campaignStopped, match: "data.campaignId" },
      { event: recipientSequenceStopped, match: "data.recipientId" },
    ],
    // One run of a recipient at a time, so a superseded run and its successor never send together.
    concurrency: { limit: 1, key: "event.data.recipientId" },
    retries: 5,
  },
  async ({ event, step }) => {
    const ref: SequenceRef = {
      organizationId: event.data.organizationId,
      campaignId: event.data.campaignId,
      recipientId: event.data.recipientId,
      leadId: event.data.leadId,
      generation: event.data.generation,
    };
    // Send-now skips the delay and window of the next step only.
    let sendNow = event.data.sendNow === true;
    for (let turn = 0; turn < MAX_TURNS; turn++) {
      const plan = await step.run(`plan-${turn}`, async () =>
        planNextSend(await getDb(), ref, { sendNow }),
      );
      if (plan.action !== "send") return plan;
      const index = plan.stepIndex;
      if (!plan.due) await step.sleepUntil(`wait-step-${index}-${turn}`, plan.at);
      // Drafted in its own step, outside the send's transaction: the model call is memoized, so a
      // retried send (or one waiting for approval) sends the very words drafted.
      const aiDraft = plan.personalized
        ? await step.run(`draft-step-${index}-${turn}`, async () =>
            draftSequenceStep(await getDb(), ref, { stepIndex: index }),
          )
        : null;
      let sent = await step.run(`send-step-${index}-${turn}`, async () =>
        sendCampaignStep(await getDb(), ref, { stepIndex: index, aiDraft }),
      );
      if (sent.outcome === "held") {
        // Held for approval: wait for the decision until the rule's deadline, then let the
        // approval row decide (approved → send its content, rejected → skip, expired → policy).
        const { approvalId } = sent;
        if (sent.status === "pending" || sent.status === "changes_requested") {
          await step.waitForEvent(`approval-step-${index}-${turn}`, {
            event: approvalDecided,
            if: `async.data.approvalId == ${JSON.stringify(approvalId)}`,
            timeout: new Date(sent.dueAt),
          });
        }
        const settled = await step.run(`settle-approval-${index}-${turn}`, async () =>
          settleStepApproval(await getDb(), ref, { approvalId, stepIndex: index }),
        );
        if (settled.action === "stop") return { action: "stop", reason: settled.reason };
        if (settled.action !== "send") continue;
        sent = await step.run(`send-approved-step-${index}-${turn}`, async () =>
          sendCampaignStep(await getDb(), ref, { stepIndex: index, aiDraft }),
        );
        // Still held (sent back for changes meanwhile): round again and wait on it.
        if (sent.outcome === "held") continue;
      }
      if (sent.outcome === "stopped") return { action: "stop", reason: sent.reason };
      if (sent.outcome === "deferred") {
        // Caps: wait until a slot frees up, then plan again (the window may have closed).
        await step.sleepUntil(`deferred-step-${index}-${turn}`, sent.until);
        continue;
      }
      sendNow = false;
      if (sent.nextStepAt && sent.stopOnReply) {
        const reply = await step.waitForEvent(`reply-after-step-${index}-${turn}`, {
          event: leadReplied,
          match: "data.leadId",
          timeout: new Date(sent.nextStepAt),
        });
        if (reply) {
          await step.run(`replied-after-step-${index}-${turn}`, async () =>
            markReplied(await getDb(), ref, {
              lastMessageId: sent.messageId,
              replyMessageId: reply.data.messageId ?? null,
            }),
          );
          return { action: "stop", reason: "replied" };
        }
      }
    }
    return { action: "stop", reason: "too many turns" };
  },
);
