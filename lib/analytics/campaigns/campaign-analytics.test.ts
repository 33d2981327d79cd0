import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import {
  addRecipient,
  insertActivity,
  insertCampaign,
  insertLead,
  insertMessages,
  step,
} from "@/lib/testing/campaign-people-analytics-fixtures";
import { getCampaignStats } from "@/lib/campaigns/campaign-stats";
import { getCampaignAnalytics } from "./campaign-analytics";
import { analyticsQuery } from "@/lib/analytics/analytics-filters";

/**
 * March 2026 (Mon 2 March is the first send). Alpha (cost 100 USD, launched 2 March):
 *   L1 rep   a  Mon 10:00 delivered, opened, clicked, replied   + step 2 Thu 5 March 14:00 delivered
 *   L2 rep   a  Mon 11:00 delivered, opened, unsubscribed (event)
 *   L3 rep2  b  Tue 09:00 bounced
 *   L4 rep2  b  Tue 09:30 delivered, reply known only as an event
 *   L5 owner a  failed (never left), created Mon
 *   L1 also had a message on 27 February: before the period, not counted — and L1 is a recipient
 *   of February (the day of its first mail of the campaign), not of March.
 * L1 won 20 March (1,000 USD), L4 won 25 March (500 EUR); a meeting logged on L1, a call booking
 * one on L2, a plain call on L3. Gamma (cost 50 EUR, launched 10 March) sent nothing. Beta ran in
 * February only; Delta is a draft: neither is listed.
 */
const NOW = new Date("2026-04-01T08:00:00.000Z");
const PERIOD = { from: "2026-03-01", to: "2026-03-31" };
const t = (iso: string) => new Date(`${iso}Z`);

let org: TestOrg;
let other: TestOrg;
let alpha: string;
let gamma: string;
let beta: string;

beforeAll(async () => {
  org = await createTestOrg("Campaign analytics");
  other = await createTestOrg("Campaign analytics other");
  const { rep, rep2, owner } = org.members;
  alpha = await insertCampaign(org, {
    name: "Alpha",
    launchedAt: t("2026-03-02T08:00:00"),
    costAmount: 100,
    costCurrency: "USD",
    steps: [step("s1", ["a", "b"]), step("s2", ["c"])],
  });
  gamma = await insertCampaign(org, {
    name: "Gamma",
    launchedAt: t("2026-03-10T08:00:00"),
    costAmount: 50,
    costCurrency: "EUR",
  });
  beta = await insertCampaign(org, {
    name: "Beta",
    status: "completed",
    launchedAt: t("2026-02-01T08:00:00"),
    finishedAt: t("2026-02-20T08:00:00"),
  });
  await insertCampaign(org, { name: "Delta", status: "draft" });

  const L1 = await insertLead(org, {
    displayName: "L1",
    ownerId: rep.id,
    source: "website",
    status: "won",
    wonAt: t("2026-03-20T12:00:00"),
    dealValue: 1000,
    dealCurrency: "USD",
  });
  const L2 = await insertLead(org, { displayName: "L2", ownerId: rep.id, source: "referral" });
  const L3 = await insertLead(org, { displayName: "L3", ownerId: rep2.id, source: "website" });
  const L4 = await insertLead(org, {
    displayName: "L4",
    ownerId: rep2.id,
    status: "won",
    wonAt: t("2026-03-25T12:00:00"),
    dealValue: 500,
    dealCurrency: "EUR",
  });
  const L5 = await insertLead(org, { displayName: "L5", ownerId: owner.id });
  for (const lead of [L1, L2, L3, L4, L5])
    await addRecipient(org, alpha, lead, t("2026-03-01T00:00:00"));
  const base = { campaignId: alpha };
  await insertMessages(org, [
    { ...base, leadId: L1, sentAt: t("2026-02-27T10:00:00"), delivered: true, opened: true },
    {
      ...base,
      leadId: L1,
      sentAt: t("2026-03-02T10:00:00"),
      delivered: true,
      opened: true,
      clicked: true,
      replied: true,
    },
    {
      ...base,
      leadId: L1,
      stepId: "s2",
      stepIndex: 1,
      variantId: "c",
      sentAt: t("2026-03-05T14:00:00"),
      delivered: true,
    },
    {
      ...base,
      leadId: L2,
      sentAt: t("2026-03-02T11:00:00"),
      delivered: true,
      opened: true,
      unsubscribeEvent: true,
    },
    { ...base, leadId: L3, variantId: "b", sentAt: t("2026-03-03T09:00:00"), bounced: true },
    {
      ...base,
      leadId: L4,
      variantId: "b",
      sentAt: t("2026-03-03T09:30:00"),
      delivered: true,
      replyEvent: true,
    },
    { ...base, leadId: L5, sentAt: null, failed: true, createdAt: t("2026-03-02T12:00:00") },
    { campaignId: beta, leadId: L5, sentAt: t("2026-02-05T10:00:00"), delivered: true },
  ]);
  await insertActivity(org, rep.id, "meeting", t("2026-03-10T10:00:00"), { leadId: L1 });
  await insertActivity(org, rep.id, "call", t("2026-03-12T10:00:00"), {
    leadId: L2,
    outcome: "meeting_booked",
  });
  await insertActivity(org, rep2.id, "call", t("2026-03-12T11:00:00"), {
    leadId: L3,
    outcome: "connected",
  });
});

