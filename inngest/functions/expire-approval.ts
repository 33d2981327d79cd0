import { getDb } from "@/db/client";
import { expireApproval, sendApprovedReply } from "@/lib/approvals/send-approved-reply";
import { inngest } from "../client";
import { approvalDecided, approvalRequested } from "../events";

/**
 * Watch a held message's deadline: if nobody approved or rejected it by then, it expires, and a
 * reply whose rule says "send" goes out as drafted (skip and stop: it isn't sent). A campaign
 * step's own sequence applies the timeout action to the sequence; this only marks it expired, so
 * a step whose sequence was paused meanwhile still shows as expired in the queue. A decision in
 * time cancels the watch.
 */
export const expireApprovalFn = inngest.createFunction(
  {
    id: "expire-approval",
    triggers: [approvalRequested],
    cancelOn: [{ event: approvalDecided, match: "data.approvalId" }],
    retries: 5,
  },
  async ({ event, step }) => {
    const { organizationId, approvalId, kind } = event.data;
    await step.sleepUntil("until-due", new Date(event.data.dueAt));
    const state = await step.run("expire", async () =>
      expireApproval(await getDb(), organizationId, approvalId),
    );
    if (!state || state.status !== "expired") return { expired: false, status: state?.status };
    if (kind !== "reply" || state.timeoutAction !== "send") {
      return { expired: true, sent: false };
    }
    const sent = await step.run("send-on-timeout", async () =>
      sendApprovedReply(await getDb(), organizationId, approvalId),
    );
    return { expired: true, ...sent };
  },
);
