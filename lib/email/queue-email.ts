import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { emailMessages, type EMAIL_KINDS, type EmailTransportName } from "@/db/schema";
import { emailQueued } from "@/inngest/events";
import { env } from "@/lib/env";
import { enqueueEvent } from "@/lib/jobs/outbox";
import { recordOutboundMessage } from "@/lib/conversations/record-message";
import { assertAttachmentsFit, storeAttachments } from "./email-attachments";
import { countQueuedMessage } from "./send-counters";
import { systemTransport } from "./system-transport";
import type { EmailAttachment } from "./transports/types";

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
  /** Files sent with it, at most MAX_ATTACHMENT_BYTES together (stored beside the message). */
  attachments?: EmailAttachment[];
  /** A mailbox's transport; system mail uses the installation's. */
  transport?: EmailTransportName;
  /** The mailbox sending it (its SMTP settings apply). */
  mailboxId?: string;
  /** The id to store it under, when the caller needs it first (tracking links carry it). */
  id?: string;
  /**
   * One message per key in the organization: queueing again with a key already used stores and
   * enqueues nothing and returns the first message's id (e.g. `campaign:{recipientId}:{step}`).
   */
  idempotencyKey?: string;
  /** When it was queued; defaults to now. Caps count messages by this time. */
  createdAt?: Date;
  leadId?: string;
  campaignId?: string;
  recipientId?: string;
  stepId?: string;
  stepIndex?: number;
  variantId?: string;
  /** Who wrote it, for the lead's conversation (campaign mail: the system; manual: a user). */
  author?: "ai" | "user" | "system";
  authorUserId?: string | null;
}

/**
 * Store an email and queue its delivery, inside the caller's transaction: the message exists (and
 * is visible in the outbox) exactly when the change that caused it does, and a job delivers it
 * with retries. Nothing is ever dropped.
 */
export async function queueEmail(db: Queryable, input: QueueEmailInput): Promise<string> {
  if (input.attachments) assertAttachmentsFit(input.attachments);
  const transport = input.transport ?? systemTransport().name;
  const [row] = await db
    .insert(emailMessages)
    .values({
      ...(input.id ? { id: input.id } : {}),
      organizationId: input.organizationId,
      kind: input.kind,
      fromAddress: input.from ?? env.EMAIL_FROM,
      toAddress: input.to,
      replyTo: input.replyTo ?? null,
      subject: input.subject,
      html: input.html ?? null,
      text: input.text ?? null,
      headers: input.headers ?? {},
      transport,
      mailboxId: input.mailboxId ?? null,
      idempotencyKey: input.idempotencyKey ?? null,
      leadId: input.leadId ?? null,
      campaignId: input.campaignId ?? null,
      recipientId: input.recipientId ?? null,
      stepId: input.stepId ?? null,
      stepIndex: input.stepIndex ?? null,
      variantId: input.variantId ?? null,
      ...(input.createdAt ? { createdAt: input.createdAt, updatedAt: input.createdAt } : {}),
    })
    .onConflictDoNothing()
    .returning({ id: emailMessages.id });
  if (!row) return existingMessageId(db, input);
  if (input.attachments?.length) {
    await storeAttachments(
      db,
      { id: row.id, organizationId: input.organizationId },
      input.attachments,
    );
  }
  if (input.organizationId)
    await countQueuedMessage(db, { ...input, organizationId: input.organizationId });
  if (
    input.organizationId &&
    input.leadId &&
    (input.kind === "campaign" || input.kind === "manual")
  ) {
    // Mail to a lead is part of their conversation, recorded in the same transaction.
    await recordOutboundMessage(db, {
      organizationId: input.organizationId,
      leadId: input.leadId,
      channel: "email",
      author: input.author ?? (input.kind === "campaign" ? "system" : "user"),
      authorUserId: input.authorUserId ?? null,
      emailMessageId: row.id,
      campaignId: input.campaignId ?? null,
      subject: input.subject,
      body: input.text ?? "",
      html: input.html ?? null,
      fromAddress: input.from ?? env.EMAIL_FROM,
      toAddress: input.to,
      // The Message-ID Leadline gives its mail (see the SMTP transport); replies quote it.
      externalId: `<${row.id}@leadline>`,
      inReplyTo: input.headers?.["In-Reply-To"] ?? null,
      occurredAt: input.createdAt,
    });
  }
  await enqueueEvent(
    db,
    emailQueued,
    {
      emailMessageId: row.id,
      organizationId: input.organizationId,
      mailboxId: input.mailboxId ?? null,
      transport,
    },
    { organizationId: input.organizationId },
  );
  return row.id;
}

/** The message a conflicting insert collided with: the same idempotency key (or the same id). */
async function existingMessageId(db: Queryable, input: QueueEmailInput): Promise<string> {
  const [existing] = input.idempotencyKey
    ? await db
        .select({ id: emailMessages.id })
        .from(emailMessages)
        .where(
          and(
            input.organizationId === null
              ? undefined
              : eq(emailMessages.organizationId, input.organizationId),
            eq(emailMessages.idempotencyKey, input.idempotencyKey),
          ),
        )
        .limit(1)
    : [];
  if (existing) return existing.id;
  // Only an id clash is left; the caller chose that id, so it names the stored message.
  if (input.id) return input.id;
  throw new Error("queueEmail: the message conflicted with no known key");
}
