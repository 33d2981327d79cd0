import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { emailMessages } from "@/db/schema";
import { loadAttachments } from "./email-attachments";
import { transportFor } from "./system-transport";
import { PermanentSendError, providerKey, type EmailTransport } from "./transports/types";

/**
 * Send one queued message. Idempotent: a message already sent (or failed for good) is left alone,
 * and the transport gets the message id as its idempotency key (with the resend number after a
 * soft bounce), so a retry after a crash between sending and recording never reaches the
 * recipient twice. Transient failures throw (the job
 * retries); permanent ones are recorded.
 */
export async function deliverEmail(
  db: Database,
  emailMessageId: string,
  explicit?: EmailTransport,
): Promise<{ status: string }> {
  const [message] = await db
    .select()
    .from(emailMessages)
    .where(eq(emailMessages.id, emailMessageId))
    .limit(1);
  if (!message) return { status: "missing" };
  if (message.status !== "queued") return { status: message.status };
  const transport = explicit ?? (await transportFor(db, message));
  const attachments = await loadAttachments(db, message);
  try {
    const result = await transport.send({
      id: message.id,
      idempotencyKey: providerKey(message.id, message.resendAttempts),
      from: message.fromAddress,
      to: message.toAddress,
      replyTo: message.replyTo,
      subject: message.subject,
      html: message.html,
      text: message.text,
      headers: message.headers,
      ...(attachments.length ? { attachments } : {}),
    });
    await db
      .update(emailMessages)
      .set({
        status: "sent",
        transport: transport.name,
        providerMessageId: result.providerMessageId ?? null,
        // A resend after a soft bounce keeps the first send's time: one message, sent once.
        sentAt: sql`coalesce(${emailMessages.sentAt}, ${new Date().toISOString()}::timestamptz)`,
        error: null,
      })
      .where(and(eq(emailMessages.id, message.id), eq(emailMessages.status, "queued")));
    return { status: "sent" };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    if (error instanceof PermanentSendError) {
      await db
        .update(emailMessages)
        .set({ status: "failed", error: text })
        .where(eq(emailMessages.id, message.id));
      return { status: "failed" };
    }
    await db.update(emailMessages).set({ error: text }).where(eq(emailMessages.id, message.id));
    throw error;
  }
}