const get = (path: string, token: string, query: Record<string, string> = {}) =>
  api("GET", path, { token, query: { ...PERIOD, ...query } });

describe("GET /analytics/campaigns", () => {
  it("lists the campaigns of the period with exact counts, rates, money and ROI", async () => {
    const res = await get("/api/v1/analytics/campaigns", org.members.admin.token);
    expect(res.status).toBe(200);
    expect(res.json.period).toEqual({
      from: "2026-03-01T00:00:00.000Z",
      to: "2026-04-01T00:00:00.000Z",
      previousFrom: "2026-01-29T00:00:00.000Z",
      previousTo: "2026-03-01T00:00:00.000Z",
    });
    expect(res.json.currency).toBe("USD");
    expect(res.json.campaigns.map((c: { name: string }) => c.name)).toEqual(["Gamma", "Alpha"]);
    const a = res.json.campaigns[1];
    expect(a).toMatchObject({
      campaignId: alpha,
      status: "active",
      launchedAt: "2026-03-02T08:00:00.000Z",
      // L2–L5: L1 was first mailed in February (recipients count where their first mail falls).
      recipients: 4,
      sent: 5,
      delivered: 4,
      opened: 2,
      clicked: 1,
      replied: 2,
      bounced: 1,
      unsubscribed: 1,
      deliveryRate: 0.8,
      openRate: 0.5,
      clickRate: 0.25,
      replyRate: 0.5,
      bounceRate: 0.2,
      unsubscribeRate: 0.25,
      meetings: 2,
      won: 2,
      winRate: 0.5,
      cost: 100,
      costByCurrency: [],
      revenue: 1000,
      revenueByCurrency: [{ currency: "EUR", amount: 500 }],
      roi: 9,
    });
    const g = res.json.campaigns[0];
    expect(g).toMatchObject({
      campaignId: gamma,
      recipients: 0,
      sent: 0,
      openRate: null,
      replyRate: null,
      winRate: null,
      cost: null,
      costByCurrency: [{ currency: "EUR", amount: 50 }],
      revenue: 0,
      roi: null,
    });
    expect(res.json.totals).toMatchObject({
      recipients: 4,
      sent: 5,
      replied: 2,
      openRate: 0.5,
      cost: 100,
      costByCurrency: [{ currency: "EUR", amount: 50 }],
      revenue: 1000,
      revenueByCurrency: [{ currency: "EUR", amount: 500 }],
      roi: 9,
    });
  });

  it("counts messages exactly as the campaign's own stats do (same definitions)", async () => {
    const all = await getCampaignAnalytics(
      org.ctx("admin"),
      analyticsQuery.parse({ from: "2026-01-01", to: "2026-03-31" }),
      NOW,
    );
    const row = all.campaigns.find((c) => c.campaignId === alpha)!;
    const stats = (await getCampaignStats(org.ctx("admin"), alpha)).totals;
    for (const k of ["sent", "delivered", "opened", "clicked", "replied", "bounced"] as const)
      expect(row[k], k).toBe(stats[k]);
    expect(row.unsubscribed).toBe(stats.unsubscribed);
    expect(row.recipients).toBe(5);
    expect(row.sent).toBe(6);
  });

  it("a rep sees their own leads' mail, a manager the team's, asking for others yields nothing", async () => {
    const rep = await get("/api/v1/analytics/campaigns", org.members.rep.token, {
      campaignId: alpha,
    });
    expect(rep.json.campaigns).toHaveLength(1);
    expect(rep.json.campaigns[0]).toMatchObject({
      recipients: 1,
      sent: 3,
      delivered: 3,
      opened: 2,
      clicked: 1,
      replied: 1,
      bounced: 0,
      unsubscribed: 1,
      openRate: 0.6667,
      meetings: 2,
      won: 1,
      revenue: 1000,
      revenueByCurrency: [],
    });
    const manager = await get("/api/v1/analytics/campaigns", org.members.manager.token, {
      campaignId: alpha,
    });
    expect(manager.json.campaigns[0]).toMatchObject({ recipients: 3, sent: 5, won: 2 });
    const sneaky = await get("/api/v1/analytics/campaigns", org.members.rep.token, {
      campaignId: alpha,
      ownerId: org.members.rep2.id,
    });
    expect(sneaky.json.campaigns[0]).toMatchObject({ recipients: 0, sent: 0, won: 0 });
    const bySource = await get("/api/v1/analytics/campaigns", org.members.admin.token, {
      campaignId: alpha,
      source: "website",
    });
    expect(bySource.json.campaigns[0]).toMatchObject({ recipients: 1, sent: 3, bounced: 1 });
  });

  it("another organization sees none of it; malformed filters are a 400", async () => {
    const res = await get("/api/v1/analytics/campaigns", other.members.owner.token);
    expect(res.status).toBe(200);
    expect(res.json.campaigns).toEqual([]);
    const foreign = await get("/api/v1/analytics/campaigns", other.members.owner.token, {
      campaignId: alpha,
    });
    expect(foreign.json.campaigns).toEqual([]);
    for (const query of [{ from: "2026-13-01" }, { campaignId: "x" }, { bogus: "1" }] as Record<
      string,
      string
    >[]) {
      const bad = await get("/api/v1/analytics/campaigns", org.members.owner.token, query);
      expect(bad.status, JSON.stringify(query)).toBe(400);
    }
  });
});

