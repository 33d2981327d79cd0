import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { leads } from "@/db/schema";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { runPendingJobs } from "@/lib/testing/jobs";

let org: TestOrg;
const token = () => org.members.admin.token;

beforeAll(async () => {
  org = await createTestOrg("ImportDeals");
});

async function importAndRun(csv: string) {
  const res = await api("POST", "/api/v1/leads/import", {
    token: token(),
    rawBody: csv,
    headers: { "content-type": "text/csv" },
  });
  expect(res.status, res.text).toBe(202);
  await runPendingJobs();
  const done = await api("GET", `/api/v1/imports/${res.json.id}`, { token: token() });
  return { upload: res.json, done: done.json };
}

async function dealOf(email: string) {
  const db = await getDb();
  const [row] = await db
    .select({
      dealValue: leads.dealValue,
      dealCurrency: leads.dealCurrency,
      expectedCloseDate: leads.expectedCloseDate,
    })
    .from(leads)
    .where(and(eq(leads.organizationId, org.id), eq(leads.email, email)));
  return row ?? null;
}

describe("importing deal columns", () => {
  it("maps amount, currency and close date headers and offers the fields", async () => {
    const res = await api("POST", "/api/v1/leads/import/propose-mapping", {
      token: token(),
      body: { headers: ["Email", "Deal Amount", "Currency", "Expected Close Date", "Value"] },
    });
    expect(res.status).toBe(200);
    expect(res.json.columns.map((c: { field: string | null }) => c.field)).toEqual([
      "email",
      "dealValue",
      "dealCurrency",
      "expectedCloseDate",
      null,
    ]);
    expect(res.json.fields).toEqual(
      expect.arrayContaining(["dealValue", "dealCurrency", "expectedCloseDate"]),
    );
  });

  it("reads written amounts, codes and dates; a bad cell fails its row, named by column", async () => {
    const csv = [
      "Email,Deal Amount,Currency,Close Date",
      'a@deals.test,"12,500.00",eur,2027-03-31',
      'b@deals.test,"$12,500",,3/31/2027',
      "c@deals.test,12500,GBP,31.03.2027",
      'd@deals.test,"€1.250,50",,"Mar 5, 2027"',
      "e@deals.test,,chf,",
      "bad-amount@deals.test,twelve,,",
      "bad-currency@deals.test,100,EURO,",
      "ambiguous@deals.test,100,,03/04/2027",
      "impossible@deals.test,100,,2027-02-30",
      "negative@deals.test,-5,,",
      "huge@deals.test,1000000000000,,",
      "conflict@deals.test,€100,USD,",
    ].join("\n");
    const { upload, done } = await importAndRun(csv);
    expect(upload.mapping.map((m: { field: string }) => m.field)).toEqual([
      "email",
      "dealValue",
      "dealCurrency",
      "expectedCloseDate",
    ]);
    expect(done).toMatchObject({ status: "completed", created: 5, failed: 7 });
    const errors = done.errors.map((e: { row: number; column: string; message: string }) => [
      e.row,
      e.column,
      e.message,
    ]);
    expect(errors).toEqual(
      expect.arrayContaining([
        [7, "Deal Amount", '"twelve" is not an amount (e.g. 12500 or 12,500.00)'],
        [8, "Currency", '"EURO" is not an ISO 4217 currency code such as EUR or USD'],
        [9, "Close Date", '"03/04/2027" could be day/month or month/day: use YYYY-MM-DD'],
        [10, "Close Date", '"2027-02-30" is not a date (use YYYY-MM-DD)'],
        [11, "Deal Amount", '"-5" is not an amount (e.g. 12500 or 12,500.00)'],
        [13, "Deal Amount", "The amount is in EUR but the currency column says USD"],
      ]),
    );
    expect(done.errors.find((e: { row: number }) => e.row === 12)).toMatchObject({
      column: "Deal Amount",
    });
    expect(done.errors).toHaveLength(7);

    expect(await dealOf("a@deals.test")).toEqual({
      dealValue: 12500,
      dealCurrency: "EUR",
      expectedCloseDate: "2027-03-31",
    });
    // No currency anywhere: the organization's.
    expect(await dealOf("b@deals.test")).toEqual({
      dealValue: 12500,
      dealCurrency: "USD",
      expectedCloseDate: "2027-03-31",
    });
    expect(await dealOf("c@deals.test")).toEqual({
      dealValue: 12500,
      dealCurrency: "GBP",
      expectedCloseDate: "2027-03-31",
    });
    expect(await dealOf("d@deals.test")).toEqual({
      dealValue: 1250.5,
      dealCurrency: "EUR",
      expectedCloseDate: "2027-03-05",
    });
    expect(await dealOf("e@deals.test")).toEqual({
      dealValue: null,
      dealCurrency: "CHF",
      expectedCloseDate: null,
    });
    expect(await dealOf("bad-amount@deals.test")).toBeNull();
  });

  it("an export of deals imports straight back onto the same values", async () => {
    await api("POST", "/api/v1/leads", {
      token: token(),
      body: {
        email: "roundtrip@deals.test",
        dealValue: 777.25,
        dealCurrency: "SEK",
        expectedCloseDate: "2027-08-01",
        tags: ["roundtrip"],
      },
    });
    const exported = await api("GET", "/api/v1/leads/export?tag=roundtrip", { token: token() });
    expect(exported.status).toBe(200);
    const csv = exported.text.replace(/^\uFEFF/, "").replace("roundtrip@", "copy@");
    const { upload, done } = await importAndRun(csv);
    const fields = Object.fromEntries(
      upload.mapping.map((m: { header: string; field: string }) => [m.header, m.field]),
    );
    expect(fields).toMatchObject({
      "Deal Value": "dealValue",
      "Deal Currency": "dealCurrency",
      "Expected Close Date": "expectedCloseDate",
      "Won At": null,
      "Lost At": null,
    });
    expect(done).toMatchObject({ created: 1, failed: 0 });
    expect(await dealOf("copy@deals.test")).toEqual({
      dealValue: 777.25,
      dealCurrency: "SEK",
      expectedCloseDate: "2027-08-01",
    });
  });
});
