import { InngestTestEngine } from "@inngest/test";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { emailMessages, savedReports } from "@/db/schema";
import { reportDefinitionSchema } from "@/lib/reports/report-definition";
import { loadAttachments, MAX_ATTACHMENT_BYTES } from "@/lib/email/email-attachments";
import { createSavedReport } from "@/lib/reports/saved-reports";
import {
  periodStart,
  reportEmail,
  sendScheduledReports,
} from "@/lib/reports/send-scheduled-reports";
import { generateReport } from "@/lib/reports/generate-report";
import { api } from "@/lib/testing/api-client";
import { REPORT_PERIOD, seedReportDataset } from "@/lib/reports/report-test-dataset";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { sendScheduledReportsFn } from "./send-scheduled-reports";

let org: TestOrg;

beforeAll(async () => {
  org = await createTestOrg("Scheduled");
  await seedReportDataset(org);
});

/** Each message's files, read back from the outbox as the transports get them. */
async function filesOf(mails: { id: string; organizationId: string | null }[]) {
  const db = await getDb();
  return Promise.all(mails.map((m) => loadAttachments(db, m)));
}

async function reportMails(orgId: string, name: string) {
  const db = await getDb();
  return db
    .select()
    .from(emailMessages)
    .where(and(eq(emailMessages.organizationId, orgId), like(emailMessages.subject, `${name} —%`)));
}

describe("periodStart", () => {
  it("is the UTC day, the ISO week's Monday, the month's first day", () => {
    const now = new Date("2026-03-12T15:00:00Z"); // a Thursday
    expect(periodStart("daily", now).toISOString()).toBe("2026-03-12T00:00:00.000Z");
    expect(periodStart("weekly", now).toISOString()).toBe("2026-03-09T00:00:00.000Z");
    expect(periodStart("weekly", new Date("2026-03-15T23:00:00Z")).toISOString()).toBe(
      "2026-03-09T00:00:00.000Z",
    );
    expect(periodStart("monthly", now).toISOString()).toBe("2026-03-01T00:00:00.000Z");
  });
});

