import { eq, like } from "drizzle-orm";
import { getDb } from "@/db/client";
import { emailMessages } from "@/db/schema";
import { attachmentsOfMessages } from "@/lib/email/outbox-attachments";
import { queueEmail } from "@/lib/email/queue-email";
import type { EmailAttachment } from "@/lib/email/transports/types";
import { newId } from "@/lib/crypto/ids";
import { reportDefinitionSchema } from "@/lib/reports/report-definition";
import { createSavedReport } from "@/lib/reports/saved-reports";
import type { TestOrg } from "./fixtures";
import type { Caller, OperationFixture, PreparedCall } from "./operation-fixtures";

/** Every byte value, so an encoding slip on the way out (UTF-8, lost NULs, base64) shows. */
export const everyByte = (length = 600) => Uint8Array.from({ length }, (_, i) => (i * 7) % 256);

export const reportFile = (extra: Partial<EmailAttachment> = {}): EmailAttachment => ({
  filename: "leads-by-status-2026-03-10.csv",
  contentType: "text/csv; charset=utf-8",
  content: everyByte(),
  ...extra,
});

/**
 * A report email queued with files, as the scheduled-report job queues it; returns the message id
 * and its files' ids in the order the outbox lists them.
 */
export async function queueReportEmail(
  org: TestOrg,
  files: EmailAttachment[] = [reportFile()],
): Promise<{ messageId: string; attachmentIds: string[] }> {
  const db = await getDb();
  const messageId = await queueEmail(db, {
    organizationId: org.id,
    kind: "system",
    to: org.members.admin.email,
    subject: `Leads by status — weekly report ${newId().slice(-6)}`,
    text: "The report is attached.",
    transport: "local_outbox",
    attachments: files,
  });
  const listed = await attachmentsOfMessages(org.ctx("owner"), [messageId]);
  return { messageId, attachmentIds: (listed.get(messageId) ?? []).map((f) => f.id) };
}

async function attachmentCall(org: TestOrg): Promise<PreparedCall> {
  const { messageId, attachmentIds } = await queueReportEmail(org);
  return { params: { id: messageId, attachmentId: attachmentIds[0]! } };
}

/**
 * A weekly report emailed to the owner as CSV, saved by the caller (who may then send it) or, for
 * an API key, by the owner.
 */
export async function scheduledReport(org: TestOrg, caller: Caller = { userId: null }) {
  const role = Object.entries(org.members).find(([, m]) => m.id === caller.userId)?.[0];
  return createSavedReport(org.ctx((role ?? "owner") as keyof TestOrg["members"]), {
    name: `Leads by status ${newId().slice(-6)}`,
    definition: reportDefinitionSchema.parse({
      dataset: "leads",
      dimensions: ["status"],
      metrics: ["count"],
    }),
    schedule: { frequency: "weekly", format: "csv", recipientIds: [org.members.owner.id] },
  });
}

/** How to call the outbox attachment routes and send a report now (see OPERATION_FIXTURES). */
export const ATTACHMENT_FIXTURES: Record<string, OperationFixture> = {
  "GET /api/v1/email-outbox/{id}/attachments/{attachmentId}": {
    prepare: attachmentCall,
    snapshot: async (_org, call) =>
      (await getDb())
        .select({ id: emailMessages.id, status: emailMessages.status })
        .from(emailMessages)
        .where(eq(emailMessages.id, call.params!.id!)),
  },
  "POST /api/v1/reports/{id}/send": {
    prepare: async (org, caller) => ({ params: { id: (await scheduledReport(org, caller)).id } }),
    snapshot: async (_org, call) =>
      (await getDb())
        .select({ id: emailMessages.id })
        .from(emailMessages)
        .where(like(emailMessages.idempotencyKey, `report:${call.params!.id!}:%`)),
  },
};
