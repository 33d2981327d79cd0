import { getDb } from "@/db/client";
import { finishBulkSend, sendNextBulkBatch } from "@/lib/communication/bulk-send";
import { inngest } from "../client";
import { communicationBulkSendStarted } from "../events";

/** Leads per step: a retried step resends nothing (settled leads are no longer pending). */
const LEADS_PER_STEP = 25;
/** 1,000 leads at most per bulk send → 40 steps; the bound only guards against a runaway loop. */
const MAX_STEPS = 100;

/**
 * Send a bulk message lead by lead in the background, each batch a step, recording every lead's
 * outcome (sent, skipped with the reason, failed with the provider's answer) as it goes, so the
 * progress endpoint shows it live. One bulk send per organization at a time keeps a provider's
 * rate limits and the organization's sender reputation in check.
 */
export const sendBulkCommunicationFn = inngest.createFunction(
  {
    id: "send-bulk-communication",
    triggers: [communicationBulkSendStarted],
    retries: 3,
    concurrency: { limit: 1, key: "event.data.organizationId" },
  },
  async ({ event, step }) => {
    const ref = event.data;
    let handled = 0;
    for (let i = 0; i < MAX_STEPS; i++) {
      const count = await step.run(`send-batch-${i}`, async () =>
        sendNextBulkBatch(await getDb(), ref, LEADS_PER_STEP),
      );
      handled += count;
      if (count === 0) break;
    }
    await step.run("finish", async () => finishBulkSend(await getDb(), ref));
    return { handled };
  },
);
