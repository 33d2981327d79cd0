import type { Queryable } from "@/db/client";
import { emailMessages, type EMAIL_KINDS, type EmailTransportName } from "@/db/schema";
import { emailQueued } from "@/inngest/events";
import { env } from "@/lib/env";
import { enqueueEvent } from "@/lib/jobs/outbox";
import { systemTransport } from "./system-transport";

export interface QueueEmailInput {
  organizationId: string | null;
  kind: (typeof EMAIL_KINDS)[number];
  to: string;
  subject: string;
  html?: string;
  text?: string;
  from?: string;
  replyTo?: string;
  headers?: Record<string, string>;
  /** A mailbox's transport; system mail uses the installation's. */
  transport?: EmailTransportName;
  /** The mailbox sending it (its SMTP settings apply). */
  mailboxId?: string;
}

/**
 * Store an email and queue its delivery, inside the caller's transaction: the message exists (and
 * is visible in the outbox) exactly when the change that caused it does, and a job delivers it
 * with retries. Nothing is ever dropped.
 */
export async function queueEmail(db: Queryable, input: QueueEmailInput): Promise<string> {
  const [row] = await db
    .insert(emailMessages)
    .values({
      organizationId: input.organizationId,
      kind: input.kind,
      fromAddress: input.from ?? env.EMAIL_FROM,
      toAddress: input.to,
      replyTo: input.replyTo ?? null,
      subject: input.subject,
      html: input.html ?? null,
      text: input.text ?? null,
      headers: input.headers ?? {},
      transport: input.transport ?? systemTransport().name,
      mailboxId: input.mailboxId ?? null,
    })
    .returning({ id: emailMessages.id });
  await enqueueEvent(
    db,
    emailQueued,
    { emailMessageId: row!.id, organizationId: input.organizationId },
    { organizationId: input.organizationId },
  );
  return row!.id;
}
