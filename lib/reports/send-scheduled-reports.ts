import { and, eq, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { memberships, savedReports, users, type REPORT_FREQUENCIES } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { env } from "@/lib/env";
import { MAX_ATTACHMENT_BYTES } from "@/lib/email/email-attachments";
import { queueEmail } from "@/lib/email/queue-email";
import type { EmailAttachment } from "@/lib/email/transports/types";
import { log } from "@/lib/log";
import { generateReport } from "./generate-report";
import { reportDefinitionSchema } from "./report-definition";
import {
  reportExportFormatSchema,
  type ReportExportFormat,
  type ReportResult,
} from "./report-schemas";
import { EXPORT_CONTENT_TYPES, fileSlug, formatCell, renderTable } from "./table-export";
import { reportTable } from "./export-report";

type Frequency = (typeof REPORT_FREQUENCIES)[number];

/**
 * The start of the current period of a schedule (UTC): today, this ISO week (Monday), this month.
 * A report is due when it was last sent before it — once per calendar period, whatever hour the
 * hourly run happens to come.
 */
export function periodStart(frequency: Frequency, now: Date): Date {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  if (frequency === "daily") return day;
  if (frequency === "weekly") {
    const sinceMonday = (day.getUTCDay() + 6) % 7;
    return new Date(day.getTime() - sinceMonday * 86_400_000);
  }
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

const dueCondition = (frequency: Frequency, now: Date) =>
  and(
    eq(savedReports.scheduleFrequency, frequency),
    or(isNull(savedReports.lastSentAt), lt(savedReports.lastSentAt, periodStart(frequency, now))),
  );

/**
 * Email every due scheduled report: each is claimed (lastSentAt set) in the same transaction that
 * queues its emails, and every email carries an idempotency key per report, period and recipient —
 * so a retried or overlapping run never sends a period's report twice. The report runs as its
 * creator (their visibility); recipients who left the organization are skipped.
 */
export async function sendScheduledReports(
  db: Database,
  now = new Date(),
): Promise<{ sent: number; emails: number }> {
  const due = await db
    .select({ id: savedReports.id, frequency: savedReports.scheduleFrequency })
    .from(savedReports)
    .where(
      and(
        isNotNull(savedReports.scheduleFrequency),
        sql`cardinality(${savedReports.recipientIds}) > 0`,
        or(dueCondition("daily", now), dueCondition("weekly", now), dueCondition("monthly", now)),
      ),
    )
    .limit(500);
  let sent = 0;
  let emails = 0;
  for (const { id, frequency } of due) {
    try {
      const count = await sendOne(db, id, frequency!, now);
      if (count !== null) {
        sent += 1;
        emails += count;
      }
    } catch (error) {
      // One broken report must not hold back the others; it is tried again next hour.
      log.error("scheduled report failed", { reportId: id, error });
    }
  }
  return { sent, emails };
}

async function sendOne(db: Database, id: string, frequency: Frequency, now: Date) {
  const start = periodStart(frequency, now);
  return db.transaction(async (transaction) => {
    // The report runs inside this transaction, through domain functions that take a Database.
    const tx = transaction as unknown as Database;
    const [report] = await tx
      .update(savedReports)
      .set({ lastSentAt: now })
      .where(and(eq(savedReports.id, id), dueCondition(frequency, now)))
      .returning();
    if (!report) return null; // another run claimed it
    return queueReportEmails(tx, report, frequency, now, start.toISOString().slice(0, 10));
  });
}

/**
 * Queue a saved report's email to each of its recipients still in the organization, run as its
 * creator (their visibility) and rendered once. Each email's idempotency key is the report, the
 * given key (the schedule's period, or one send-now) and the recipient. Returns the emails queued.
 */
export async function queueReportEmails(
  tx: Database,
  report: typeof savedReports.$inferSelect,
  frequency: Frequency,
  now: Date,
  key: string,
): Promise<number> {
  const [creator] = report.createdById
    ? await tx
        .select({ role: memberships.role })
        .from(memberships)
        .where(
          and(
            eq(memberships.organizationId, report.organizationId),
            eq(memberships.userId, report.createdById),
          ),
        )
    : [];
  if (!creator) return 0; // its creator left: nobody's visibility to run it with
  const ctx: Ctx = {
    db: tx,
    orgId: report.organizationId,
    role: creator.role,
    actor: { type: "user", id: report.createdById, userId: report.createdById },
  };
  const definition = reportDefinitionSchema.parse(report.definition);
  const result = await generateReport(ctx, definition, now);
  const recipients = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .innerJoin(
      memberships,
      and(eq(memberships.userId, users.id), eq(memberships.organizationId, report.organizationId)),
    )
    .where(inArray(users.id, report.recipientIds));
  const file = await reportFile(report.name, report.scheduleFormat, result, now);
  const mail = reportEmail(report.name, report.id, frequency, result, file);
  for (const r of recipients) {
    await queueEmail(tx, {
      organizationId: report.organizationId,
      kind: "system",
      to: r.email,
      ...mail,
      ...(file.attachment ? { attachments: [file.attachment] } : {}),
      idempotencyKey: `report:${report.id}:${key}:${r.id}`,
    });
  }
  return recipients.length;
}

/** What the email says of the file: attached, or too big to attach. */
export interface ReportFile {
  format: ReportExportFormat;
  bytes: number;
  /** Null: over MAX_ATTACHMENT_BYTES, so the email carries the link only. */
  attachment: EmailAttachment | null;
}

/** The report as its schedule's file format, rendered once for every recipient. */
async function reportFile(
  name: string,
  storedFormat: string,
  result: ReportResult,
  now: Date,
): Promise<ReportFile> {
  const format = reportExportFormatSchema.catch("csv").parse(storedFormat);
  const content = await renderTable(reportTable(name, result), format);
  const attachment = {
    filename: `${fileSlug(name) || "report"}-${now.toISOString().slice(0, 10)}.${format}`,
    contentType: EXPORT_CONTENT_TYPES[format],
    content,
  };
  return {
    format,
    bytes: content.byteLength,
    attachment: content.byteLength <= MAX_ATTACHMENT_BYTES ? attachment : null,
  };
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

/**
 * The report in the message itself (an HTML table and a plain-text one), as the attached file
 * when it fits in an email, and a link to it in the app.
 */
export function reportEmail(
  name: string,
  id: string,
  frequency: Frequency,
  result: ReportResult,
  file: ReportFile,
): { subject: string; html: string; text: string } {
  const table = reportTable(name, result);
  const cells = table.rows.map((row) => row.map((v, i) => formatCell(v, table.types?.[i])));
  const link = `${env.appUrl}/reports/${id}`;
  const kind = file.format.toUpperCase();
  const fileLine = file.attachment
    ? `The report is attached as ${kind} (${file.attachment.filename}).`
    : `The ${kind} file (${megabytes(file.bytes)}) is larger than the ${megabytes(MAX_ATTACHMENT_BYTES)} an email may carry, so it is not attached: open the report in Leadline to export it.`;
  const numeric = (i: number) => !["string", "date"].includes(table.types?.[i] ?? "string");
  const th = table.header
    .map(
      (h, i) =>
        `<th style="text-align:${numeric(i) ? "right" : "left"};padding:4px 8px;border-bottom:1px solid #ccc">${escape(h)}</th>`,
    )
    .join("");
  const trs = cells
    .map(
      (row) =>
        `<tr>${row
          .map(
            (c, i) =>
              `<td style="text-align:${numeric(i) ? "right" : "left"};padding:4px 8px">${escape(c)}</td>`,
          )
          .join("")}</tr>`,
    )
    .join("");
  const html = `<h2 style="font-family:sans-serif">${escape(name)}</h2>
<p style="font-family:sans-serif;color:#555">${escape(table.subtitle ?? "")}</p>
<table style="border-collapse:collapse;font-family:sans-serif;font-size:13px"><thead><tr>${th}</tr></thead><tbody>${trs}</tbody></table>
${table.note ? `<p style="font-family:sans-serif;color:#555">${escape(table.note)}</p>` : ""}
<p style="font-family:sans-serif">${escape(fileLine)} <a href="${escape(link)}">Open the report in Leadline</a> to export it as CSV, XLSX or PDF.</p>
<p style="font-family:sans-serif;color:#888;font-size:12px">You receive this ${frequency} report because a member of your organization scheduled it for you.</p>`;
  const text = [
    name,
    table.subtitle ?? "",
    "",
    table.header.join(" | "),
    ...cells.map((row) => row.join(" | ")),
    "",
    table.note ?? "",
    fileLine,
    `Open the report: ${link}`,
  ]
    .filter((line, i, all) => line !== "" || all[i - 1] !== "")
    .join("\n");
  return { subject: `${name} — ${frequency} report`, html, text };
}
