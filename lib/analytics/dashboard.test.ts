import { beforeAll, describe, expect, it } from "vitest";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { analyticsQuery } from "./analytics-filters";
import { NOW, PERIOD, seedAnalyticsData, seedForeignData } from "./analytics-test-data";
import { getConversion } from "./conversion-funnel";
import { getDashboard } from "./dashboard";
import type { Kpi, KpiKey } from "./dashboard-schemas";
import { getKpis } from "./kpis";

let org: TestOrg;
const q = (extra: Record<string, string> = {}) => analyticsQuery.parse({ ...PERIOD, ...extra });

beforeAll(async () => {
  org = await createTestOrg("Analytics");
  await seedAnalyticsData(org);
  const other = await createTestOrg("Foreign");
  await seedForeignData(other);
});

function byKey(kpis: Kpi[]) {
  return Object.fromEntries(kpis.map((k) => [k.key, k])) as Record<KpiKey, Kpi>;
}

describe("KPIs", () => {
  it("gives every KPI, its previous value and change for an admin (the whole organization)", async () => {
    const res = await getKpis(org.ctx("admin"), q(), NOW);
    expect(res.period).toEqual({
      from: "2026-03-01T00:00:00.000Z",
      to: "2026-03-11T00:00:00.000Z",
      previousFrom: "2026-02-19T00:00:00.000Z",
      previousTo: "2026-03-01T00:00:00.000Z",
    });
    expect(res.currency).toBe("USD");
    const k = byKey(res.kpis);
    expect(k.new_leads).toMatchObject({ value: 4, previous: 2, change: 1 });
    expect(k.contacted).toMatchObject({ value: 3, previous: 1, change: 2 });
    expect(k.reply_rate.value).toBeCloseTo(1 / 3, 10);
    expect(k.reply_rate.previous).toBe(1);
    expect(k.reply_rate.change).toBeCloseTo(-2 / 3, 10);
    expect(k.qualified).toMatchObject({ value: 2, previous: 0, change: null });
    expect(k.won).toMatchObject({ value: 2, previous: 1, change: 1 });
    expect(k.revenue).toMatchObject({ value: 3500, previous: 800, change: 3.375, byCurrency: [] });
    expect(k.pipeline_value).toMatchObject({
      value: 300,
      previous: null,
      change: null,
      byCurrency: [{ currency: "EUR", amount: 2000 }],
    });
    expect(k.avg_deal_value).toMatchObject({ value: 1750, previous: 800, change: 1.1875 });
    expect(k.win_rate.value).toBeCloseTo(2 / 3, 10);
    expect(k.win_rate.previous).toBe(1);
    expect(k.speed_to_lead).toMatchObject({ value: 7200, previous: 86400 });
    expect(k.speed_to_lead.change).toBeCloseTo((7200 - 86400) / 86400, 10);
  });

  it("gives a rep only their own numbers", async () => {
    const k = byKey((await getKpis(org.ctx("rep"), q(), NOW)).kpis);
    expect(k.new_leads).toMatchObject({ value: 2, previous: 1 });
    expect(k.contacted).toMatchObject({ value: 1, previous: 1 });
    expect(k.reply_rate.value).toBe(1);
    expect(k.won).toMatchObject({ value: 2, previous: 0 });
    expect(k.revenue).toMatchObject({ value: 3500, previous: 0 });
    expect(k.pipeline_value).toMatchObject({ value: 300, byCurrency: [] });
    expect(k.win_rate.value).toBe(1);
    expect(k.speed_to_lead.value).toBe(3600);
  });

  it("gives a manager their team's numbers, and narrows an owner filter to it", async () => {
    const k = byKey((await getKpis(org.ctx("manager"), q(), NOW)).kpis);
    expect(k.new_leads).toMatchObject({ value: 3, previous: 2 });
    expect(k.won).toMatchObject({ value: 2, previous: 1 });
    expect(k.win_rate.value).toBeCloseTo(2 / 3, 10);
    expect(k.speed_to_lead.value).toBe(5400);
    const admins = byKey(
      (await getKpis(org.ctx("manager"), q({ ownerId: org.members.admin.id }), NOW)).kpis,
    );
    expect(admins.new_leads.value).toBe(0);
    const rep2 = byKey(
      (await getKpis(org.ctx("owner"), q({ ownerId: org.members.rep2.id }), NOW)).kpis,
    );
    expect(rep2.new_leads.value).toBe(1);
    expect(rep2.won).toMatchObject({ value: 0, previous: 1 });
  });

  it("filters by source and campaign", async () => {
    const web = byKey((await getKpis(org.ctx("owner"), q({ source: "website" }), NOW)).kpis);
    expect(web.new_leads).toMatchObject({ value: 2, previous: 1 });
    const c = byKey((await getKpis(org.ctx("owner"), q({ source: "referral,website" }), NOW)).kpis);
    expect(c.new_leads.value).toBe(3);
  });
});

