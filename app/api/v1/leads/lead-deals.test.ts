import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "@/lib/crypto/ids";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";

let org: TestOrg;

beforeAll(async () => {
  org = await createTestOrg("Deals");
});

const email = () => `deal-${newId().slice(-12)}@example.org`;

async function newLead(body: Record<string, unknown> = {}) {
  const res = await api("POST", "/api/v1/leads", {
    token: org.members.owner.token,
    body: { firstName: "Deal", email: email(), ...body },
  });
  expect(res.status).toBe(201);
  return res.json;
}

const patch = (id: string, body: Record<string, unknown>) =>
  api("PATCH", `/api/v1/leads/${id}`, { token: org.members.owner.token, body });

describe("deal fields on leads", () => {
  it("round-trip value, currency and expected close; a value without currency takes the organization's", async () => {
    const lead = await newLead({
      dealValue: 12500.5,
      dealCurrency: "EUR",
      expectedCloseDate: "2027-03-31",
    });
    expect(lead).toMatchObject({
      dealValue: 12500.5,
      dealCurrency: "EUR",
      expectedCloseDate: "2027-03-31",
      wonAt: null,
      lostAt: null,
    });
    const read = await api("GET", `/api/v1/leads/${lead.id}`, { token: org.members.owner.token });
    expect(read.json).toMatchObject({ dealValue: 12500.5, expectedCloseDate: "2027-03-31" });

    const usd = await newLead({ dealValue: 99 });
    expect(usd.dealCurrency).toBe("USD");

    const set = await api("PATCH", "/api/v1/organization", {
      token: org.members.admin.token,
      body: { currency: "CHF" },
    });
    expect(set.status).toBe(200);
    expect(set.json.currency).toBe("CHF");
    const got = await api("GET", "/api/v1/organization", { token: org.members.rep.token });
    expect(got.json.currency).toBe("CHF");
    const chf = await newLead({ dealValue: 1000 });
    expect(chf.dealCurrency).toBe("CHF");
    // Back to the default so the rest of the file sees USD.
    await api("PATCH", "/api/v1/organization", {
      token: org.members.admin.token,
      body: { currency: "USD" },
    });
  });

  it("refuses malformed amounts, currencies and dates (400) and a won date on an open lead", async () => {
    const lead = await newLead();
    for (const body of [
      { dealValue: -1 },
      { dealValue: 1.234 },
      { dealCurrency: "eur" },
      { dealCurrency: "EURO" },
      { expectedCloseDate: "31.03.2027" },
      { wonAt: "yesterday" },
    ]) {
      const res = await patch(lead.id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const res = await patch(lead.id, { wonAt: "2026-01-10T10:00:00Z" });
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([
      { path: "wonAt", message: "Only a lead in a won status has a won date" },
    ]);
    const currency = await api("PATCH", "/api/v1/organization", {
      token: org.members.admin.token,
      body: { currency: "usd" },
    });
    expect(currency.status).toBe(400);
  });

  it("stamps wonAt / lostAt when the status enters won / lost, clears them when it reopens, and keeps a backdated date", async () => {
    const lead = await newLead({ dealValue: 500 });
    const before = Date.now();
    const won = await patch(lead.id, { status: "won" });
    expect(won.status).toBe(200);
    expect(Date.parse(won.json.wonAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(won.json.lostAt).toBeNull();

    const lost = await patch(lead.id, { status: "lost" });
    expect(lost.json.wonAt).toBeNull();
    expect(lost.json.lostAt).not.toBeNull();

    const reopened = await patch(lead.id, { status: "qualified" });
    expect([reopened.json.wonAt, reopened.json.lostAt]).toEqual([null, null]);

    const backdated = await patch(lead.id, { status: "won", wonAt: "2026-02-01T09:00:00.000Z" });
    expect(backdated.json.wonAt).toBe("2026-02-01T09:00:00.000Z");
    // Later edits of other fields keep the date; so does a correction of it.
    const edited = await patch(lead.id, { dealValue: 750 });
    expect(edited.json.wonAt).toBe("2026-02-01T09:00:00.000Z");
    const corrected = await patch(lead.id, { wonAt: "2026-01-15T09:00:00.000Z" });
    expect(corrected.json.wonAt).toBe("2026-01-15T09:00:00.000Z");

    const created = await newLead({ status: "won", wonAt: "2025-12-24T12:00:00.000Z" });
    expect(created.wonAt).toBe("2025-12-24T12:00:00.000Z");
  });

  it("bulk status changes and batch writes set and clear the dates too", async () => {
    const a = await newLead();
    const b = await newLead();
    const bulk = await api("POST", "/api/v1/leads/bulk", {
      token: org.members.owner.token,
      body: { action: "update_status", ids: [a.id, b.id], data: { status: "won" } },
    });
    expect(bulk.status).toBe(200);
    expect(bulk.json.affected).toBe(2);
    for (const id of [a.id, b.id]) {
      const read = await api("GET", `/api/v1/leads/${id}`, { token: org.members.owner.token });
      expect(read.json.wonAt).not.toBeNull();
    }
    await api("POST", "/api/v1/leads/bulk", {
      token: org.members.owner.token,
      body: { action: "update_status", ids: [a.id], data: { status: "lost" } },
    });
    const lost = await api("GET", `/api/v1/leads/${a.id}`, { token: org.members.owner.token });
    expect(lost.json.wonAt).toBeNull();
    expect(lost.json.lostAt).not.toBeNull();

    const batch = await api("POST", "/api/v1/leads/batch", {
      token: org.members.owner.token,
      body: {
        mode: "upsert",
        leads: [{ email: b.email, status: "proposal", dealValue: 4200, dealCurrency: "EUR" }],
      },
    });
    expect(batch.status).toBeLessThan(300);
    const reopened = await api("GET", `/api/v1/leads/${b.id}`, { token: org.members.owner.token });
    expect(reopened.json).toMatchObject({
      status: "proposal",
      wonAt: null,
      lostAt: null,
      dealValue: 4200,
      dealCurrency: "EUR",
    });
  });
});
