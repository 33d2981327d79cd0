import { Resend } from "resend";
import { PermanentSendError, type EmailTransport, type OutgoingEmail } from "./types";

/** Tag on every message Resend carries, so its webhooks name our message by primary key. */
export const RESEND_MESSAGE_TAG = "leadline_message_id";

/** Resend accepts at most this many messages in one batch request. */
export const RESEND_BATCH_LIMIT = 100;

const PERMANENT_ERRORS = ["validation_error", "invalid_from_address", "missing_required_field"];

function payload(message: OutgoingEmail) {
  return {
    from: message.from,
    to: message.to,
    subject: message.subject,
    html: message.html ?? undefined,
    text: message.text ?? message.subject,
    replyTo: message.replyTo ?? undefined,
    headers: message.headers,
    tags: [{ name: RESEND_MESSAGE_TAG, value: message.id }],
  };
}

/**
 * The SDK reports failures as `{ error }` rather than throwing: validation errors are permanent,
 * anything else (network, rate limit, 5xx) is thrown for the job to retry.
 */
function failure(error: { name?: string; message?: string } | null): Error {
  const text = `${error?.name ?? "resend_error"}: ${error?.message ?? "no response"}`;
  return error?.name && PERMANENT_ERRORS.includes(error.name)
    ? new PermanentSendError(text)
    : new Error(text);
}

/**
 * Resend: one message per request, or up to 100 in one batch request (campaign mail), each with
 * an idempotency key so a retried job never sends twice.
 */
export function resendTransport(apiKey: string, baseUrl?: string): EmailTransport {
  const resend = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  return {
    name: "resend",
    async send(message) {
      const { data, error } = await resend.emails.send(
        {
          ...payload(message),
          // The SDK sends bytes as base64; the batch API takes no attachments (see claimBatch).
          attachments: message.attachments?.map((a) => ({
            filename: a.filename,
            content: Buffer.from(a.content),
            contentType: a.contentType,
          })),
        },
        {
          idempotencyKey: message.idempotencyKey ?? message.id,
        },
      );
      if (error || !data) throw failure(error);
      return { providerMessageId: data.id };
    },
    async sendBatch(messages, idempotencyKey) {
      if (messages.length > RESEND_BATCH_LIMIT) {
        throw new Error(`A Resend batch holds at most ${RESEND_BATCH_LIMIT} messages`);
      }
      // Strict validation (the default): one invalid message refuses the whole batch, so nothing
      // is half-sent and the caller can fall back to sending one by one.
      const { data, error } = await resend.batch.send(messages.map(payload), { idempotencyKey });
      if (error || !data || data.data.length !== messages.length) throw failure(error);
      return data.data.map((d) => ({ providerMessageId: d.id }));
    },
  };
}
