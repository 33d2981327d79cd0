import { beforeAll, describe, expect, it } from "vitest";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { REPORT_CATALOG, REPORT_DATASETS } from "./report-catalog";
import { reportDefinitionSchema, type ReportDefinitionInput } from "./report-definition";
import { REPORT_SQL } from "./report-sql";
import { generateReport } from "./generate-report";
import { REPORT_NOW, REPORT_PERIOD, seedReportDataset } from "./report-test-dataset";

let org: TestOrg;

beforeAll(async () => {
  org = await createTestOrg("Reports");
  await seedReportDataset(org);
});

function run(
  input: Omit<ReportDefinitionInput, "period">,
  role: Parameters<TestOrg["ctx"]>[0] = "owner",
) {
  const definition = reportDefinitionSchema.parse({ period: REPORT_PERIOD, ...input });
  return generateReport(org.ctx(role), definition, REPORT_NOW);
}

describe("report registry", () => {
  it("has SQL for exactly the catalog's dimensions and metrics", () => {
    for (const dataset of REPORT_DATASETS) {
      expect(Object.keys(REPORT_SQL[dataset].dimensions).sort()).toEqual(
        Object.keys(REPORT_CATALOG[dataset].dimensions).sort(),
      );
      expect(Object.keys(REPORT_SQL[dataset].metrics).sort()).toEqual(
        Object.keys(REPORT_CATALOG[dataset].metrics).sort(),
      );
    }
  });
});