describe("GET /campaigns/analytics (seed 001)", () => {
  it("gives the organization's totals and each campaign", async () => {
    const res = await get("/api/v1/campaigns/analytics", org.members.owner.token);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ campaignCount: 2, activeCampaigns: 2, currency: "USD" });
    expect(res.json.totals).toMatchObject({ sent: 5, replied: 2, won: 2, roi: 9 });
  });
});

describe("GET /analytics/campaigns/comparison", () => {
  it("puts the campaigns side by side in the order asked, with the best at each rate", async () => {
    const res = await get("/api/v1/analytics/campaigns/comparison", org.members.admin.token, {
      ids: `${gamma},${alpha}`,
    });
    expect(res.status).toBe(200);
    expect(res.json.campaigns.map((c: { campaignId: string }) => c.campaignId)).toEqual([
      gamma,
      alpha,
    ]);
    expect(res.json.campaigns[1]).toMatchObject({ sent: 5, replyRate: 0.5 });
    // Beta is compared over March too, where it sent nothing.
    const withBeta = await get("/api/v1/analytics/campaigns/comparison", org.members.admin.token, {
      ids: `${alpha},${beta}`,
    });
    expect(withBeta.json.campaigns[1]).toMatchObject({ name: "Beta", sent: 0 });
    expect(res.json.best).toMatchObject({
      openRate: alpha,
      replyRate: alpha,
      bounceRate: alpha,
      roi: alpha,
    });
  });

  it("names no best where no campaign has a rate, and dedupes repeated ids", async () => {
    const empty = await get("/api/v1/analytics/campaigns/comparison", org.members.admin.token, {
      ids: `${gamma},${beta}`,
    });
    expect(Object.values(empty.json.best)).toEqual(Array(8).fill(null));
    const since = await get("/api/v1/analytics/campaigns/comparison", org.members.admin.token, {
      ids: `${gamma},${beta}`,
      from: "2026-01-01",
    });
    // Beta's one February message was delivered, Gamma sent nothing: Beta is best at delivery.
    expect(since.json.best.deliveryRate).toBe(beta);
    const same = await get("/api/v1/analytics/campaigns/comparison", org.members.admin.token, {
      ids: `${alpha},${alpha},${beta}`,
      from: "2026-01-01",
    });
    expect(same.json.campaigns).toHaveLength(2);
    // Alpha 6 sent / 5 delivered; Beta 1 / 1.
    expect(same.json.best.deliveryRate).toBe(beta);
  });

  it("is a 404 for another organization's campaign and a 400 for bad lists", async () => {
    const foreign = await get("/api/v1/analytics/campaigns/comparison", other.members.owner.token, {
      ids: `${alpha},${gamma}`,
    });
    expect(foreign.status).toBe(404);
    const tooFew = await get("/api/v1/analytics/campaigns/comparison", org.members.owner.token, {
      ids: alpha,
    });
    expect(tooFew.status).toBe(400);
    const junk = await get("/api/v1/analytics/campaigns/comparison", org.members.owner.token, {
      ids: "a,b",
    });
    expect(junk.status).toBe(400);
    const many = Array.from({ length: 11 }, () => crypto.randomUUID()).join(",");
    const tooMany = await get("/api/v1/analytics/campaigns/comparison", org.members.owner.token, {
      ids: many,
    });
    expect(tooMany.status).toBe(400);
    const missing = await api("GET", "/api/v1/analytics/campaigns/comparison", {
      token: org.members.owner.token,
    });
    expect(missing.status).toBe(400);
  });
});