describe("conversion funnel", () => {
  it("counts leads that got at least as far as each stage, conversions and median time in stage", async () => {
    const res = await getConversion(org.ctx("owner"), q(), NOW);
    expect(res.cohort).toBe(4);
    expect(res.won).toBe(1);
    expect(res.lost).toBe(1);
    expect(res.overallConversion).toBe(0.25);
    expect(
      res.stages.map((s) => [
        s.value,
        s.entered,
        s.conversionFromPrevious,
        s.conversionFromFirst,
        s.medianSecondsInStage,
      ]),
    ).toEqual([
      // l3 went New → Qualified and l1 New → … → Won: both passed the stages they skipped.
      ["new", 4, null, 1, 86400],
      ["contacted", 3, 0.75, 0.75, 129600],
      ["qualified", 2, 2 / 3, 0.5, 172800],
      ["demo", 1, 0.5, 0.25, null],
      ["proposal", 1, 1, 0.25, null],
      ["trial", 1, 1, 0.25, null],
      ["won", 1, 1, 0.25, null],
    ]);
  });

  it("gives a rep the funnel of their own leads", async () => {
    const res = await getConversion(org.ctx("rep"), q(), NOW);
    expect(res.cohort).toBe(2);
    expect(res.stages[0]).toMatchObject({ value: "new", entered: 2, medianSecondsInStage: 86400 });
  });
});

describe("dashboard", () => {
  it("answers KPIs, funnel, sources, pipeline, daily series and score buckets in one call", async () => {
    const res = await getDashboard(org.ctx("admin"), q(), NOW);
    expect(byKey(res.kpis).new_leads.value).toBe(4);
    expect(res.funnel.map((s) => s.entered)).toEqual([4, 3, 2, 1, 1, 1, 1]);
    expect(res.sources).toEqual([
      { value: "website", label: "Website", count: 2, won: 1 },
      { value: "referral", label: "Referral", count: 1, won: 0 },
      { value: null, label: "(none)", count: 1, won: 0 },
    ]);
    const stage = Object.fromEntries(res.pipeline.map((p) => [p.value, p]));
    expect(stage.new).toMatchObject({ count: 1, amount: 300, byCurrency: [] });
    expect(stage.qualified).toMatchObject({
      count: 1,
      amount: 0,
      byCurrency: [{ currency: "EUR", amount: 2000 }],
    });
    expect(stage.contacted).toMatchObject({ count: 0, amount: 0 });
    expect(res.series).toHaveLength(10);
    expect(res.series[0]).toEqual({
      bucket: "2026-03-01",
      leadsCreated: 0,
      contacted: 0,
      replied: 0,
      replyRate: null,
    });
    expect(res.series[1]).toEqual({
      bucket: "2026-03-02",
      leadsCreated: 1,
      contacted: 1,
      replied: 1,
      replyRate: 1,
    });
    expect(res.series.map((s) => s.leadsCreated)).toEqual([0, 1, 1, 0, 1, 0, 0, 1, 0, 0]);
    expect(res.series.map((s) => s.contacted)).toEqual([0, 1, 1, 0, 0, 1, 0, 0, 0, 0]);
    expect(res.scoreDistribution).toHaveLength(11);
    expect(res.scoreDistribution.filter((b) => b.count).map((b) => [b.bucket, b.count])).toEqual([
      ["10-19", 1],
      ["40-49", 1],
      ["70-79", 1],
      ["80-89", 1],
    ]);
  });

  it("buckets by ISO week (Monday) when asked", async () => {
    // 2026-03-02 is a Monday; 03-08 a Sunday (same week), so L1–L4 fall in one week.
    const res = await getDashboard(org.ctx("admin"), q({ interval: "week" }), NOW);
    expect(res.series.map((s) => [s.bucket, s.leadsCreated])).toEqual([
      ["2026-02-23", 0],
      ["2026-03-02", 4],
      ["2026-03-09", 0],
    ]);
  });
});
