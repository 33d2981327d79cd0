import { getDb } from "@/db/client";
import { stopSequencesForStatus } from "@/lib/campaigns/sequence/stop-on-status-change";
import { inngest } from "../client";
import { leadStatusChanged } from "../events";

/** A lead won or lost: its sequences in campaigns that stop on that outcome end. */
export const campaignStopOnStatusFn = inngest.createFunction(
  { id: "campaign-stop-on-status", triggers: [leadStatusChanged], retries: 5 },
  async ({ event, step }) =>
    step.run("stop-sequences", async () =>
      stopSequencesForStatus(await getDb(), {
        organizationId: event.data.organizationId,
        leadId: event.data.leadId,
        to: event.data.to,
      }),
    ),
);
