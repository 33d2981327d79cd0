import { getDb } from "@/db/client";
import { sendApprovedReply } from "@/lib/approvals/send-approved-reply";
import { inngest } from "../client";
import { approvalDecided } from "../events";

/**
 * A held reply (auto-responder, AI reply, a rep's message) was approved: send the approved —
 * possibly edited — words, once. Campaign steps aren't sent here: their sequence waits for the
 * same event and sends the step itself.
 */
export const sendOnApprovalFn = inngest.createFunction(
  {
    id: "send-on-approval",
    triggers: [{ event: approvalDecided, if: "event.data.kind == 'reply'" }],
    concurrency: { limit: 1, key: "event.data.approvalId" },
    retries: 5,
  },
  async ({ event, step }) => {
    const { organizationId, approvalId, status } = event.data;
    if (status !== "approved") return { sent: false, reason: `the approval was ${status}` };
    return step.run("send-approved-reply", async () =>
      sendApprovedReply(await getDb(), organizationId, approvalId),
    );
  },
);
