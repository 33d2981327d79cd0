import type { EmailTransportName } from "@/db/schema";

/** A file sent with a message. */
export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

export interface OutgoingEmail {
  /** Our message id; the provider idempotency key too, unless `idempotencyKey` says otherwise. */
  id: string;
  /**
   * The key this attempt goes to the provider under (see providerKey): the id for the first
   * send, a key of its own for each resend after a soft bounce, so the provider doesn't take the
   * resend for a retry of the first attempt and drop it.
   */
  idempotencyKey?: string;
  from: string;
  to: string;
  replyTo?: string | null;
  subject: string;
  html?: string | null;
  text?: string | null;
  headers?: Record<string, string>;
  attachments?: EmailAttachment[];
}

/** The provider key of one attempt: the message id first, then `{id}.r{n}` for resend n. */
export function providerKey(id: string, resendAttempts = 0): string {
  return resendAttempts > 0 ? `${id}.r${resendAttempts}` : id;
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
