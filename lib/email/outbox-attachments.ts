import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { emailAttachments } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import type { EmailAttachment } from "./transports/types";

export const emailAttachmentSchema = z
  .object({
    id: z.uuid(),
    filename: z.string(),
    contentType: z.string(),
    size: z.number().int().meta({ description: "Bytes" }),
    downloadUrl: z.string().meta({
      description: "Where to download the file (GET, same credentials), relative to the API's host",
    }),
  })
  .meta({ id: "EmailAttachment" });

export type EmailAttachmentSummary = z.infer<typeof emailAttachmentSchema>;

export const attachmentDownloadPath = (messageId: string, attachmentId: string) =>
  `/api/v1/email-outbox/${messageId}/attachments/${attachmentId}`;

/**
 * The files of a page of outbox messages, by message: names and sizes, never the bytes, in one
 * query over the (organization, message) index whatever the page size.
 */
export async function attachmentsOfMessages(
  ctx: Ctx,
  messageIds: string[],
): Promise<Map<string, EmailAttachmentSummary[]>> {
  const byMessage = new Map<string, EmailAttachmentSummary[]>();
  if (!messageIds.length) return byMessage;
  const rows = await ctx.db
    .select({
      id: emailAttachments.id,
      messageId: emailAttachments.emailMessageId,
      filename: emailAttachments.filename,
      contentType: emailAttachments.contentType,
      size: emailAttachments.size,
    })
    .from(emailAttachments)
    .where(
      and(
        eq(emailAttachments.organizationId, ctx.orgId),
        inArray(emailAttachments.emailMessageId, messageIds),
      ),
    )
    .orderBy(asc(emailAttachments.id));
  for (const { messageId, ...file } of rows) {
    const list = byMessage.get(messageId) ?? [];
    list.push({ ...file, downloadUrl: attachmentDownloadPath(messageId, file.id) });
    byMessage.set(messageId, list);
  }
  return byMessage;
}

/**
 * One file of an outbox message, bytes included. The message, the file and the organization must
 * all match: a file of another message or organization is the same 404 as a missing one.
 */
export async function getAttachmentFile(
  ctx: Ctx,
  messageId: string,
  attachmentId: string,
): Promise<EmailAttachment> {
  assertCan(ctx, "email_outbox:read");
  const [row] = await ctx.db
    .select({
      filename: emailAttachments.filename,
      contentType: emailAttachments.contentType,
      content: emailAttachments.content,
    })
    .from(emailAttachments)
    .where(
      and(
        eq(emailAttachments.organizationId, ctx.orgId),
        eq(emailAttachments.emailMessageId, messageId),
        eq(emailAttachments.id, attachmentId),
      ),
    );
  if (!row) throw notFound("Attachment");
  return { ...row, content: new Uint8Array(row.content) };
}

/** `{id}/attachments/{attachmentId}`: both UUIDs, or the path names nothing (→ 404). */
export const attachmentParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });
