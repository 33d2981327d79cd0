import { getDb } from "@/db/client";
import { activateCampaign, startRecipientBatch } from "@/lib/campaigns/sequence/start-sequences";
import { inngest } from "../client";
import { campaignPaused, campaignSendNow, campaignStarted, campaignStopped } from "../events";

/**
 * A campaign went live (launch, scheduled start, recipients added, resume) or was asked to send
 * now: start one sequence per recipient, a batch per step, in the background — launching answers
 * at once however many recipients there are. A scheduled campaign becomes active here when its
 * time has come; a campaign that isn't running starts nothing.
 */
export const campaignFanOutFn = inngest.createFunction(
  {
    id: "campaign-fan-out",
    triggers: [campaignStarted, campaignSendNow],
    cancelOn: [
      { event: campaignPaused, match: "data.campaignId" },
      { event: campaignStopped, match: "data.campaignId" },
    ],
    // Two fan-outs of one campaign would only restart each other's sequences.
    concurrency: { limit: 1, key: "event.data.campaignId" },
    retries: 5,
  },
  async ({ event, step }) => {
    const ref = { organizationId: event.data.organizationId, campaignId: event.data.campaignId };
    const isSendNow = event.name === campaignSendNow.name;
    const start = await step.run("activate", async () =>
      activateCampaign(await getDb(), ref, { mayActivate: !isSendNow }),
    );
    if (!start.active) return { started: 0, status: start.status };
    const data = event.data as { resume?: boolean; leadIds?: string[] };
    let afterId: string | null = null;
    let started = 0;
    for (let page = 0; ; page++) {
      const batch: { count: number; lastId: string | null } = await step.run(
        `start-batch-${page}`,
        async () =>
          startRecipientBatch(await getDb(), {
            ...ref,
            includeActive: isSendNow || data.resume === true,
            leadIds: isSendNow ? data.leadIds : undefined,
            sendNow: isSendNow,
            afterId,
          }),
      );
      started += batch.count;
      if (!batch.lastId) break;
      afterId = batch.lastId;
    }
    return { started, status: "active" };
  },
);
