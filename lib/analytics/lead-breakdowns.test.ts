import { beforeAll, describe, expect, it } from "vitest";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { analyticsQuery } from "./analytics-filters";
import { NOW, PERIOD, seedAnalyticsData, seedForeignData } from "./analytics-test-data";
import { getLeadSources, getLeadStatus, getLeadTimeline } from "./lead-breakdowns";
import { getLeadQuality } from "./lead-quality";
import { getLeadScoreStats } from "./lead-score";
import { leadTimelineQuery } from "./lead-analytics-schemas";
import { getPriceTrends } from "./price-trends";
import { leadScoreQuery, priceTrendsQuery } from "./stats-schemas";

let org: TestOrg;
const q = (extra: Record<string, string> = {}) => analyticsQuery.parse({ ...PERIOD, ...extra });

beforeAll(async () => {
  org = await createTestOrg("Breakdowns");
  await seedAnalyticsData(org);
  await seedForeignData(await createTestOrg("Foreign"));
});

describe("leads by source, status and over time", () => {
  it("breaks the period's leads down by source with outcomes and revenue", async () => {
    const res = await getLeadSources(org.ctx("admin"), q(), NOW);
    expect(res.total).toBe(4);
    expect(res.rows).toEqual([
      {
        value: "website",
        label: "Website",
        count: 2,
        share: 0.5,
        contacted: 2,
        qualified: 1,
        won: 1,
        lost: 1,
        winRate: 0.5,
        conversionRate: 0.5,
        revenue: 1000,
        byCurrency: [],
      },
      {
        value: "referral",
        label: "Referral",
        count: 1,
        share: 0.25,
        contacted: 1,
        qualified: 1,
        won: 0,
        lost: 0,
        winRate: null,
        conversionRate: 0,
        revenue: 0,
        byCurrency: [],
      },
      {
        value: null,
        label: "(none)",
        count: 1,
        share: 0.25,
        contacted: 0,
        qualified: 0,
        won: 0,
        lost: 0,
        winRate: null,
        conversionRate: 0,
        revenue: 0,
        byCurrency: [],
      },
    ]);
    const rep2 = await getLeadSources(org.ctx("rep2"), q(), NOW);
    expect(rep2.rows.map((r) => [r.value, r.count, r.lost])).toEqual([["website", 1, 1]]);
  });

  it("counts leads per current status and entries into each status", async () => {
    const res = await getLeadStatus(org.ctx("owner"), q(), NOW);
    expect(res.total).toBe(4);
    expect(res.rows.map((r) => [r.value, r.category, r.count, r.share, r.entered])).toEqual([
      ["new", "open", 1, 0.25, 4],
      ["contacted", "open", 0, 0, 2],
      ["qualified", "open", 1, 0.25, 2],
      ["demo", "open", 0, 0, 0],
      ["proposal", "open", 0, 0, 0],
      ["trial", "open", 0, 0, 0],
      ["won", "won", 1, 0.25, 2],
      ["lost", "lost", 1, 0.25, 1],
    ]);
    const manager = await getLeadStatus(org.ctx("manager"), q(), NOW);
    expect(manager.total).toBe(3);
    expect(manager.rows.find((r) => r.value === "qualified")).toMatchObject({
      count: 0,
      entered: 1,
    });
  });

  it("gives every day of the period, split by source when asked", async () => {
    const plain = await getLeadTimeline(
      org.ctx("admin"),
      leadTimelineQuery.parse({ ...PERIOD }),
      NOW,
    );
    expect(plain.total).toBe(4);
    expect(plain.series.map((s) => s.count)).toEqual([0, 1, 1, 0, 1, 0, 0, 1, 0, 0]);
    expect(plain.series[0]).toEqual({ bucket: "2026-03-01", count: 0 });
    const split = await getLeadTimeline(
      org.ctx("admin"),
      leadTimelineQuery.parse({ ...PERIOD, bySource: "true", interval: "month" }),
      NOW,
    );
    expect(split.series).toEqual([
      {
        bucket: "2026-03-01",
        count: 4,
        sources: [
          { value: "website", label: "Website", count: 2 },
          { value: "referral", label: "Referral", count: 1 },
          { value: null, label: "(none)", count: 1 },
        ],
      },
    ]);
  });
});

