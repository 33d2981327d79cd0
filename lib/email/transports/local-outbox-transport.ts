import { env } from "@/lib/env";
import { log } from "@/lib/log";
import type { EmailTransport } from "./types";

/**
 * The default with no provider configured: the message is already stored in email_messages and
 * shown in the app's outbox; "sending" it just records that it went nowhere else. In development
 * the subject and links are also logged, so a password-reset link is one glance away.
 */
export const localOutboxTransport: EmailTransport = {
  name: "local_outbox",
  async send(message) {
    if (!env.isProduction) {
      // A link in the plain-text part may be wrapped in parentheses or end a sentence.
      const links = (message.text ?? "").match(/https?:\/\/[^\s()<>]+[^\s()<>.,;:!?]/g) ?? [];
      const files = (message.attachments ?? []).map((a) => `${a.filename} (${a.content.length} B)`);
      log.info(`email kept in the local outbox: "${message.subject}" to ${message.to}`, {
        ...(links.length ? { links } : {}),
        ...(files.length ? { attachments: files } : {}),
      });
    }
    return { providerMessageId: `local:${message.idempotencyKey ?? message.id}` };
  },
};
