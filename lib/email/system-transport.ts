import { env } from "@/lib/env";
import { localOutboxTransport } from "./transports/local-outbox-transport";
import { resendTransport } from "./transports/resend-transport";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { mailboxes, type EmailTransportName } from "@/db/schema";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { smtpTransport } from "./transports/smtp-transport";
import { PermanentSendError, type EmailTransport } from "./transports/types";

/** How system mail (invitations, password resets) leaves: Resend if configured, else the outbox. */
export function systemTransport(): EmailTransport {
  return env.RESEND_API_KEY
    ? resendTransport(env.RESEND_API_KEY, env.RESEND_BASE_URL)
    : localOutboxTransport;
}

/** A transport that fails every message for good, saying why (nothing is silently dropped). */
const unavailable = (name: EmailTransportName, reason: string): EmailTransport => ({
  name,
  send: async () => {
    throw new PermanentSendError(reason);
  },
});

/**
 * The transport a stored message asked for: its mailbox's SMTP server, Resend, or the outbox.
 * One the installation can't use fails the message for good, with the reason.
 */
export async function transportFor(
  db: Queryable,
  message: {
    transport: EmailTransportName;
    mailboxId: string | null;
    organizationId: string | null;
  },
): Promise<EmailTransport> {
  if (message.transport === "local_outbox") return localOutboxTransport;
  if (message.transport === "resend") {
    return env.RESEND_API_KEY
      ? resendTransport(env.RESEND_API_KEY, env.RESEND_BASE_URL)
      : unavailable("resend", "Resend is not configured on this installation (RESEND_API_KEY)");
  }
  const [mailbox] =
    message.mailboxId && message.organizationId
      ? await db
          .select()
          .from(mailboxes)
          .where(
            and(
              eq(mailboxes.organizationId, message.organizationId),
              eq(mailboxes.id, message.mailboxId),
            ),
          )
      : [];
  const { smtpHost, smtpPort, smtpUsername, smtpPasswordEncrypted } = mailbox ?? {};
  if (!smtpHost || !smtpPort || !smtpUsername || !smtpPasswordEncrypted) {
    return unavailable("smtp", "The mailbox's SMTP server is not set up (or the mailbox is gone)");
  }
  return smtpTransport({
    host: smtpHost,
    port: smtpPort,
    secure: mailbox!.smtpSecure ?? smtpPort === 465,
    username: smtpUsername,
    password: decryptSecret(smtpPasswordEncrypted),
  });
}
