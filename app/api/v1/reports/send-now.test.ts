import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { sendScheduledReports } from "@/lib/reports/send-scheduled-reports";
import { api } from "@/lib/testing/api-client";
import { scheduledReport } from "@/lib/testing/attachment-fixtures";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";

let org: TestOrg;

beforeAll(async () => {
  org = await createTestOrg("Send now");
  await api("POST", "/api/v1/leads", {
    token: org.members.owner.token,
    body: { firstName: "Nora", email: "nora@send-now.example" },
  });
});

interface Listed {
  id: string;
  subject: string;
  to: string;
  attachments: { filename: string; contentType: string; downloadUrl: string }[];
}

async function outboxFor(name: string): Promise<Listed[]> {
  const res = await api("GET", `/api/v1/email-outbox?perPage=100&q=${encodeURIComponent(name)}`, {
    token: org.members.owner.token,
  });
  return res.json.data;
}

describe("POST /reports/{id}/send", () => {
  it("queues the schedule's email with the report attached, and leaves the schedule to run", async () => {
    const report = await scheduledReport(org);
    const sent = await api("POST", `/api/v1/reports/${report.id}/send`, {
      token: org.members.owner.token,
    });
    expect(sent.status).toBe(202);
    expect(sent.json).toEqual({ emails: 1 });

    const [mail] = await outboxFor(report.name);
    expect(mail!.subject).toBe(`${report.name} — weekly report`);
    expect(mail!.to).toBe(org.members.owner.email);
    const today = new Date().toISOString().slice(0, 10);
    expect(mail!.attachments).toEqual([
      expect.objectContaining({
        filename: `${report.name.toLowerCase().replace(/ /g, "-")}-${today}.csv`,
        contentType: "text/csv; charset=utf-8",
      }),
    ]);
    const file = await api("GET", mail!.attachments[0]!.downloadUrl, {
      token: org.members.owner.token,
    });
    const rows = parse(file.text.replace(/^\uFEFF/, "")) as string[][];
    expect(rows[0]).toEqual(["Status", "Leads"]);
    expect(rows.find((r) => r[0] === "New")?.[1]).toBe("1");

    // Each call is a send of its own; the schedule's own run still goes out this period.
    await api("POST", `/api/v1/reports/${report.id}/send`, { token: org.members.owner.token });
    expect(await outboxFor(report.name)).toHaveLength(2);
    await sendScheduledReports(await getDb());
    expect(await outboxFor(report.name)).toHaveLength(3);
  });

  it("refuses a report without a schedule (422) and others' reports to non-admins (403)", async () => {
    const unscheduled = await api("POST", "/api/v1/reports", {
      token: org.members.owner.token,
      body: {
        name: "No schedule",
        definition: { dataset: "leads", dimensions: ["status"], metrics: ["count"] },
      },
    });
    const refused = await api("POST", `/api/v1/reports/${unscheduled.json.id}/send`, {
      token: org.members.owner.token,
    });
    expect(refused.status).toBe(422);
    expect(refused.json.code).toBe("unprocessable");

    const owners = await scheduledReport(org);
    const byRep = await api("POST", `/api/v1/reports/${owners.id}/send`, {
      token: org.members.rep.token,
    });
    expect(byRep.status).toBe(403);
    expect(await outboxFor(owners.name)).toEqual([]);
  });
});