describe("generateReport", () => {
  it("leads by source: counts, won and won share, with labels and machine values", async () => {
    const result = await run({
      dataset: "leads",
      dimensions: ["source"],
      metrics: ["count", "won", "win_rate"],
    });
    expect(result.columns.map((c) => [c.key, c.type, c.role])).toEqual([
      ["source", "string", "dimension"],
      ["count", "integer", "metric"],
      ["won", "integer", "metric"],
      ["win_rate", "ratio", "metric"],
    ]);
    expect(result.rows).toEqual([
      { source: "Referral", sourceValue: "referral", count: 2, won: 1, win_rate: 0.5 },
      { source: "Website", sourceValue: "website", count: 2, won: 1, win_rate: 0.5 },
      { source: "(none)", sourceValue: null, count: 1, won: 0, win_rate: 0 },
    ]);
    expect(result.totals).toEqual({ count: 5, won: 2, win_rate: 0.4 });
    expect(result.truncated).toBe(false);
    expect(result.period.from).toBe("2026-03-01T00:00:00.000Z");
    expect(result.period.to).toBe("2026-03-11T00:00:00.000Z");
  });

  it("deals by owner: sums, medians and won value in the organization currency, EUR apart", async () => {
    const result = await run({
      dataset: "deals",
      dimensions: ["owner"],
      metrics: ["count", "sum_value", "median_value", "won_value", "win_rate"],
      sort: { by: "sum_value", direction: "desc" },
    });
    expect(result.currency).toBe("USD");
    expect(result.rows).toEqual([
      {
        owner: "Reports rep2",
        ownerValue: org.members.rep2.id,
        count: 2,
        sum_value: 2000,
        median_value: 2000,
        won_value: 0,
        win_rate: 1,
      },
      {
        owner: "Reports rep",
        ownerValue: org.members.rep.id,
        count: 2,
        sum_value: 1500,
        median_value: 750,
        won_value: 1000,
        win_rate: 0.5,
      },
    ]);
    expect(result.totals).toEqual({
      count: 4,
      sum_value: 3500,
      median_value: 1000,
      won_value: 1000,
      win_rate: 2 / 3,
    });
    expect(result.byCurrency).toEqual([{ currency: "EUR", amount: 3000 }]);
  });

  it("deals grouped by currency sum each currency on its own", async () => {
    const result = await run({
      dataset: "deals",
      dimensions: ["currency"],
      metrics: ["count", "sum_value"],
    });
    expect(result.rows).toEqual([
      { currency: "USD", currencyValue: "USD", count: 3, sum_value: 3500 },
      { currency: "EUR", currencyValue: "EUR", count: 1, sum_value: 3000 },
    ]);
    expect(result.byCurrency).toEqual([]);
  });

  it("messages by channel: sent, human replies and the reply rate per lead", async () => {
    const result = await run({
      dataset: "messages",
      dimensions: ["channel"],
      metrics: ["count", "outbound", "replies", "reply_rate", "distinct_leads"],
    });
    expect(result.rows).toEqual([
      {
        channel: "Email",
        channelValue: "email",
        count: 4,
        outbound: 2,
        replies: 1,
        reply_rate: 0.5,
        distinct_leads: 2,
      },
      {
        channel: "Sms",
        channelValue: "sms",
        count: 1,
        outbound: 1,
        replies: 0,
        reply_rate: 0,
        distinct_leads: 1,
      },
    ]);
    expect(result.totals.reply_rate).toBeCloseTo(1 / 3, 10);
  });

  it("activities by kind and by ISO week", async () => {
    const byKind = await run({
      dataset: "activities",
      dimensions: ["kind"],
      metrics: ["count", "total_duration", "avg_duration", "members"],
    });
    expect(byKind.rows).toEqual([
      {
        kind: "Call",
        kindValue: "call",
        count: 2,
        total_duration: 180,
        avg_duration: 90,
        members: 1,
      },
      {
        kind: "Email",
        kindValue: "email",
        count: 1,
        total_duration: 0,
        avg_duration: null,
        members: 1,
      },
      {
        kind: "Login",
        kindValue: "login",
        count: 1,
        total_duration: 0,
        avg_duration: null,
        members: 1,
      },
    ]);
    const byWeek = await run({
      dataset: "activities",
      dimensions: ["occurred_week", "member"],
      metrics: ["count"],
    });
    expect(byWeek.rows.map((r) => [r.occurred_week, r.memberValue, r.count])).toEqual(
      [
        ["2026-03-02", org.members.rep.id, 2],
        ["2026-03-02", org.members.rep2.id, 1],
        ["2026-03-09", org.members.rep.id, 1],
      ].sort(
        (a, b) =>
          String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1])),
      ),
    );
  });

  it("filters on whitelisted fields (eq and in) and by the analytics scope", async () => {
    const closed = await run({
      dataset: "leads",
      metrics: ["count"],
      filters: [{ field: "status", op: "in", value: ["won", "lost"] }],
    });
    expect(closed.rows).toEqual([{ count: 3 }]);
    const website = await run({
      dataset: "leads",
      metrics: ["count"],
      filters: [{ field: "source", value: "website" }],
    });
    expect(website.totals).toEqual({ count: 2 });
    const rep2Only = reportDefinitionSchema.parse({
      dataset: "deals",
      metrics: ["count"],
      period: { ...REPORT_PERIOD, ownerId: [org.members.rep2.id] },
    });
    expect((await generateReport(org.ctx("owner"), rep2Only, REPORT_NOW)).totals).toEqual({
      count: 2,
    });
  });

  it("a rep sees only their own rows, a manager their team's", async () => {
    const def = { dataset: "leads" as const, dimensions: ["owner"], metrics: ["count"] };
    const asRep = await run(def, "rep");
    expect(asRep.rows.map((r) => [r.ownerValue, r.count])).toEqual([[org.members.rep.id, 2]]);
    const asManager = await run(def, "manager");
    expect(asManager.totals).toEqual({ count: 4 });
    // Asking for someone else's numbers yields none rather than theirs.
    const stolen = reportDefinitionSchema.parse({
      ...def,
      period: { ...REPORT_PERIOD, ownerId: [org.members.rep2.id] },
    });
    expect((await generateReport(org.ctx("rep"), stolen, REPORT_NOW)).rows).toEqual([]);
    const activities = await run({ dataset: "activities", metrics: ["count"] }, "rep2");
    expect(activities.totals).toEqual({ count: 1 });
  });

  it("limits rows and says so", async () => {
    const result = await run({
      dataset: "leads",
      dimensions: ["created_day"],
      metrics: ["count"],
      limit: 2,
    });
    expect(result.rows.map((r) => [r.created_day, r.count])).toEqual([
      ["2026-03-02", 2],
      ["2026-03-03", 1],
    ]);
    expect(result.truncated).toBe(true);
  });

  it("treats injection attempts in values as plain data", async () => {
    const evil = "'; drop table leads; --";
    const result = await run({
      dataset: "leads",
      dimensions: ["source"],
      metrics: ["count"],
      filters: [
        { field: "source", op: "in", value: [evil, "website') or (1=1"] },
        { field: "status", value: `won" or "1"="1` },
      ],
    });
    expect(result.rows).toEqual([]);
    const scoped = reportDefinitionSchema.parse({
      dataset: "leads",
      metrics: ["count"],
      period: { ...REPORT_PERIOD, source: [evil], ownerId: ["x' or '1'='1"] },
    });
    expect((await generateReport(org.ctx("owner"), scoped, REPORT_NOW)).totals).toEqual({
      count: 0,
    });
    // Still there, still whole.
    expect((await run({ dataset: "leads", metrics: ["count"] })).totals).toEqual({ count: 5 });
  });

  it("rejects names outside the registry", () => {
    const bad = [
      { dataset: "users", metrics: ["count"] },
      { dataset: "leads", metrics: ["count; drop table leads"] },
      { dataset: "leads", metrics: ["count"], dimensions: ["password_hash"] },
      { dataset: "leads", metrics: ["count"], dimensions: ["channel"] },
      { dataset: "leads", metrics: ["count"], filters: [{ field: "email", value: "a" }] },
      { dataset: "leads", metrics: ["count"], filters: [{ field: "created_day", value: "a" }] },
      { dataset: "leads", metrics: ["count"], sort: { by: "won" } },
      { dataset: "leads", metrics: ["count"], limit: 1001 },
      { dataset: "leads", metrics: ["count"], dimensions: ["status", "source", "owner"] },
      { dataset: "leads", metrics: ["count"], sql: "select 1" },
    ];
    for (const input of bad) expect(reportDefinitionSchema.safeParse(input).success).toBe(false);
  });
});
