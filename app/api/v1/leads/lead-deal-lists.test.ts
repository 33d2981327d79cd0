import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";

let org: TestOrg;
let other: TestOrg;
const token = () => org.members.owner.token;

// In creation order (ids ascending): the names say value and expected close.
const DEALS = [
  { firstName: "Mid", dealValue: 500, dealCurrency: "EUR", expectedCloseDate: "2027-05-01" },
  { firstName: "TopA", dealValue: 12500.5, dealCurrency: "USD", expectedCloseDate: "2027-03-31" },
  { firstName: "None" },
  { firstName: "Small", dealValue: 99, dealCurrency: "USD", expectedCloseDate: "2027-01-15" },
  { firstName: "TopB", dealValue: 12500.5, dealCurrency: "EUR" },
  { firstName: "Zero", dealValue: 0, dealCurrency: "USD", expectedCloseDate: "2027-03-31" },
];

beforeAll(async () => {
  org = await createTestOrg("DealLists");
  other = await createTestOrg("DealListsOther");
  for (const body of DEALS) {
    const res = await api("POST", "/api/v1/leads", { token: token(), body });
    expect(res.status, res.text).toBe(201);
  }
  await api("POST", "/api/v1/leads", {
    token: other.members.owner.token,
    body: { firstName: "Foreign", dealValue: 1_000_000, expectedCloseDate: "2027-02-01" },
  });
});

describe("GET /leads?dealCurrency", () => {
  it("counts a deal without a currency in the organization's, and leads without a deal in none", async () => {
    const own = await createTestOrg("DealCurrencyDefault");
    const t = own.members.owner.token;
    for (const body of [
      { firstName: "Implicit", dealValue: 10 },
      { firstName: "Explicit", dealValue: 20, dealCurrency: "GBP" },
      { firstName: "NoDeal" },
    ])
      expect((await api("POST", "/api/v1/leads", { token: t, body })).status).toBe(201);
    const org = await api("GET", "/api/v1/leads?dealCurrency=USD", { token: t });
    expect(org.json.data.map((l: Row) => l.firstName)).toEqual(["Implicit"]);
    const gbp = await api("GET", "/api/v1/leads?dealCurrency=gbp", { token: t });
    expect(gbp.json.data.map((l: Row) => l.firstName)).toEqual(["Explicit"]);
    expect(gbp.json.pagination.total).toBe(1);
  });
});

type Row = { firstName: string };

async function list(query: string) {
  const res = await api("GET", `/api/v1/leads?${query}`, { token: token() });
  expect(res.status, res.text).toBe(200);
  return res.json as { data: Row[]; pagination: { total: number; nextCursor: string | null } };
}