describe("GET /analytics/email-performance", () => {
  it("splits the period's sends by step, variant and weekday × hour", async () => {
    const res = await get("/api/v1/analytics/email-performance", org.members.admin.token, {
      campaignId: alpha,
    });
    expect(res.status).toBe(200);
    expect(res.json.timezone).toBe("UTC");
    expect(res.json.totals).toMatchObject({ sent: 5, opened: 2, replied: 2, bounced: 1 });
    expect(res.json.byStep).toEqual([
      {
        value: 0,
        label: "Step 1",
        sent: 4,
        opened: 2,
        clicked: 1,
        replied: 2,
        bounced: 1,
        openRate: 0.6667,
        clickRate: 0.3333,
        replyRate: 0.6667,
      },
      {
        value: 1,
        label: "Step 2",
        sent: 1,
        opened: 0,
        clicked: 0,
        replied: 0,
        bounced: 0,
        openRate: 0,
        clickRate: 0,
        replyRate: 0,
      },
    ]);
    const variants = res.json.byVariant.map(
      (v: { stepIndex: number; value: string; label: string; sent: number; replyRate: number }) => [
        v.stepIndex,
        v.value,
        v.label,
        v.sent,
        v.replyRate,
      ],
    );
    expect(variants).toEqual([
      [0, "a", "Variant A", 2, 0.5],
      [0, "b", "Variant B", 2, 1],
      [1, "c", "Variant C", 1, 0],
    ]);
    expect(res.json.bySendTime).toHaveLength(168);
    const slot = (wd: number, h: number) =>
      res.json.bySendTime.find(
        (s: { weekday: number; hour: number }) => s.weekday === wd && s.hour === h,
      );
    expect(slot(1, 10)).toMatchObject({ sent: 1, opened: 1, replied: 1, replyRate: 1 });
    expect(slot(1, 11)).toMatchObject({ sent: 1, opened: 1, replied: 0 });
    expect(slot(2, 9)).toMatchObject({ sent: 2, bounced: 1, replied: 1, replyRate: 1 });
    expect(slot(4, 14)).toMatchObject({ sent: 1 });
    expect(slot(3, 12)).toMatchObject({ sent: 0, openRate: null });
  });

  it("buckets send times in the asked time zone, and refuses an unknown zone", async () => {
    const res = await get("/api/v1/analytics/email-performance", org.members.admin.token, {
      campaignId: alpha,
      timezone: "America/New_York",
    });
    const slot = (wd: number, h: number) =>
      res.json.bySendTime.find(
        (s: { weekday: number; hour: number }) => s.weekday === wd && s.hour === h,
      );
    // 5 hours behind UTC before daylight saving starts on 8 March.
    expect(slot(1, 5)).toMatchObject({ sent: 1, replied: 1 });
    expect(slot(2, 4)).toMatchObject({ sent: 2 });
    expect(slot(2, 9)).toMatchObject({ sent: 0 });
    expect(slot(4, 9)).toMatchObject({ sent: 1 });
    const bad = await get("/api/v1/analytics/email-performance", org.members.admin.token, {
      timezone: "Mars/Olympus",
    });
    expect(bad.status).toBe(400);
  });

  it("a rep sees their own leads' mail only; another organization none", async () => {
    const rep = await get("/api/v1/analytics/email-performance", org.members.rep.token);
    expect(rep.json.totals).toMatchObject({ sent: 3, opened: 2, replied: 1 });
    const foreign = await get("/api/v1/analytics/email-performance", other.members.owner.token);
    expect(foreign.json.totals.sent).toBe(0);
    expect(foreign.json.byVariant).toEqual([]);
  });
});
