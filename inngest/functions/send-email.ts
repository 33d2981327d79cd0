import { getDb } from "@/db/client";
import { deliverEmail } from "@/lib/email/deliver-email";
import { inngest } from "../client";
import { emailQueued } from "../events";

/** Deliver a queued email, retried with backoff; the provider sees one idempotency key per message. */
export const sendEmailFn = inngest.createFunction(
  {
    id: "send-email",
    triggers: [emailQueued],
    retries: 8,
    concurrency: { limit: 10, key: "event.data.organizationId" },
  },
  async ({ event, step }) =>
    step.run("deliver", async () => deliverEmail(await getDb(), event.data.emailMessageId)),
);
