import { env } from "@/lib/env";
import { localOutboxTransport } from "./transports/local-outbox-transport";
import { resendTransport } from "./transports/resend-transport";
import type { EmailTransportName } from "@/db/schema";
import { PermanentSendError, type EmailTransport } from "./transports/types";

/** How system mail (invitations, password resets) leaves: Resend if configured, else the outbox. */
export function systemTransport(): EmailTransport {
  return env.RESEND_API_KEY
    ? resendTransport(env.RESEND_API_KEY, env.RESEND_BASE_URL)
    : localOutboxTransport;
}

/**
 * The transport a stored message asked for (a mailbox's choice, or the system's when it was
 * queued). One the installation can't use fails the message for good, with the reason.
 */
export function transportFor(name: EmailTransportName): EmailTransport {
  if (name === "local_outbox") return localOutboxTransport;
  if (name === "resend" && env.RESEND_API_KEY) {
    return resendTransport(env.RESEND_API_KEY, env.RESEND_BASE_URL);
  }
  return {
    name,
    send: async () => {
      throw new PermanentSendError(`The ${name} transport is not configured on this installation`);
    },
  };
}
