import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";

let org: TestOrg;
let leadId: string;
const owner = () => org.members.owner.token;

beforeAll(async () => {
  org = await createTestOrg("Records");
  leadId = (
    await api("POST", "/api/v1/leads", {
      token: owner(),
      body: { firstName: "Nora", lastName: "Lind", email: "nora@example.com" },
    })
  ).json.id;
});

describe("notes", () => {
  it("adds, lists, edits and deletes notes; notes make the lead searchable", async () => {
    const added = await api("POST", `/api/v1/leads/${leadId}/notes`, {
      token: owner(),
      body: { body: "Asked about the waterfront duplex" },
    });
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({
      body: "Asked about the waterfront duplex",
      author: { id: org.members.owner.id },
    });
    const found = await api("GET", "/api/v1/leads", { token: owner(), query: { q: "waterfront" } });
    expect(found.json.data.map((l: { id: string }) => l.id)).toEqual([leadId]);
    const edited = await api("PATCH", `/api/v1/leads/${leadId}/notes/${added.json.id}`, {
      token: owner(),
      body: { body: "Wants the lakeside villa" },
    });
    expect(edited.json.body).toBe("Wants the lakeside villa");
    expect(
      (await api("GET", "/api/v1/leads", { token: owner(), query: { q: "waterfront" } })).json.data,
    ).toEqual([]);
    expect(
      (await api("GET", "/api/v1/leads", { token: owner(), query: { q: "lakeside" } })).json.data,
    ).toHaveLength(1);
    // Someone else's note: only its author or an admin may change it.
    expect(
      (
        await api("PATCH", `/api/v1/leads/${leadId}/notes/${added.json.id}`, {
          token: org.members.manager.token,
          body: { body: "x" },
        })
      ).status,
    ).toBe(404);
    const list = await api("GET", `/api/v1/leads/${leadId}/notes`, { token: owner() });
    expect(list.json.data).toHaveLength(1);
    expect(
      (await api("DELETE", `/api/v1/leads/${leadId}/notes/${added.json.id}`, { token: owner() }))
        .status,
    ).toBe(204);
    expect(
      (await api("GET", `/api/v1/leads/${leadId}/notes`, { token: owner() })).json.data,
    ).toEqual([]);
  });
});

describe("search", () => {
  it("finds leads by prefix, substring and with a typo", async () => {
    const mk = (body: Record<string, unknown>) =>
      api("POST", "/api/v1/leads", { token: owner(), body });
    const a = (
      await mk({ firstName: "Bartholomew", lastName: "Quinn", company: "Harborview Estates" })
    ).json;
    await mk({ firstName: "Someone", lastName: "Else", company: "Other Co" });
    const ids = async (q: string) =>
      (await api("GET", "/api/v1/leads", { token: owner(), query: { q } })).json.data.map(
        (l: { id: string }) => l.id,
      );
    expect(await ids("barth")).toEqual([a.id]);
    expect(await ids("harborv")).toEqual([a.id]);
    expect(await ids("bartholomeu")).toEqual([a.id]);
    expect(await ids("harbourview")).toEqual([a.id]);
    expect(await ids("zzzzqqq")).toEqual([]);
  });
});

describe("tags", () => {
  it("adds normalised tags, filters by them and removes one", async () => {
    const res = await api("POST", `/api/v1/leads/${leadId}/tags`, {
      token: owner(),
      body: { tags: ["Investor", "cash buyer", "investor"] },
    });
    expect(res.json.tags).toEqual(["investor", "cash buyer"]);
    const byTag = await api("GET", "/api/v1/leads", {
      token: owner(),
      query: { tag: "investor,cash buyer" },
    });
    expect(byTag.json.data.map((l: { id: string }) => l.id)).toEqual([leadId]);
    expect(
      (await api("DELETE", `/api/v1/leads/${leadId}/tags/Investor`, { token: owner() })).status,
    ).toBe(204);
    expect((await api("GET", `/api/v1/leads/${leadId}`, { token: owner() })).json.tags).toEqual([
      "cash buyer",
    ]);
  });
});

describe("inquiries, tracked events and the timeline", () => {
  it("records an inquiry and answers with the raised score", async () => {
    const before = (await api("GET", `/api/v1/leads/${leadId}`, { token: owner() })).json.score;
    const res = await api("POST", `/api/v1/leads/${leadId}/inquiries`, {
      token: org.keys.integration.secret,
      body: { message: "I would like more information about the property" },
    });
    expect(res.status).toBe(201);
    expect(res.json.newScore).toBe(before + 15);
    expect(res.json.inquiryId).toMatch(/^[0-9a-f-]{36}$/);
    const list = await api("GET", `/api/v1/leads/${leadId}/inquiries`, { token: owner() });
    expect(list.json.data[0].message).toContain("more information");
  });

  it("tracks events from a website with an API key, and summarises them", async () => {
    const key = org.keys.integration.secret;
    for (const value of ["/property/123", "/property/123", "/property/456"]) {
      const res = await api("POST", `/api/v1/leads/${leadId}/events`, {
        token: key,
        body: { type: "page_view", value, occurredAt: "2026-11-20T10:00:00Z" },
      });
      expect(res.status).toBe(201);
    }
    await api("POST", `/api/v1/leads/${leadId}/events`, {
      token: key,
      body: { type: "brochure_download", value: "villa.pdf", occurredAt: "2026-11-21T09:00:00Z" },
    });
    const bad = await api("POST", `/api/v1/leads/${leadId}/events`, {
      token: key,
      body: { type: "Page View!", occurredAt: "2999-01-01T00:00:00Z" },
    });
    expect(bad.status).toBe(400);
    const analytics = await api("GET", `/api/v1/leads/${leadId}/analytics`, {
      token: owner(),
      query: { from: "2026-11-01T00:00:00Z", to: "2026-11-30T00:00:00Z" },
    });
    expect(analytics.json.byType).toEqual([
      { type: "page_view", count: 3, lastAt: "2026-11-20T10:00:00.000Z" },
      { type: "brochure_download", count: 1, lastAt: "2026-11-21T09:00:00.000Z" },
    ]);
    expect(analytics.json.byDay).toEqual([
      { date: "2026-11-20", type: "page_view", count: 3 },
      { date: "2026-11-21", type: "brochure_download", count: 1 },
    ]);
    expect(analytics.json.data[0]).toMatchObject({ type: "brochure_download", value: "villa.pdf" });
  });

  it("puts everything on one timeline, newest first, page by page", async () => {
    const seen: { type: string; occurredAt: string }[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 20; i++) {
      const page = await api("GET", `/api/v1/leads/${leadId}/timeline`, {
        token: owner(),
        query: { perPage: "3", ...(cursor ? { cursor } : {}) },
      });
      expect(page.status).toBe(200);
      seen.push(...page.json.data);
      cursor = page.json.nextCursor ?? undefined;
      if (!cursor) break;
    }
    const types = seen.map((s) => s.type);
    expect(types).toEqual(
      expect.arrayContaining([
        "created",
        "note_added",
        "note_edited",
        "note_deleted",
        "tags_added",
        "tags_removed",
        "inquiry_received",
        "score_changed",
        "event",
      ]),
    );
    const times = seen.map((s) => s.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(new Set(seen.map((s) => JSON.stringify(s))).size).toBe(seen.length);
  });
});
