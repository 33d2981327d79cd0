import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";

let org: TestOrg;
const token = () => org.members.owner.token;

beforeAll(async () => {
  org = await createTestOrg("MergeDeals");
});

async function lead(body: Record<string, unknown>) {
  const res = await api("POST", "/api/v1/leads", { token: token(), body });
  expect(res.status, res.text).toBe(201);
  return res.json as { id: string };
}

const merge = (primaryId: string, duplicateIds: string[]) =>
  api("POST", "/api/v1/leads/merge", { token: token(), body: { primaryId, duplicateIds } });

const DEAL = ["dealValue", "dealCurrency", "expectedCloseDate"] as const;
const dealOf = (l: Record<string, unknown>) => Object.fromEntries(DEAL.map((k) => [k, l[k]]));

describe("POST /leads/merge and the deal", () => {
  it("a primary without a deal takes the first duplicate's that has one, with its currency", async () => {
    const primary = await lead({ firstName: "Ana" });
    const empty = await lead({ firstName: "Ana B" });
    const donor = await lead({
      firstName: "Ana C",
      dealValue: 4200,
      dealCurrency: "EUR",
      expectedCloseDate: "2027-06-30",
    });
    const later = await lead({ firstName: "Ana D", dealValue: 10, dealCurrency: "USD" });
    const res = await merge(primary.id, [empty.id, donor.id, later.id]);
    expect(res.status, res.text).toBe(200);
    expect(dealOf(res.json)).toEqual({
      dealValue: 4200,
      dealCurrency: "EUR",
      expectedCloseDate: "2027-06-30",
    });
    const timeline = await api("GET", `/api/v1/leads/${primary.id}/timeline`, {
      token: token(),
      query: { perPage: "100" },
    });
    const merged = timeline.json.data.find((t: { type: string }) => t.type === "merged");
    expect(merged.data.filled).toEqual(
      expect.arrayContaining(["expectedCloseDate", "dealValue", "dealCurrency"]),
    );
  });

  it("a primary keeps its own deal; only its missing close date is filled", async () => {
    const primary = await lead({ firstName: "Ben", dealValue: 100, dealCurrency: "USD" });
    const dupe = await lead({
      firstName: "Ben B",
      dealValue: 900,
      dealCurrency: "EUR",
      expectedCloseDate: "2027-02-02",
    });
    const res = await merge(primary.id, [dupe.id]);
    expect(dealOf(res.json)).toEqual({
      dealValue: 100,
      dealCurrency: "USD",
      expectedCloseDate: "2027-02-02",
    });
  });

  it("a currency without an amount yields to the duplicate's amount and currency", async () => {
    const primary = await lead({ firstName: "Cy", dealCurrency: "CHF" });
    const dupe = await lead({ firstName: "Cy B", dealValue: 300, dealCurrency: "GBP" });
    const res = await merge(primary.id, [dupe.id]);
    expect(dealOf(res.json)).toEqual({
      dealValue: 300,
      dealCurrency: "GBP",
      expectedCloseDate: null,
    });
    const read = await api("GET", `/api/v1/leads/${primary.id}`, { token: token() });
    expect(dealOf(read.json)).toEqual(dealOf(res.json));
  });

  it("keeps the primary's won date: outcome dates follow its own status", async () => {
    const primary = await lead({
      firstName: "Di",
      status: "won",
      wonAt: "2026-05-01T10:00:00.000Z",
    });
    const dupe = await lead({ firstName: "Di B", status: "lost", dealValue: 50 });
    const res = await merge(primary.id, [dupe.id]);
    expect(res.json).toMatchObject({
      status: "won",
      wonAt: "2026-05-01T10:00:00.000Z",
      lostAt: null,
      dealValue: 50,
      dealCurrency: "USD",
    });
  });
});
