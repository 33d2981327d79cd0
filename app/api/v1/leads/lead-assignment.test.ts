import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";

let org: TestOrg;
const owner = () => org.members.owner.token;
const get = async (id: string) =>
  (await api("GET", `/api/v1/leads/${id}`, { token: owner() })).json;

beforeAll(async () => {
  org = await createTestOrg("Assignment");
});

describe("assignedAt: when the current owner got the lead", () => {
  it("is set on every path that changes the owner, and only then", async () => {
    const unassigned = (
      await api("POST", "/api/v1/leads", {
        token: owner(),
        body: { email: "u@example.com", ownerId: null },
      })
    ).json;
    expect(unassigned.assignedAt).toBeNull();

    const assigned = (
      await api("POST", "/api/v1/leads", {
        token: owner(),
        body: { email: "a@example.com", ownerId: org.members.rep.id },
      })
    ).json;
    expect(assigned.assignedAt).not.toBeNull();

    await new Promise((r) => setTimeout(r, 20));
    await api("PATCH", `/api/v1/leads/${assigned.id}`, {
      token: owner(),
      body: { jobTitle: "CTO" },
    });
    expect((await get(assigned.id)).assignedAt).toBe(assigned.assignedAt);

    await api("PATCH", `/api/v1/leads/${assigned.id}`, {
      token: owner(),
      body: { ownerId: org.members.rep2.id },
    });
    const reassigned = (await get(assigned.id)).assignedAt;
    expect(Date.parse(reassigned)).toBeGreaterThan(Date.parse(assigned.assignedAt));

    const bulk = await api("POST", "/api/v1/leads/bulk", {
      token: owner(),
      body: { action: "assign", ids: [unassigned.id], data: { ownerId: org.members.rep.id } },
    });
    expect(bulk.status).toBe(200);
    expect((await get(unassigned.id)).assignedAt).not.toBeNull();

    await api("PATCH", `/api/v1/leads/${assigned.id}`, { token: owner(), body: { ownerId: null } });
    expect((await get(assigned.id)).assignedAt).toBeNull();
  });

  it("filters and sorts newly assigned leads", async () => {
    const rep = org.members.rep;
    const since = new Date(Date.now() - 60_000).toISOString();
    const ids: string[] = [];
    for (const n of [1, 2, 3]) {
      const lead = await api("POST", "/api/v1/leads", {
        token: owner(),
        body: { email: `new${n}@example.com`, ownerId: rep.id },
      });
      ids.push(lead.json.id);
      await new Promise((r) => setTimeout(r, 15));
    }
    const page = await api(
      "GET",
      `/api/v1/leads?ownerId=me&assignedFrom=${since}&sort=-assignedAt`,
      {
        token: rep.token,
      },
    );
    expect(page.status).toBe(200);
    const got = page.json.data.map((l: { id: string }) => l.id);
    expect(got.slice(0, 3)).toEqual([...ids].reverse());
    const future = new Date(Date.now() + 60_000).toISOString();
    const none = await api("GET", `/api/v1/leads?assignedFrom=${future}`, { token: rep.token });
    expect(none.json.data).toEqual([]);
  });
});