/** Every page by keyset cursor, two at a time. */
async function walk(sort: string, filters = "") {
  const names: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await list(
      `sort=${sort}&perPage=2${filters}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    names.push(...page.data.map((l) => l.firstName));
    cursor = page.pagination.nextCursor;
  } while (cursor);
  return names;
}

const names = (page: { data: Row[] }) => page.data.map((l) => l.firstName);

describe("GET /leads by deal", () => {
  it("sorts by deal value (no deal lowest, ties newest first) and pages by cursor the same", async () => {
    const expected = ["TopB", "TopA", "Mid", "Small", "Zero", "None"];
    expect(names(await list("sort=-dealValue"))).toEqual(expected);
    expect(await walk("-dealValue")).toEqual(expected);
    const ascending = ["None", "Zero", "Small", "Mid", "TopA", "TopB"];
    expect(names(await list("sort=dealValue"))).toEqual(ascending);
    expect(await walk("dealValue")).toEqual(ascending);
  });

  it("sorts by expected close date (none last), with keyset pages matching", async () => {
    const expected = ["Small", "TopA", "Zero", "Mid", "None", "TopB"];
    expect(names(await list("sort=expectedCloseDate"))).toEqual(expected);
    expect(await walk("expectedCloseDate")).toEqual(expected);
    const descending = ["TopB", "None", "Mid", "Zero", "TopA", "Small"];
    expect(await walk("-expectedCloseDate")).toEqual(descending);
    // Ties on the date (and no date) fall to the second term.
    expect(await walk("expectedCloseDate,-dealValue")).toEqual([
      "Small",
      "TopA",
      "Zero",
      "Mid",
      "TopB",
      "None",
    ]);
  });

  it("filters by deal value and expected close, with exact totals, and refuses bad values", async () => {
    const page = await list("minDealValue=99&maxDealValue=500&sort=dealValue");
    expect(names(page)).toEqual(["Small", "Mid"]);
    expect(page.pagination.total).toBe(2);
    const big = await list("minDealValue=12500.5");
    expect(big.pagination.total).toBe(2);
    expect(names(big).sort()).toEqual(["TopA", "TopB"]);
    const zero = await list("maxDealValue=0");
    expect(names(zero)).toEqual(["Zero"]);
    const closing = await list(
      "expectedCloseFrom=2027-03-31&expectedCloseTo=2027-05-01&sort=-dealValue",
    );
    expect(names(closing)).toEqual(["TopA", "Mid", "Zero"]);
    expect(closing.pagination.total).toBe(3);
    const q1 = await list("expectedCloseTo=2027-03-30");
    expect(names(q1)).toEqual(["Small"]);
    // Amounts compare as they are; the currency filter keeps like with like.
    const euros = await list("dealCurrency=eur&minDealValue=500&sort=dealValue");
    expect(names(euros)).toEqual(["Mid", "TopB"]);
    expect(euros.pagination.total).toBe(2);
    const either = await list("dealCurrency=EUR,USD&maxDealValue=99&sort=dealValue");
    expect(names(either)).toEqual(["Zero", "Small"]);

    for (const query of [
      "minDealValue=lots",
      "maxDealValue=-5",
      "expectedCloseFrom=31.03.2027",
      "expectedCloseTo=2027-02-30",
      "dealValueMin=5",
      "dealCurrency=EURO",
      "dealCurrency=E1R",
      "sort=dealvalue",
    ]) {
      const res = await api("GET", `/api/v1/leads?${query}`, { token: token() });
      expect(res.status, query).toBe(400);
      expect(res.headers.get("content-type"), query).toContain("application/problem+json");
    }
    // A cursor of another order, or forged values, is a 400 too.
    const first = await list("sort=-dealValue&perPage=2");
    const wrongSort = await api(
      "GET",
      `/api/v1/leads?sort=expectedCloseDate&cursor=${first.pagination.nextCursor}`,
      { token: token() },
    );
    expect(wrongSort.status).toBe(400);
    const forged = Buffer.from(JSON.stringify({ s: "-dealValue,-id", v: ["x", "y"] })).toString(
      "base64url",
    );
    const bad = await api("GET", `/api/v1/leads?sort=-dealValue&cursor=${forged}`, {
      token: token(),
    });
    expect(bad.status).toBe(400);
  });

  it("never shows another organization's deals", async () => {
    const all = await walk("-dealValue", "&minDealValue=0");
    expect(all).not.toContain("Foreign");
    expect(all).toHaveLength(5);
  });

  it("filters the tree search by deal fields", async () => {
    const res = await api("POST", "/api/v1/leads/search", {
      token: token(),
      body: {
        filter: {
          and: [
            { field: "dealValue", op: "gte", value: 500 },
            { field: "dealCurrency", op: "eq", value: "EUR" },
            { field: "expectedCloseDate", op: "exists" },
          ],
        },
      },
    });
    expect(res.status, res.text).toBe(200);
    expect(names(res.json)).toEqual(["Mid"]);
  });

  it("exports the deal columns with exact values, in the table's order", async () => {
    const res = await api("GET", "/api/v1/leads/export?sort=-dealValue&minDealValue=99", {
      token: token(),
    });
    expect(res.status, res.text).toBe(200);
    const [header, ...rows] = res.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    const columns = header!.split(",");
    const pick = (line: string, name: string) => line.split(",")[columns.indexOf(name)];
    expect(rows.map((r) => pick(r, "First Name"))).toEqual(["TopB", "TopA", "Mid", "Small"]);
    expect(rows.map((r) => pick(r, "Deal Value"))).toEqual(["12500.5", "12500.5", "500", "99"]);
    expect(rows.map((r) => pick(r, "Deal Currency"))).toEqual(["EUR", "USD", "EUR", "USD"]);
    expect(rows.map((r) => pick(r, "Expected Close Date"))).toEqual([
      "",
      "2027-03-31",
      "2027-05-01",
      "2027-01-15",
    ]);
  });
});
