import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { PDFDocument } from "pdf-lib";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLogs, leads } from "@/db/schema";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { REPORT_PERIOD, seedReportDataset } from "@/lib/reports/report-test-dataset";
import { GET as exportRoute } from "./[id]/export/route";

let org: TestOrg;
let other: TestOrg;

const definition = {
  dataset: "leads",
  dimensions: ["source"],
  metrics: ["count", "won"],
  period: REPORT_PERIOD,
};

beforeAll(async () => {
  org = await createTestOrg("Reports API");
  other = await createTestOrg("Other");
  await seedReportDataset(org);
});

/** The export route called directly, so binary bodies (XLSX, PDF) arrive intact. */
async function download(token: string, id: string, format: string) {
  const req = new Request(`http://localhost:3000/api/v1/reports/${id}/export?format=${format}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const res = await exportRoute(req, { params: Promise.resolve({ id }) });
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe("POST /api/v1/reports/generate", () => {
  it("answers the table for a definition (period relative to today: counts from the data)", async () => {
    const res = await api("POST", "/api/v1/reports/generate", {
      token: org.members.owner.token,
      body: { definition: { ...definition, period: { from: "2026-03-01", to: "2026-03-10" } } },
    });
    expect(res.status).toBe(200);
    expect(res.json.rows).toEqual([
      { source: "Referral", sourceValue: "referral", count: 2, won: 1 },
      { source: "Website", sourceValue: "website", count: 2, won: 1 },
      { source: "(none)", sourceValue: null, count: 1, won: 0 },
    ]);
    expect(res.json.totals).toEqual({ count: 5, won: 2 });
    expect(res.json.columns[0]).toEqual({
      key: "source",
      label: "Source",
      type: "string",
      role: "dimension",
      valueKey: "sourceValue",
    });
  });

  it("a rep's report counts only the rep's leads; an API key sees the organization", async () => {
    const asRep = await api("POST", "/api/v1/reports/generate", {
      token: org.members.rep.token,
      body: { definition },
    });
    expect(asRep.json.totals).toEqual({ count: 2, won: 1 });
    const asKey = await api("POST", "/api/v1/reports/generate", {
      token: org.keys.integration.secret,
      body: { definition },
    });
    expect(asKey.json.totals).toEqual({ count: 5, won: 2 });
    const otherOrg = await api("POST", "/api/v1/reports/generate", {
      token: other.members.owner.token,
      body: { definition },
    });
    expect(otherOrg.json.totals).toEqual({ count: 0, won: 0 });
  });

  it.each([
    ["dataset", { ...definition, dataset: "users" }, "definition.dataset"],
    ["dimension", { ...definition, dimensions: ["password_hash"] }, "definition.dimensions[0]"],
    ["metric", { ...definition, metrics: ["sum(deal_value)"] }, "definition.metrics[0]"],
    [
      "filter field",
      { ...definition, filters: [{ field: "email", value: "a@b.c" }] },
      "definition.filters[0].field",
    ],
    ["sort", { ...definition, sort: { by: "1; drop table leads" } }, "definition.sort.by"],
    ["limit", { ...definition, limit: 5000 }, "definition.limit"],
    ["extra key", { ...definition, sql: "select * from users" }, "definition.sql"],
  ])("an unknown %s is a 400 problem naming it", async (_what, bad, path) => {
    const res = await api("POST", "/api/v1/reports/generate", {
      token: org.members.owner.token,
      body: { definition: bad },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.json.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it("injection in every string position is refused by name or inert as a value", async () => {
    const evil = "x'); delete from leads; --";
    for (const body of [
      { ...definition, dataset: evil },
      { ...definition, dimensions: [evil] },
      { ...definition, metrics: [evil] },
      { ...definition, filters: [{ field: evil, value: "a" }] },
      { ...definition, sort: { by: evil } },
    ]) {
      const res = await api("POST", "/api/v1/reports/generate", {
        token: org.members.owner.token,
        body: { definition: body },
      });
      expect(res.status).toBe(400);
    }
    for (const body of [
      { ...definition, filters: [{ field: "source", value: evil }] },
      { ...definition, filters: [{ field: "industry", op: "in", value: [evil, "' or 1=1 --"] }] },
      { ...definition, period: { ...REPORT_PERIOD, source: evil } },
      { ...definition, period: { ...REPORT_PERIOD, ownerId: evil } },
    ]) {
      const res = await api("POST", "/api/v1/reports/generate", {
        token: org.members.owner.token,
        body: { definition: body },
      });
      expect(res.status).toBe(200);
      expect(res.json.rows).toEqual([]);
    }
    const db = await getDb();
    expect((await db.select().from(leads).where(eq(leads.organizationId, org.id))).length).toBe(7);
  });
});

describe("saved reports", () => {
  it("create, read, list (keyset), update with a schedule, delete", async () => {
    const token = org.members.manager.token;
    const ids: string[] = [];
    for (const name of ["First", "Second", "Third"]) {
      const res = await api("POST", "/api/v1/reports", {
        token,
        body: { name, definition },
      });
      expect(res.status).toBe(201);
      expect(res.json.definition).toMatchObject({ ...definition, limit: 100, chart: "table" });
      expect(res.json.schedule).toEqual({
        frequency: null,
        format: "csv",
        recipientIds: [],
        lastSentAt: null,
      });
      ids.push(res.json.id);
    }
    const page1 = await api("GET", "/api/v1/reports?limit=2", { token });
    expect(page1.json.data.map((r: { name: string }) => r.name)).toEqual(["Third", "Second"]);
    const page2 = await api("GET", `/api/v1/reports?limit=2&cursor=${page1.json.nextCursor}`, {
      token,
    });
    expect(page2.json.data.map((r: { name: string }) => r.name)).toEqual(["First"]);
    expect(page2.json.nextCursor).toBeNull();
    expect((await api("GET", "/api/v1/reports?cursor=nonsense", { token })).status).toBe(400);

    const put = await api("PUT", `/api/v1/reports/${ids[0]}`, {
      token,
      body: {
        name: "First, weekly",
        schedule: {
          frequency: "weekly",
          format: "xlsx",
          recipientIds: [org.members.rep.id, org.members.owner.id],
        },
      },
    });
    expect(put.status).toBe(200);
    expect(put.json.name).toBe("First, weekly");
    expect(put.json.schedule).toMatchObject({
      frequency: "weekly",
      format: "xlsx",
      recipientIds: [org.members.rep.id, org.members.owner.id],
    });
    const outsider = await api("PUT", `/api/v1/reports/${ids[0]}`, {
      token,
      body: {
        schedule: {
          frequency: "daily",
          recipientIds: [org.members.rep.id, other.members.owner.id],
        },
      },
    });
    expect(outsider.status).toBe(400);
    expect(outsider.json.errors).toEqual([
      { path: "schedule.recipientIds[1]", message: "Not a member of the organization" },
    ]);
    // Someone else's report: readable, not changeable by a rep.
    expect(
      (await api("GET", `/api/v1/reports/${ids[0]}`, { token: org.members.rep.token })).status,
    ).toBe(200);
    expect(
      (await api("DELETE", `/api/v1/reports/${ids[0]}`, { token: org.members.rep.token })).status,
    ).toBe(403);
    expect((await api("DELETE", `/api/v1/reports/${ids[1]}`, { token })).status).toBe(204);
    expect((await api("GET", `/api/v1/reports/${ids[1]}`, { token })).status).toBe(404);
  });

  it("another organization's report is a 404 for every operation", async () => {
    const mine = await api("POST", "/api/v1/reports", {
      token: org.members.owner.token,
      body: { name: "Private", definition },
    });
    const id = mine.json.id as string;
    const token = other.members.owner.token;
    expect((await api("GET", `/api/v1/reports/${id}`, { token })).status).toBe(404);
    expect(
      (await api("PUT", `/api/v1/reports/${id}`, { token, body: { name: "Mine now" } })).status,
    ).toBe(404);
    expect((await api("DELETE", `/api/v1/reports/${id}`, { token })).status).toBe(404);
    expect((await download(token, id, "csv")).res.status).toBe(404);
    const list = await api("GET", "/api/v1/reports", { token });
    expect(list.json.data.map((r: { id: string }) => r.id)).not.toContain(id);
  });
});

describe("GET /api/v1/reports/{id}/export", () => {
  let id: string;
  beforeAll(async () => {
    const res = await api("POST", "/api/v1/reports", {
      token: org.members.owner.token,
      body: { name: "=Sources (March)", definition },
    });
    id = res.json.id;
    // A label a spreadsheet would run as a formula.
    const db = await getDb();
    await db.insert(leads).values({
      organizationId: org.id,
      displayName: "Formula",
      source: '=HYPERLINK("http://evil")',
      status: "new",
      createdAt: new Date("2026-03-05T09:00:00Z"),
    });
  });

  it("CSV: parses, has the rows and totals, formulas neutralised", async () => {
    const { res, bytes } = await download(org.members.owner.token, id, "csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="sources-march-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, "");
    const rows = parse(text) as string[][];
    expect(rows).toEqual([
      ["Source", "Leads", "Won"],
      ["Referral", "2", "1"],
      ["Website", "2", "1"],
      ['\'=HYPERLINK("http://evil")', "1", "0"],
      ["(none)", "1", "0"],
      ["Total", "6", "2"],
    ]);
    const db = await getDb();
    const audits = await db.select().from(auditLogs).where(eq(auditLogs.resourceId, id));
    expect(audits.map((a) => a.action)).toContain("report.exported");
  });

  it("XLSX: opens with exceljs and holds the rows", async () => {
    const { res, bytes } = await download(org.members.owner.token, id, "xlsx");
    expect(res.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(res.headers.get("content-disposition")).toMatch(/\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const values = sheet
      .getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1));
    expect(values.slice(0, 6)).toEqual([
      ["Source", "Leads", "Won"],
      ["Referral", 2, 1],
      ["Website", 2, 1],
      ['=HYPERLINK("http://evil")', 1, 0],
      ["(none)", 1, 0],
      ["Total", 6, 2],
    ]);
    // Text, never a formula cell.
    expect(sheet.getCell("A4").type).toBe(ExcelJS.ValueType.String);
  });

  it("PDF: starts with %PDF and has a page", async () => {
    const { res, bytes } = await download(org.members.owner.token, id, "pdf");
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getTitle()).toBe("=Sources (March)");
  });

  it("a bad format is a 400", async () => {
    const { res } = await download(org.members.owner.token, id, "docx");
    expect(res.status).toBe(400);
  });
});
