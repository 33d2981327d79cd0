import type { EmailTransportName } from "@/db/schema";

export interface OutgoingEmail {
  /** Our message id; also the provider idempotency key, so a retried send never sends twice. */
  id: string;
  from: string;
  to: string;
  replyTo?: string | null;
  subject: string;
  html?: string | null;
  text?: string | null;
  headers?: Record<string, string>;
}

export interface SendResult {
  providerMessageId?: string;
}

/** One interface for every way mail leaves Leadline (Resend, SMTP, the local outbox). */
export interface EmailTransport {
  name: EmailTransportName;
  send(message: OutgoingEmail): Promise<SendResult>;
  /**
   * Several messages in one provider request, results in the same order; all or nothing. Only
   * providers with a batch API have it (Resend); the key makes a retried batch a no-op.
   */
  sendBatch?(messages: OutgoingEmail[], idempotencyKey: string): Promise<SendResult[]>;
}

/** A failure the provider says won't succeed on retry (bad address, rejected content). */
export class PermanentSendError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentSendError";
  }
}
