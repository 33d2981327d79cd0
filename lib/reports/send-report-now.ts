import { z } from "zod";
import type { Database } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Ctx } from "@/lib/context";
import { newId } from "@/lib/crypto/ids";
import { AppError } from "@/lib/errors";
import { editable } from "./saved-reports";
import { queueReportEmails } from "./send-scheduled-reports";

export const sendReportNowResultSchema = z
  .object({ emails: z.number().int().meta({ description: "Emails queued, one per recipient" }) })
  .meta({ id: "SendReportNowResult" });

/**
 * Email a scheduled report now: the email its schedule sends (file attached), to its recipients,
 * e.g. to check it before the first run. The schedule is left alone — the period's email still
 * goes out — and each call is a send of its own (a retried request is caught by Idempotency-Key).
 */
export async function sendReportNow(
  ctx: Ctx,
  id: string,
  now = new Date(),
): Promise<z.infer<typeof sendReportNowResultSchema>> {
  const report = await editable(ctx, id);
  const frequency = report.scheduleFrequency;
  if (!frequency || !report.recipientIds.length) {
    throw new AppError("unprocessable", "The report has no schedule with recipients to email");
  }
  return ctx.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Database;
    const emails = await queueReportEmails(tx, report, frequency, now, `now:${newId()}`);
    await recordAudit(tx, ctx, {
      action: "report.send",
      resourceType: "saved_report",
      resourceId: id,
      changes: { emails },
    });
    return { emails };
  });
}
