import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";

let org: TestOrg;
let other: TestOrg;
const token = () => org.members.owner.token;
const ids: Record<string, string> = {};
let foreignId = "";

// Each lead walks these statuses in turn; the filter asks whether any was ever reached.
const PATHS: Record<string, string[]> = {
  Fresh: ["new"],
  Talked: ["new", "contacted"],
  LostAfterQualified: ["new", "qualified", "lost"],
  SkippedToDemo: ["new", "demo"],
  WonOutright: ["won"],
  BackToContacted: ["new", "proposal", "contacted"],
};

async function lead(t: string, firstName: string, statuses: string[]) {
  const res = await api("POST", "/api/v1/leads", {
    token: t,
    body: { firstName, status: statuses[0] },
  });
  expect(res.status, res.text).toBe(201);
  const id = res.json.id as string;
  for (const status of statuses.slice(1)) {
    const moved = await api("PATCH", `/api/v1/leads/${id}`, { token: t, body: { status } });
    expect(moved.status, moved.text).toBe(200);
  }
  return id;
}

beforeAll(async () => {
  org = await createTestOrg("ReachedStatus");
  other = await createTestOrg("ReachedStatusOther");
  for (const [name, path] of Object.entries(PATHS)) ids[name] = await lead(token(), name, path);
  foreignId = await lead(other.members.owner.token, "Foreign", ["new", "qualified"]);
});

async function list(query: string, t = token()) {
  const res = await api("GET", `/api/v1/leads?${query}`, { token: t });
  expect(res.status, res.text).toBe(200);
  return res.json as { data: { id: string }[]; pagination: { total: number } };
}

const idsOf = (names: string[]) => names.map((n) => ids[n]).sort();
const got = (page: { data: { id: string }[] }) => page.data.map((l) => l.id).sort();

describe("GET /leads?reachedStatus", () => {
  it("returns exactly the leads that were ever in one of the statuses, and counts them", async () => {
    const page = await list("reachedStatus=qualified,demo,proposal,trial,won&perPage=100");
    const expected = idsOf([
      "LostAfterQualified",
      "SkippedToDemo",
      "WonOutright",
      "BackToContacted",
    ]);
    expect(got(page)).toEqual(expected);
    expect(page.pagination.total).toBe(4);

    const contacted = await list("reachedStatus=contacted");
    expect(got(contacted)).toEqual(idsOf(["Talked", "BackToContacted"]));
    expect(contacted.pagination.total).toBe(2);
  });

  it("accepts labels as well as slugs, and combines with the other filters", async () => {
    const page = await list("reachedStatus=Qualified,Demo");
    expect(got(page)).toEqual(idsOf(["LostAfterQualified", "SkippedToDemo"]));
    const lostOnes = await list("reachedStatus=qualified,demo&status=lost");
    expect(got(lostOnes)).toEqual(idsOf(["LostAfterQualified"]));
    expect(lostOnes.pagination.total).toBe(1);
  });

  it("takes repeated parameters as the comma form", async () => {
    const page = await list("reachedStatus=qualified&reachedStatus=demo");
    expect(got(page)).toEqual(idsOf(["LostAfterQualified", "SkippedToDemo"]));
    expect(page.pagination.total).toBe(2);
  });

  it("never shows another organization's leads", async () => {
    const mine = await list("reachedStatus=qualified&perPage=100");
    expect(mine.data.map((l) => l.id)).not.toContain(foreignId);
    const theirs = await list("reachedStatus=qualified", other.members.owner.token);
    expect(got(theirs)).toEqual([foreignId]);
    expect(theirs.pagination.total).toBe(1);
  });

  it("answers malformed values with a 400 naming the parameter", async () => {
    for (const query of [
      "reachedStatus=no-such-status",
      `reachedStatus=${"x".repeat(101)}`,
      `reachedStatus=${Array.from({ length: 51 }, (_, i) => `s${i}`).join(",")}`,
    ]) {
      const res = await api("GET", `/api/v1/leads?${query}`, { token: token() });
      expect(res.status, query).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(JSON.stringify(res.json.errors)).toContain("reachedStatus");
    }
  });
});
