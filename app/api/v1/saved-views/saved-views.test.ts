import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";

let org: TestOrg;
const state = {
  query: { status: "qualified", q: "acme", sort: "-score" },
  columns: ["name", "company", "status", "score"],
  density: "compact",
};

beforeAll(async () => {
  org = await createTestOrg("Saved views");
});

describe("saved views", () => {
  it("keeps each user's views to themselves", async () => {
    const rep = org.members.rep.token;
    const created = await api("POST", "/api/v1/saved-views", {
      token: rep,
      body: { resource: "leads", name: "  Hot qualified  ", state },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ resource: "leads", name: "Hot qualified", state });

    const mine = await api("GET", "/api/v1/saved-views?resource=leads", { token: rep });
    expect(mine.json.data.map((v: { id: string }) => v.id)).toEqual([created.json.id]);

    const rep2 = org.members.rep2.token;
    expect(
      (await api("GET", "/api/v1/saved-views?resource=leads", { token: rep2 })).json.data,
    ).toEqual([]);
    expect(
      (
        await api("PATCH", `/api/v1/saved-views/${created.json.id}`, {
          token: rep2,
          body: { name: "x" },
        })
      ).status,
    ).toBe(404);
    expect(
      (await api("DELETE", `/api/v1/saved-views/${created.json.id}`, { token: rep2 })).status,
    ).toBe(404);
    // Another person may use the same name.
    expect(
      (
        await api("POST", "/api/v1/saved-views", {
          token: rep2,
          body: { resource: "leads", name: "Hot qualified", state },
        })
      ).status,
    ).toBe(201);
  });

  it("renames and replaces a view, refusing a name already used", async () => {
    const token = org.members.manager.token;
    const post = (name: string) =>
      api("POST", "/api/v1/saved-views", { token, body: { resource: "leads", name, state } });
    const a = (await post("Mine")).json;
    await post("Team");
    const clash = await post("Team");
    expect(clash.status).toBe(409);
    expect(clash.json.errors).toEqual([{ path: "name", message: "A view with this name exists" }]);

    const renamed = await api("PATCH", `/api/v1/saved-views/${a.id}`, {
      token,
      body: { name: "My open leads", state: { ...state, density: "comfortable", query: {} } },
    });
    expect(renamed.json).toMatchObject({
      name: "My open leads",
      state: { density: "comfortable", query: {} },
    });
    expect(
      (await api("PATCH", `/api/v1/saved-views/${a.id}`, { token, body: { name: "Team" } })).status,
    ).toBe(409);

    expect((await api("DELETE", `/api/v1/saved-views/${a.id}`, { token })).status).toBe(204);
    const names = (await api("GET", "/api/v1/saved-views?resource=leads", { token })).json.data.map(
      (v: { name: string }) => v.name,
    );
    expect(names).toEqual(["Team"]);
  });

  it("validates the view and refuses API keys, which have no views", async () => {
    const token = org.members.rep.token;
    const bad = await api("POST", "/api/v1/saved-views", {
      token,
      body: {
        resource: "deals",
        name: "",
        state: { query: { a: 1 }, columns: "name", density: "tiny" },
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(
      expect.arrayContaining([
        "name",
        "resource",
        "state.columns",
        "state.density",
        "state.query.a",
      ]),
    );
    const key = org.keys.admin.secret;
    const listed = await api("GET", "/api/v1/saved-views?resource=leads", { token: key });
    expect(listed.json.data).toEqual([]);
    const saved = await api("POST", "/api/v1/saved-views", {
      token: key,
      body: { resource: "leads", name: "Key view", state },
    });
    expect(saved.status).toBe(403);
  });
});
