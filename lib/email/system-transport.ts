import { env } from "@/lib/env";
import { localOutboxTransport } from "./transports/local-outbox-transport";
import { resendTransport } from "./transports/resend-transport";
import type { EmailTransport } from "./transports/types";

/** How system mail (invitations, password resets) leaves: Resend if configured, else the outbox. */
export function systemTransport(): EmailTransport {
  return env.RESEND_API_KEY
    ? resendTransport(env.RESEND_API_KEY, env.RESEND_BASE_URL)
    : localOutboxTransport;
}