describe("send-scheduled-reports", () => {
  it("emails a due report once, as its creator sees it, to the chosen members", async () => {
    const report = await createSavedReport(org.ctx("manager"), {
      name: "Team deals",
      definition: reportDefinitionSchema.parse({
        dataset: "deals",
        dimensions: ["owner"],
        metrics: ["count", "sum_value"],
        period: REPORT_PERIOD,
        sort: { by: "sum_value", direction: "desc" },
      }),
      schedule: {
        frequency: "weekly",
        format: "csv",
        recipientIds: [org.members.rep.id, org.members.owner.id],
      },
    });
    const engine = new InngestTestEngine({ function: sendScheduledReportsFn });
    const first = await engine.execute();
    expect(first.result).toEqual({ sent: 1, emails: 2 });
    const mails = await reportMails(org.id, "Team deals");
    expect(mails.map((m) => m.toAddress).sort()).toEqual(
      [org.members.rep.email, org.members.owner.email].sort(),
    );
    const html = mails[0]!.html!;
    // The manager's team: rep2's 2,000 and rep's 1,500 (USD), total 3,500.
    expect(html).toContain("Scheduled rep2");
    expect(html).toMatch(/2,000\.00[\s\S]*1,500\.00[\s\S]*Total[\s\S]*3,500\.00/);
    expect(html).toContain(`/reports/${report.id}`);
    expect(mails[0]!.text).toContain("Team deals");
    // The file: CSV by default, the very bytes the manager's CSV export of the report holds.
    const files = await filesOf(mails);
    const exported = await api("GET", `/api/v1/reports/${report.id}/export?format=csv`, {
      token: org.members.manager.token,
    });
    for (const [file] of files) {
      expect(file!.filename).toMatch(/^team-deals-\d{4}-\d{2}-\d{2}\.csv$/);
      expect(file!.contentType).toBe("text/csv; charset=utf-8");
      expect(new TextDecoder().decode(file!.content)).toBe(exported.text);
    }
    expect(parse(exported.text).at(-1)).toEqual(["Total", expect.any(String), "3500"]);
    expect(mails[0]!.text).toContain("attached as CSV");

    // A retry, or the next hour: nothing more this week.
    const second = await new InngestTestEngine({ function: sendScheduledReportsFn }).execute();
    expect(second.result).toEqual({ sent: 0, emails: 0 });
    expect(await reportMails(org.id, "Team deals")).toHaveLength(2);
  });

  it("attaches the schedule's format (XLSX) to each recipient's email, once per period", async () => {
    const report = await createSavedReport(org.ctx("owner"), {
      name: "Leads by source",
      definition: reportDefinitionSchema.parse({
        dataset: "leads",
        dimensions: ["source"],
        metrics: ["count"],
        period: REPORT_PERIOD,
      }),
      schedule: {
        frequency: "monthly",
        format: "xlsx",
        recipientIds: [org.members.admin.id, org.members.rep2.id],
      },
    });
    const run = () => new InngestTestEngine({ function: sendScheduledReportsFn }).execute();
    expect((await run()).result).toEqual({ sent: 1, emails: 2 });
    const mails = await reportMails(org.id, "Leads by source");
    expect(mails).toHaveLength(2);
    expect(mails[0]!.text).toContain("attached as XLSX");
    const exported = parse(
      (
        await api("GET", `/api/v1/reports/${report.id}/export?format=csv`, {
          token: org.members.owner.token,
        })
      ).text,
    ) as string[][];
    for (const files of await filesOf(mails)) {
      expect(files).toHaveLength(1);
      expect(files[0]!.filename).toMatch(/^leads-by-source-\d{4}-\d{2}-\d{2}\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(files[0]!.content.slice().buffer as ArrayBuffer);
      const values = workbook.worksheets[0]!.getSheetValues()
        .filter(Boolean)
        .map((r) => (r as unknown[]).slice(1).map(String));
      // The owner's numbers, as the owner's export has them: 5 leads, by source.
      expect(values).toEqual(exported);
      expect(values.at(-1)).toEqual(["Total", "5"]);
    }
    expect((await run()).result).toEqual({ sent: 0, emails: 0 });
    const again = await reportMails(org.id, "Leads by source");
    expect((await filesOf(again)).map((f) => f.length)).toEqual([1, 1]);
  });

  it("a file over the cap is left out and the email says so, keeping the link", async () => {
    const db = await getDb();
    const definition = reportDefinitionSchema.parse({
      dataset: "leads",
      metrics: ["count"],
      period: REPORT_PERIOD,
    });
    const result = await generateReport({ ...org.ctx("owner"), db }, definition);
    const mail = reportEmail("Big", "00000000-0000-7000-8000-000000000000", "daily", result, {
      format: "pdf",
      bytes: MAX_ATTACHMENT_BYTES + 1,
      attachment: null,
    });
    expect(mail.text).toMatch(/PDF file \(5\.0 MB\) is larger than the 5\.0 MB/);
    expect(mail.text).toContain("/reports/00000000-0000-7000-8000-000000000000");
    expect(mail.html).toContain("not attached");
  });

  it("sends again in the next period, never twice in one", async () => {
    const db = await getDb();
    const report = await createSavedReport(org.ctx("owner"), {
      name: "Daily leads",
      definition: reportDefinitionSchema.parse({
        dataset: "leads",
        metrics: ["count"],
        period: REPORT_PERIOD,
      }),
      schedule: { frequency: "daily", format: "csv", recipientIds: [org.members.admin.id] },
    });
    const day1 = new Date("2030-01-07T09:23:00Z");
    await sendScheduledReports(db, day1);
    expect(await reportMails(org.id, "Daily leads")).toHaveLength(1);
    expect(await sendScheduledReports(db, new Date("2030-01-07T23:23:00Z"))).toEqual({
      sent: 0,
      emails: 0,
    });
    // A run that claimed nothing can't send: even with lastSentAt rolled back, the per-period
    // idempotency key keeps the day's email single.
    await db.update(savedReports).set({ lastSentAt: null }).where(eq(savedReports.id, report.id));
    await sendScheduledReports(db, new Date("2030-01-07T10:23:00Z"));
    expect(await reportMails(org.id, "Daily leads")).toHaveLength(1);
    await sendScheduledReports(db, new Date("2030-01-08T00:23:00Z"));
    const mails = await reportMails(org.id, "Daily leads");
    expect(mails).toHaveLength(2);
    expect(mails[0]!.html).toContain(">5<");
    const [row] = await db.select().from(savedReports).where(eq(savedReports.id, report.id));
    expect(row!.lastSentAt?.toISOString()).toBe("2030-01-08T00:23:00.000Z");
  });
});
