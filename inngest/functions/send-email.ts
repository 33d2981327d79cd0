import { getDb } from "@/db/client";
import { claimBatch, deliverBatch } from "@/lib/email/deliver-batch";
import { deliverEmail } from "@/lib/email/deliver-email";
import { inngest } from "../client";
import { emailBatchReady, emailQueued } from "../events";

/**
 * Resend's default API rate limit is 2 requests per second per team, and every organization on
 * this installation sends with the same RESEND_API_KEY — so the limit is shared by all of them.
 * Raise it only together with the limit Resend grants the account.
 */
export const RESEND_REQUESTS_PER_SECOND = 2;

/**
 * A mailbox's messages go out a few at a time, so an SMTP server sees no more parallel
 * connections than it typically allows, and a mailbox's hourly/daily caps (counted when the
 * campaign queues a message) aren't undercut by a burst.
 */
export const SENDS_PER_MAILBOX_AT_ONCE = 2;
const SENDS_PER_ORGANIZATION_AT_ONCE = 10;

// Limits hold across organizations: keys are the mailbox and the organization, not the run.
const concurrency: [{ limit: number; key: string }, { limit: number; key: string }] = [
  { limit: SENDS_PER_MAILBOX_AT_ONCE, key: "event.data.mailboxId" },
  { limit: SENDS_PER_ORGANIZATION_AT_ONCE, key: "event.data.organizationId" },
];

const deliver = async (emailMessageId: string) => deliverEmail(await getDb(), emailMessageId);

/**
 * Deliver a queued email, retried with backoff; the provider sees one idempotency key per message.
 * Mail for Resend is handled by the throttled function below; everything else (local outbox,
 * SMTP, system mail queued before the transport was on the event) goes here.
 */
export const sendEmailFn = inngest.createFunction(
  {
    id: "send-email",
    triggers: [{ event: emailQueued, if: "event.data.transport != 'resend'" }],
    retries: 8,
    concurrency,
  },
  async ({ event, step }) => step.run("deliver", () => deliver(event.data.emailMessageId)),
);

/**
 * Mail for Resend is gathered into batches: each message's run claims it and up to 99 others
 * waiting in the same organization (or finds it already claimed and stops), and every batch is
 * sent by the function below — so a campaign's morning burst costs a hundredth of the requests.
 */
export const batchEmailForResendFn = inngest.createFunction(
  {
    id: "send-email-resend",
    triggers: [{ event: emailQueued, if: "event.data.transport == 'resend'" }],
    retries: 8,
  },
  async ({ event, step }) =>
    step.run("claim", async () => {
      const batch = await claimBatch(await getDb(), event.data.emailMessageId);
      return { claimed: batch?.ids.length ?? 0 };
    }),
);

/** One Resend batch request, started no faster than the provider's rate limit allows. */
export const sendEmailBatchFn = inngest.createFunction(
  {
    id: "send-email-batch",
    triggers: [emailBatchReady],
    retries: 8,
    concurrency: { limit: SENDS_PER_ORGANIZATION_AT_ONCE, key: "event.data.organizationId" },
    throttle: { limit: RESEND_REQUESTS_PER_SECOND, period: "1s", key: "event.data.transport" },
  },
  async ({ event, step }) =>
    step.run("deliver", async () => deliverBatch(await getDb(), { ids: event.data.messageIds })),
);