describe("seed 003 stats", () => {
  it("lead quality: temperature and score bands per source with won rate", async () => {
    const res = await getLeadQuality(org.ctx("admin"), q(), NOW);
    expect(res.rows.map((r) => r.value)).toEqual(["website", "referral", null]);
    const web = res.rows[0]!;
    expect(web).toMatchObject({ count: 2, averageScore: 65, won: 1, wonRate: 0.5 });
    expect(web.temperatures.map((t) => [t.value, t.count, t.share])).toEqual([
      ["hot", 1, 0.5],
      ["warm", 1, 0.5],
      ["cold", 0, 0],
    ]);
    expect(web.scoreBands.map((b) => [b.value, b.count])).toEqual([
      ["low", 0],
      ["medium", 1],
      ["high", 1],
    ]);
    expect(res.rows[1]).toMatchObject({ count: 1, averageScore: 15, won: 0, wonRate: 0 });
    expect(res.rows[1]!.scoreBands[0]).toMatchObject({ value: "low", count: 1, share: 1 });
    expect(res.rows[2]!.scoreBands[2]).toMatchObject({ value: "high", count: 1 });
  });

  it("lead score: buckets of the chosen width, average and median", async () => {
    const res = await getLeadScoreStats(
      org.ctx("admin"),
      leadScoreQuery.parse({ ...PERIOD, bucketWidth: "25" }),
      NOW,
    );
    expect(res).toMatchObject({
      total: 4,
      averageScore: 54.25,
      medianScore: 58.5,
      bucketWidth: 25,
    });
    expect(res.buckets).toEqual([
      { bucket: "0-24", min: 0, max: 24, count: 1, share: 0.25 },
      { bucket: "25-49", min: 25, max: 49, count: 1, share: 0.25 },
      { bucket: "50-74", min: 50, max: 74, count: 1, share: 0.25 },
      { bucket: "75-99", min: 75, max: 99, count: 1, share: 0.25 },
      { bucket: "100-124", min: 100, max: 124, count: 0, share: 0 },
    ]);
    const rep = await getLeadScoreStats(org.ctx("rep"), leadScoreQuery.parse(PERIOD), NOW);
    expect(rep).toMatchObject({ total: 2, medianScore: 78.5 });
    expect(rep.buckets).toHaveLength(11);
    expect(rep.buckets.filter((b) => b.count).map((b) => b.bucket)).toEqual(["70-79", "80-89"]);
  });

  it("price trends: monthly median and average per location and type, sold median", async () => {
    const query = { from: "2026-01-01", to: "2026-03-10" };
    const res = await getPriceTrends(org.ctx("rep"), priceTrendsQuery.parse(query), NOW);
    const row = (s: (typeof res.series)[number]) => [
      s.bucket,
      s.location,
      s.type,
      s.count,
      s.medianPrice,
      s.averagePrice,
      s.soldCount,
      s.soldMedianPrice,
    ];
    expect(res.series.map(row)).toEqual([
      ["2026-01-01", "Berlin", "apartment", 3, 320000, 340000, 0, null],
      ["2026-02-01", "Berlin", "apartment", 0, null, null, 0, null],
      ["2026-03-01", "Berlin", "apartment", 0, null, null, 1, 310000],
      ["2026-01-01", "Berlin", "house", 0, null, null, 0, null],
      ["2026-02-01", "Berlin", "house", 1, 800000, 800000, 1, 780000],
      ["2026-03-01", "Berlin", "house", 0, null, null, 0, null],
      ["2026-01-01", "Munich", "apartment", 0, null, null, 0, null],
      ["2026-02-01", "Munich", "apartment", 0, null, null, 0, null],
      ["2026-03-01", "Munich", "apartment", 1, 500000, 500000, 0, null],
    ]);
    expect(res.series.every((s) => s.currency === "EUR")).toBe(true);
    const berlin = await getPriceTrends(
      org.ctx("admin"),
      priceTrendsQuery.parse({ ...query, location: "berlin", type: "APARTMENT" }),
      NOW,
    );
    expect(berlin.series.map((s) => [s.bucket, s.count])).toEqual([
      ["2026-01-01", 3],
      ["2026-02-01", 0],
      ["2026-03-01", 0],
    ]);
  });
});
