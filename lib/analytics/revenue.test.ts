import { beforeAll, describe, expect, it } from "vitest";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { analyticsQuery } from "./analytics-filters";
import {
  NOW,
  PERIOD,
  seedAnalyticsData,
  seedForeignData,
  type AnalyticsData,
} from "./analytics-test-data";
import { getLtv } from "./ltv";
import { getRevenue } from "./revenue";
import { getRoi } from "./roi";

let org: TestOrg;
let data: AnalyticsData;
const q = (extra: Record<string, string> = {}) => analyticsQuery.parse({ ...PERIOD, ...extra });

beforeAll(async () => {
  org = await createTestOrg("Revenue");
  data = await seedAnalyticsData(org);
  await seedForeignData(await createTestOrg("Foreign"));
});

describe("revenue", () => {
  it("sums won deals per day, owner and source, with average deal and forecast", async () => {
    const res = await getRevenue(org.ctx("admin"), q(), NOW);
    expect(res).toMatchObject({
      currency: "USD",
      total: 3500,
      byCurrency: [],
      wonCount: 2,
      averageDealValue: 1750,
      previousTotal: 800,
      change: 3.375,
    });
    expect(res.series).toHaveLength(10);
    expect(res.series.filter((s) => s.count)).toEqual([
      { bucket: "2026-03-06", count: 1, amount: 1000 },
      { bucket: "2026-03-09", count: 1, amount: 2500 },
    ]);
    expect(res.byOwner).toEqual([
      {
        value: org.members.rep.id,
        label: "Revenue rep",
        count: 2,
        amount: 3500,
        byCurrency: [],
      },
    ]);
    expect(res.bySource.map((s) => [s.value, s.label, s.count, s.amount])).toEqual([
      ["referral", "Referral", 1, 2500],
      ["website", "Website", 1, 1000],
    ]);
    expect(res.forecast).toEqual([
      {
        bucket: "2026-04-01",
        count: 1,
        amount: 0,
        byCurrency: [{ currency: "EUR", amount: 2000 }],
      },
      { bucket: "2026-05-01", count: 1, amount: 300, byCurrency: [] },
    ]);
    expect(res.forecastUndated).toEqual({ count: 0, amount: 0 });
  });

  it("gives a rep2 only their won deals (none this period, 800 before)", async () => {
    const res = await getRevenue(org.ctx("rep2"), q(), NOW);
    expect(res).toMatchObject({
      total: 0,
      wonCount: 0,
      averageDealValue: null,
      previousTotal: 800,
    });
    expect(res.change).toBe(-1);
    expect(res.forecast).toEqual([]);
  });
});

describe("revenue and ROI for a manager", () => {
  it("count the team's deals (rep, rep2) and none of an admin's, even when asked for", async () => {
    const team = await getRevenue(org.ctx("manager"), q(), NOW);
    expect(team).toMatchObject({ total: 3500, wonCount: 2, previousTotal: 800 });
    // Lead Three (EUR 2,000 in April) is the admin's: only Lead Four's May deal is the team's.
    expect(team.forecast).toEqual([
      { bucket: "2026-05-01", count: 1, amount: 300, byCurrency: [] },
    ]);
    const roi = await getRoi(org.ctx("manager"), q(), NOW);
    expect(roi.campaigns.map((c) => [c.name, c.recipients, c.wonLeads, c.revenue])).toEqual([
      ["Spring outreach", 2, 2, 3500],
      ["Euro list", 2, 1, 2500],
    ]);
    // Asking for someone outside the team narrows the scope to nobody: nothing at all.
    const admins = q({ ownerId: org.members.admin.id });
    const none = await getRevenue(org.ctx("manager"), admins, NOW);
    expect(none).toMatchObject({ total: 0, wonCount: 0, previousTotal: 0, forecast: [] });
    const noRoi = await getRoi(org.ctx("manager"), admins, NOW);
    expect(noRoi.campaigns.map((c) => [c.recipients, c.wonLeads])).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(noRoi.sources).toEqual([]);
  });
});

describe("ROI", () => {
  it("sets each campaign's cost against the revenue of its recipients won in the period", async () => {
    const res = await getRoi(org.ctx("admin"), q(), NOW);
    expect(res.campaigns).toEqual([
      {
        campaignId: data.campaigns.c1,
        name: "Spring outreach",
        recipients: 2,
        wonLeads: 2,
        revenue: 3500,
        byCurrency: [],
        cost: 1000,
        costCurrency: "USD",
        roi: 2.5,
      },
      {
        campaignId: data.campaigns.c2,
        name: "Euro list",
        recipients: 2,
        wonLeads: 1,
        revenue: 2500,
        byCurrency: [],
        cost: 100,
        costCurrency: "EUR",
        roi: null,
      },
    ]);
    expect(res.sources).toEqual([
      { value: "referral", label: "Referral", wonLeads: 1, revenue: 2500, cost: null, roi: null },
      { value: "website", label: "Website", wonLeads: 1, revenue: 1000, cost: null, roi: null },
    ]);
  });

  it("counts only the caller's recipients, and one campaign when filtered", async () => {
    const rep = await getRoi(org.ctx("rep"), q(), NOW);
    expect(rep.campaigns.map((c) => [c.name, c.recipients, c.wonLeads, c.revenue])).toEqual([
      ["Spring outreach", 2, 2, 3500],
      ["Euro list", 1, 1, 2500],
    ]);
    const one = await getRoi(org.ctx("owner"), q({ campaignId: data.campaigns.c2 }), NOW);
    expect(one.campaigns.map((c) => [c.name, c.recipients])).toEqual([["Euro list", 2]]);
  });
});

describe("LTV", () => {
  it("groups won deals by company and takes customers first won in the period", async () => {
    const wide = await getLtv(org.ctx("admin"), q({ from: "2026-02-19" }), NOW);
    expect(wide).toMatchObject({ customers: 2, totalValue: 4300, averageLtv: 2150 });
    expect(wide.rows).toEqual([
      {
        key: "acme",
        label: "ACME",
        leadId: data.leads.l6,
        wonDeals: 2,
        value: 3300,
        byCurrency: [],
        firstWonAt: "2026-02-27T00:00:00.000Z",
        lastWonAt: "2026-03-09T00:00:00.000Z",
      },
      {
        key: data.leads.l1,
        label: "Lead One",
        leadId: data.leads.l1,
        wonDeals: 1,
        value: 1000,
        byCurrency: [],
        firstWonAt: "2026-03-06T10:00:00.000Z",
        lastWonAt: "2026-03-06T10:00:00.000Z",
      },
    ]);
    expect(wide.bySource).toEqual([
      { value: "website", label: "Website", customers: 2, totalValue: 4300, averageLtv: 2150 },
    ]);
    // Acme's first win (02-27) is before March: in March only Lead One is a new customer.
    const march = await getLtv(org.ctx("admin"), q(), NOW);
    expect(march).toMatchObject({ customers: 1, totalValue: 1000, averageLtv: 1000 });
  });

  it("gives a rep the customers of their own leads", async () => {
    const res = await getLtv(org.ctx("rep"), q({ from: "2026-02-19" }), NOW);
    expect(res.rows.map((r) => [r.label, r.value])).toEqual([
      ["Acme", 2500],
      ["Lead One", 1000],
    ]);
    expect(res.bySource.map((s) => [s.value, s.totalValue])).toEqual([
      ["referral", 2500],
      ["website", 1000],
    ]);
  });
});
