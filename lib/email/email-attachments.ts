import { and, asc, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { emailAttachments } from "@/db/schema";
import type { EmailAttachment } from "./transports/types";

/**
 * The most a message may carry in files. Providers accept more (Resend 40 MB) but mail servers on
 * the way often refuse big messages, and every recipient's copy is stored in the outbox.
 */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

export const attachmentBytes = (files: EmailAttachment[]) =>
  files.reduce((sum, f) => sum + f.content.byteLength, 0);

/** Callers check the size first and send a link instead; this is the backstop. */
export function assertAttachmentsFit(files: EmailAttachment[]): void {
  if (attachmentBytes(files) > MAX_ATTACHMENT_BYTES) {
    throw new Error(`Attachments over ${MAX_ATTACHMENT_BYTES} bytes`);
  }
}

/** Store a queued message's files (in the transaction that stores the message). */
export async function storeAttachments(
  db: Queryable,
  message: { id: string; organizationId: string | null },
  files: EmailAttachment[],
): Promise<void> {
  if (!files.length) return;
  await db.insert(emailAttachments).values(
    files.map((f) => ({
      organizationId: message.organizationId,
      emailMessageId: message.id,
      filename: f.filename,
      contentType: f.contentType,
      size: f.content.byteLength,
      content: Buffer.from(f.content),
    })),
  );
}

const ofMessage = (message: { id: string; organizationId: string | null }) =>
  and(
    message.organizationId === null
      ? isNull(emailAttachments.organizationId)
      : eq(emailAttachments.organizationId, message.organizationId),
    eq(emailAttachments.emailMessageId, message.id),
  );

/** A message's files with their bytes, for the transport. */
export async function loadAttachments(
  db: Queryable,
  message: { id: string; organizationId: string | null },
): Promise<EmailAttachment[]> {
  const rows = await db
    .select({
      filename: emailAttachments.filename,
      contentType: emailAttachments.contentType,
      content: emailAttachments.content,
    })
    .from(emailAttachments)
    .where(ofMessage(message))
    .orderBy(asc(emailAttachments.id));
  return rows.map((r) => ({ ...r, content: new Uint8Array(r.content) }));
}
