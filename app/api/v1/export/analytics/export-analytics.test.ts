import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { REPORT_PERIOD, seedReportDataset } from "@/lib/reports/report-test-dataset";
import { GET } from "./route";

let org: TestOrg;

beforeAll(async () => {
  org = await createTestOrg("Export");
  await seedReportDataset(org);
});

async function download(token: string, query: string) {
  const req = new Request(`http://localhost:3000/api/v1/export/analytics?${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const res = await GET(req, { params: Promise.resolve({}) });
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

const period = `from=${REPORT_PERIOD.from}&to=${REPORT_PERIOD.to}`;

describe("GET /api/v1/export/analytics", () => {
  it("sources as CSV: the rows and totals of the view, in the caller's scope", async () => {
    const { res, bytes } = await download(org.members.owner.token, `report=sources&${period}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="analytics-sources-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const rows = parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, "")) as string[][];
    expect(rows).toEqual([
      ["Source", "Leads", "Won", "Won share (won ÷ leads)"],
      ["Referral", "2", "1", "0.5"],
      ["Website", "2", "1", "0.5"],
      ["(none)", "1", "0", "0"],
      ["Total", "5", "2", "0.4"],
    ]);
    const asRep = await download(org.members.rep.token, `report=sources&${period}`);
    const repRows = parse(new TextDecoder().decode(asRep.bytes).replace(/^\uFEFF/, ""));
    expect(repRows).toEqual([
      ["Source", "Leads", "Won", "Won share (won ÷ leads)"],
      ["Website", "2", "1", "0.5"],
      ["Total", "2", "1", "0.5"],
    ]);
  });

  it("revenue as XLSX and pipeline as PDF open", async () => {
    const xlsx = await download(org.members.owner.token, `report=revenue&format=xlsx&${period}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes.buffer as ArrayBuffer);
    const values = workbook.worksheets[0]!.getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1));
    // Won in March: L1 (1,000 USD) and L4 (3,000 EUR, apart).
    expect(values.slice(0, 3)).toEqual([
      ["Won (month)", "Won deals", "Won value", "Average value"],
      ["2026-03-01", 2, 1000, 1000],
      ["Total", 2, 1000, 1000],
    ]);
    const pdf = await download(org.members.owner.token, `report=pipeline&format=pdf&${period}`);
    expect(pdf.res.headers.get("content-type")).toBe("application/pdf");
    expect((await PDFDocument.load(pdf.bytes)).getPageCount()).toBe(1);
  });

  it("the KPIs by default; an unknown view or format is a 400", async () => {
    const kpis = await download(org.members.owner.token, period);
    expect(parse(new TextDecoder().decode(kpis.bytes).replace(/^\uFEFF/, ""))).toEqual([
      ["Leads", "Contacted", "Won", "Won share (won ÷ leads)", "Average score"],
      ["5", "0", "2", "0.4", "32"],
    ]);
    for (const q of ["report=users", "report=sources&format=docx", "report=sources&x=1"]) {
      expect((await download(org.members.owner.token, q)).res.status).toBe(400);
    }
  });
});
