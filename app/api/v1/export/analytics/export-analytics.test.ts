import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { PERIOD, seedAnalyticsData } from "@/lib/analytics/analytics-test-data";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, type TestMember, type TestOrg } from "@/lib/testing/fixtures";
import { GET } from "./route";

let org: TestOrg;

beforeAll(async () => {
  org = await createTestOrg("Export");
  await seedAnalyticsData(org);
});

async function download(token: string, query: string) {
  const req = new Request(`http://localhost:3000/api/v1/export/analytics?${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const res = await GET(req, { params: Promise.resolve({}) });
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

async function csvRows(member: TestMember, query: string): Promise<string[][]> {
  const { res, bytes } = await download(member.token, `${query}&format=csv`);
  expect(res.status, query).toBe(200);
  return parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ""));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the API's JSON, read field by field
type Json = any;

async function apiJson(member: TestMember, path: string): Promise<Json> {
  const res = await api("GET", path, { token: member.token });
  expect(res.status, path).toBe(200);
  return res.json;
}

/** A JSON value as the CSV writes it: numbers as JavaScript prints them, nothing for null. */
const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));
type Money = { currency: string; amount: number }[] | undefined;
const others = (list: Money) => (list ?? []).map((c) => `${c.currency} ${c.amount}`).join(", ");
const line = (...cells: unknown[]) => cells.map(text);

const filters = `from=${PERIOD.from}&to=${PERIOD.to}`;

/**
 * Per view: the endpoint the analytics screens read, and the CSV lines its JSON must give — the
 * file has to say what the API says for the same query and caller.
 */
const VIEWS = {
  kpis: {
    path: "/api/v1/analytics/kpis",
    lines: (j: Json) =>
      j.kpis.map((k: Json) =>
        line(k.label, k.unit, k.value, k.previous, k.change, others(k.byCurrency)),
      ),
  },
  sources: {
    path: "/api/v1/analytics/leads/sources",
    lines: (j: Json) => [
      ...j.rows.map((r: Json) =>
        line(
          r.label,
          r.count,
          r.share,
          r.contacted,
          r.qualified,
          r.won,
          r.lost,
          r.winRate,
          r.conversionRate,
          r.revenue,
          others(r.byCurrency),
        ),
      ),
      line("Total", j.total, ...Array(9).fill(null)),
    ],
  },
  revenue: {
    path: "/api/v1/analytics/revenue",
    lines: (j: Json) => [
      ...j.series.map((s: Json) => line(s.bucket, s.count, s.amount)),
      line("Total", j.wonCount, j.total),
    ],
  },
  salespeople: {
    path: "/api/v1/reports/salesperson-report",
    lines: (j: Json) =>
      j.members.map((m: Json) =>
        line(
          m.name,
          m.email,
          m.leadsAssigned,
          m.contacted,
          m.converted,
          m.conversionRate,
          m.won,
          m.wonValue,
          m.averageDealValue,
          m.pipelineValue,
          m.openDeals,
          m.medianResponseSeconds,
          m.repliesAnswered,
          m.calls,
          m.emails,
          others(m.wonByCurrency),
        ),
      ),
  },
  status: {
    path: "/api/v1/analytics/leads/status",
    lines: (j: Json) => [
      ...j.rows.map((r: Json) => line(r.label, r.category, r.count, r.share, r.entered)),
      line("Total", null, j.total, null, null),
    ],
  },
  timeline: {
    path: "/api/v1/analytics/leads/timeline",
    lines: (j: Json) => [
      ...j.series.map((s: Json) => line(s.bucket, s.count)),
      line("Total", j.total),
    ],
  },
  pipeline: {
    path: "/api/v1/analytics/dashboard",
    lines: (j: Json) =>
      j.pipeline.map((p: Json) => line(p.label, p.count, p.amount, others(p.byCurrency))),
  },
  campaigns: {
    path: "/api/v1/analytics/campaigns",
    lines: (j: Json) => {
      const metrics = (c: Json) => [
        c.recipients,
        c.sent,
        c.delivered,
        c.opened,
        c.clicked,
        c.replied,
        c.bounced,
        c.unsubscribed,
        c.deliveryRate,
        c.openRate,
        c.clickRate,
        c.replyRate,
        c.bounceRate,
        c.unsubscribeRate,
        c.meetings,
        c.won,
        c.winRate,
        c.cost,
        c.revenue,
        c.roi,
      ];
      return [
        ...j.campaigns.map((c: Json) => line(c.name, c.status, c.launchedAt, ...metrics(c))),
        line("Total", null, null, ...metrics(j.totals)),
      ];
    },
  },
  "email-performance": {
    path: "/api/v1/analytics/email-performance",
    lines: (j: Json) => {
      const metrics = (c: Json) => [
        c.sent,
        c.opened,
        c.clicked,
        c.replied,
        c.bounced,
        c.openRate,
        c.clickRate,
        c.replyRate,
      ];
      return [
        ...j.byStep.map((s: Json) => line(s.label, ...metrics(s))),
        line("Total", ...metrics(j.totals)),
      ];
    },
  },
  activity: {
    path: "/api/v1/reports/activity-report",
    lines: (j: Json) => {
      const counts = (c: Json) => [c.logins, c.calls, c.emails, c.followUps, c.meetings, c.notes];
      return [
        ...j.members.flatMap((m: Json) =>
          m.series.map((b: Json) => line(m.name, b.bucket, ...counts(b))),
        ),
        line("Total", null, ...counts(j.totals)),
      ];
    },
  },
} as const;

async function expectSameAsApi(report: keyof typeof VIEWS, member: TestMember, query: string) {
  const view = VIEWS[report];
  const [rows, json] = await Promise.all([
    csvRows(member, `report=${report}&${query}`),
    apiJson(member, `${view.path}?${query}`),
  ]);
  expect(rows.slice(1), `${report} as ${member.role}`).toEqual(view.lines(json));
  return rows;
}

describe("GET /api/v1/export/analytics", () => {
  it("each view's CSV holds what its analytics endpoint answers for the same query", async () => {
    const owner = org.members.owner;
    const kpis = await expectSameAsApi("kpis", owner, filters);
    expect(kpis[0]).toEqual([
      "Indicator",
      "Unit",
      "Value",
      "Previous period",
      "Change",
      "Other currencies",
    ]);
    // Not two empty answers agreeing: the KPI list itself, with the dataset's numbers.
    expect(kpis.slice(1).map((r) => r[0])).toContain("Speed to lead");
    expect(kpis.find((r) => r[0] === "New leads")![2]).toBe("4");
    const sources = await expectSameAsApi("sources", owner, filters);
    expect(sources.at(-1)!.slice(0, 2)).toEqual(["Total", "4"]);
    const revenue = await expectSameAsApi("revenue", owner, `${filters}&interval=week`);
    expect(revenue.at(-1)).toEqual(["Total", "2", "3500"]);
    const people = await expectSameAsApi("salespeople", owner, filters);
    expect(people.length).toBeGreaterThan(2);
    const campaigns = await expectSameAsApi("campaigns", owner, filters);
    expect(campaigns.length).toBeGreaterThan(2);
    for (const report of [
      "status",
      "timeline",
      "pipeline",
      "activity",
      "email-performance",
    ] as const) {
      await expectSameAsApi(report, owner, filters);
    }
    // Filters reach the view as they reach the endpoint.
    await expectSameAsApi("sources", owner, `${filters}&source=website`);
    await expectSameAsApi("salespeople", owner, `${filters}&ownerId=${org.members.rep.id}`);
  });

  it("a rep's file holds the rep's numbers, as the API shows them to the rep", async () => {
    const rep = org.members.rep;
    for (const report of ["kpis", "sources", "revenue", "salespeople"] as const) {
      await expectSameAsApi(report, rep, filters);
    }
    const people = await csvRows(rep, `report=salespeople&${filters}`);
    expect(people.slice(1).map((r) => r[1])).toEqual([rep.email]);
    const everyone = await csvRows(org.members.owner, `report=sources&${filters}`);
    const mine = await csvRows(rep, `report=sources&${filters}`);
    expect(Number(mine.at(-1)![1])).toBeLessThan(Number(everyone.at(-1)![1]));
  });

  it("XLSX and PDF open and hold the same numbers", async () => {
    const owner = org.members.owner;
    const xlsx = await download(owner.token, `report=revenue&format=xlsx&${filters}`);
    expect(xlsx.res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="analytics-revenue-\d{4}-\d{2}-\d{2}\.xlsx"$/,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes.buffer as ArrayBuffer);
    const values = workbook.worksheets[0]!.getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1));
    const json = await apiJson(owner, `/api/v1/analytics/revenue?${filters}`);
    expect(values[0]).toEqual(["Period (day)", "Won deals", "Revenue"]);
    expect(values.slice(1, json.series.length + 2)).toEqual([
      ...json.series.map((s: { bucket: string; count: number; amount: number }) => [
        s.bucket,
        s.count,
        s.amount,
      ]),
      ["Total", json.wonCount, json.total],
    ]);
    const pdf = await download(owner.token, `report=campaigns&format=pdf&${filters}`);
    expect(pdf.res.headers.get("content-type")).toBe("application/pdf");
    expect((await PDFDocument.load(pdf.bytes)).getPageCount()).toBe(1);
  });

  it("the KPIs by default; an unknown view, format or parameter is a 400", async () => {
    const bare = await download(org.members.owner.token, filters);
    expect(bare.res.headers.get("content-disposition")).toContain("analytics-kpis-");
    for (const q of ["report=users", "report=sources&format=docx", "report=sources&x=1"]) {
      expect((await download(org.members.owner.token, q)).res.status).toBe(400);
    }
  });
});
