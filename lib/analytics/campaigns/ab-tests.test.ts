import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import {
  insertCampaign,
  insertLead,
  insertMessages,
  step,
  type MessageSpec,
} from "@/lib/testing/campaign-people-analytics-fixtures";
import { erfc, twoProportionTest, wilsonInterval } from "./ab-statistics";

describe("statistics", () => {
  it("computes erfc, Wilson intervals and z-tests as by hand", () => {
    expect(erfc(0)).toBeCloseTo(1, 7);
    expect(erfc(1)).toBeCloseTo(0.157299207, 6);
    expect(erfc(-1)).toBeCloseTo(1.842700793, 6);
    expect(wilsonInterval(50, 200)).toEqual({ low: 0.1951, high: 0.3143 });
    expect(wilsonInterval(0, 10)).toEqual({ low: 0, high: 0.2775 });
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(twoProportionTest(50, 200, 30, 200)).toEqual({ z: 2.5, pValue: 0.0124 });
    expect(twoProportionTest(12, 100, 10, 100)).toEqual({ z: 0.452, pValue: 0.6513 });
    expect(twoProportionTest(0, 10, 0, 10)).toEqual({ z: null, pValue: null });
  });
});

/**
 * One campaign, three A/B steps, all sent on 10 March 2026 (reached = sent − bounced):
 *   s1: a 30/200 replies, b 50/200 (+ 5 bounces on b, not in the sample)  → b wins, p 0.0124
 *   s2: a 10/100, b 12/100                                                 → no winner, p 0.6513
 *   s3: a 2/20, b 12/20 — significant (p 0.0009) but under the 30 minimum  → no winner
 * One s1 a message (replied) went to the rep's own lead, the rest to no lead of anyone's.
 */
let org: TestOrg;
let other: TestOrg;
let campaignId: string;
const SENT = new Date("2026-03-10T10:00:00Z");
const PERIOD = { from: "2026-03-01", to: "2026-03-31" };

function batch(stepId: string, stepIndex: number, variantId: string, n: number, replies: number) {
  return Array.from({ length: n }, (_, i): MessageSpec => ({
    campaignId,
    stepId,
    stepIndex,
    variantId,
    sentAt: SENT,
    delivered: true,
    replied: i < replies,
    opened: i < replies * 2,
  }));
}

beforeAll(async () => {
  org = await createTestOrg("AB tests");
  other = await createTestOrg("AB tests other");
  campaignId = await insertCampaign(org, {
    name: "Split",
    launchedAt: new Date("2026-03-09T00:00:00Z"),
    steps: [
      step("s1", ["a", "b"]),
      step("s2", ["a", "b"]),
      step("s3", ["a", "b"]),
      step("s4", ["a"]),
    ],
  });
  const repLead = await insertLead(org, { displayName: "Rep lead", ownerId: org.members.rep.id });
  await insertMessages(org, [
    ...batch("s1", 0, "a", 200, 30).map((m, i) => (i === 0 ? { ...m, leadId: repLead } : m)),
    ...batch("s1", 0, "b", 200, 50),
    ...Array.from({ length: 5 }, (): MessageSpec => ({
      campaignId,
      variantId: "b",
      sentAt: SENT,
      bounced: true,
    })),
    ...batch("s2", 1, "a", 100, 10),
    ...batch("s2", 1, "b", 100, 12),
    ...batch("s3", 2, "a", 20, 2),
    ...batch("s3", 2, "b", 20, 12),
    ...batch("s4", 3, "a", 10, 1),
  ]);
});

const get = (token: string, query: Record<string, string> = {}) =>
  api("GET", "/api/v1/analytics/ab-tests", { token, query: { ...PERIOD, ...query } });

describe("GET /analytics/ab-tests", () => {
  it("names a winner only when significant with enough sends, with intervals and p-values", async () => {
    const res = await get(org.members.admin.token, { campaignId });
    expect(res.status).toBe(200);
    // s4 has a single variant: no test.
    expect(res.json.tests.map((t: { stepId: string }) => t.stepId)).toEqual(["s1", "s2", "s3"]);
    const [s1, s2, s3] = res.json.tests;

    expect(s1).toMatchObject({ best: "b", significant: true, winner: "b", metric: "reply" });
    const b1 = s1.variants.find((v: { value: string }) => v.value === "b");
    expect(b1).toMatchObject({
      label: "Variant B",
      sent: 205,
      reached: 200,
      successes: 50,
      rate: 0.25,
      confidenceInterval: { low: 0.1951, high: 0.3143 },
      vsBest: null,
    });
    const a1 = s1.variants.find((v: { value: string }) => v.value === "a");
    expect(a1).toMatchObject({
      sent: 200,
      reached: 200,
      successes: 30,
      rate: 0.15,
      confidenceInterval: { low: 0.1071, high: 0.2061 },
      vsBest: { z: 2.5, pValue: 0.0124, significant: true },
    });
    expect(s1.pValue).toBe(0.0124);

    expect(s2).toMatchObject({ best: "b", winner: null, significant: false, pValue: 0.6513 });
    const a2 = s2.variants.find((v: { value: string }) => v.value === "a");
    expect(a2).toMatchObject({
      rate: 0.1,
      confidenceInterval: { low: 0.0552, high: 0.1744 },
      vsBest: { z: 0.452, pValue: 0.6513, significant: false },
    });

    expect(s3).toMatchObject({ best: "b", winner: null, significant: false, pValue: 0.0009 });
  });

  it("tests opens when asked, and the minimum sample is a parameter", async () => {
    const res = await get(org.members.admin.token, { campaignId, metric: "open", minSample: "20" });
    const s3 = res.json.tests.find((t: { stepId: string }) => t.stepId === "s3");
    // Opens: a 4/20, b 20/20 (every b message opened) → significant, 20 each is enough now.
    expect(s3).toMatchObject({ metric: "open", winner: "b", significant: true });
  });

  it("counts only the leads in the caller's scope", async () => {
    const rep = await get(org.members.rep.token, { campaignId });
    // The rep's one lead got one s1 "a" message, replied; "b" has no sample in their scope.
    expect(rep.json.tests).toHaveLength(1);
    expect(rep.json.tests[0]).toMatchObject({
      stepId: "s1",
      best: "a",
      winner: null,
      significant: false,
      pValue: null,
    });
    expect(rep.json.tests[0].variants).toMatchObject([
      { value: "a", reached: 1, successes: 1, rate: 1 },
      { value: "b", reached: 0, successes: 0, rate: null, confidenceInterval: null },
    ]);
    const rep2 = await get(org.members.rep2.token, { campaignId });
    expect(rep2.json.tests).toEqual([]);
    const bySource = await get(org.members.admin.token, { campaignId, source: "none-such" });
    expect(bySource.json.tests).toEqual([]);
  });

  it("shows another organization nothing; malformed parameters are a 400", async () => {
    const foreign = await get(other.members.owner.token, { campaignId });
    expect(foreign.status).toBe(200);
    expect(foreign.json.tests).toEqual([]);
    for (const q of [{ metric: "revenue" }, { minSample: "0" }, { campaignId: "nope" }] as Record<
      string,
      string
    >[]) {
      expect((await get(org.members.owner.token, q)).status, JSON.stringify(q)).toBe(400);
    }
  });
});
