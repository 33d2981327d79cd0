import { getDb } from "@/db/client";
import { resendSoftBounced, softBounceResendDelay } from "@/lib/email/resend-soft-bounced";
import { inngest } from "../client";
import { emailSoftBounced } from "../events";

/**
 * Wait a while after a soft bounce (4 h before the first resend, 12 h before the second), then
 * send the message again if that is still appropriate — the lead may have replied, unsubscribed
 * or been taken out of the campaign meanwhile, and resendSoftBounced checks it all at that moment.
 * Step ids carry the attempt, and a repeated run finds the attempt already made.
 */
export const resendSoftBouncedFn = inngest.createFunction(
  {
    id: "resend-soft-bounced",
    triggers: [emailSoftBounced],
    retries: 5,
    concurrency: { limit: 10, key: "event.data.organizationId" },
  },
  async ({ event, step }) => {
    const { attempt } = event.data;
    await step.sleep(`wait-before-resend-${attempt}`, softBounceResendDelay(attempt));
    return step.run(`resend-${attempt}`, async () =>
      resendSoftBounced(await getDb(), {
        organizationId: event.data.organizationId,
        messageId: event.data.messageId,
        attempt,
      }),
    );
  },
);
