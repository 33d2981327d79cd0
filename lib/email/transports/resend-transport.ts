import { Resend } from "resend";
import { PermanentSendError, type EmailTransport } from "./types";

/** Tag on every message Resend carries, so its webhooks name our message by primary key. */
export const RESEND_MESSAGE_TAG = "leadline_message_id";

/**
 * Resend. The SDK reports failures as `{ error }` rather than throwing, so each answer is checked;
 * validation errors are permanent, anything else (network, rate limit, 5xx) is retried.
 */
export function resendTransport(apiKey: string, baseUrl?: string): EmailTransport {
  const resend = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  return {
    name: "resend",
    async send(message) {
      const { data, error } = await resend.emails.send(
        {
          from: message.from,
          to: message.to,
          subject: message.subject,
          html: message.html ?? undefined,
          text: message.text ?? message.subject,
          replyTo: message.replyTo ?? undefined,
          headers: message.headers,
          tags: [{ name: RESEND_MESSAGE_TAG, value: message.id }],
        },
        { idempotencyKey: message.id },
      );
      if (error || !data) {
        const text = `${error?.name ?? "resend_error"}: ${error?.message ?? "no response"}`;
        if (
          error &&
          ["validation_error", "invalid_from_address", "missing_required_field"].includes(
            error.name,
          )
        ) {
          throw new PermanentSendError(text);
        }
        throw new Error(text);
      }
      return { providerMessageId: data.id };
    },
  };
}
