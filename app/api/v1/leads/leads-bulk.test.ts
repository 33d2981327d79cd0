import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { leadActivities, leadNotes, outboxEvents } from "@/db/schema";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";

let org: TestOrg;
const admin = () => org.members.admin.token;
beforeAll(async () => {
  org = await createTestOrg("Bulk");
});

describe("batch create", () => {
  it("creates up to 1,000 leads with a result per item; bad items never stop good ones", async () => {
    const res = await api("POST", "/api/v1/leads/batch", {
      token: admin(),
      body: {
        leads: [
          { firstName: "One", email: "one@batch.test" },
          { firstName: "Bad", email: "not-an-email" },
          { firstName: "Two", email: "two@batch.test", status: "qualified" },
          { firstName: "Dup", email: "ONE@batch.test" },
          { firstName: "X", unknownField: 1 },
          { firstName: "Three", status: "no-such-status" },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ succeeded: 2, failed: 3, skipped: 1 });
    expect(
      res.json.results.map((r: { index: number; outcome: string }) => [r.index, r.outcome]),
    ).toEqual([
      [0, "created"],
      [1, "failed"],
      [2, "created"],
      [3, "skipped"],
      [4, "failed"],
      [5, "failed"],
    ]);
    expect(res.json.results[1].errors[0].path).toBe("email");
    expect(res.json.results[4].errors[0]).toEqual({
      path: "unknownField",
      message: "Unknown field",
    });
    const created = await api("GET", `/api/v1/leads/${res.json.results[2].id}`, { token: admin() });
    expect(created.json).toMatchObject({ status: "qualified", ownerId: org.members.admin.id });
    const tooMany = await api("POST", "/api/v1/leads/batch", {
      token: admin(),
      body: { leads: Array.from({ length: 1001 }, (_, i) => ({ firstName: `L${i}` })) },
    });
    expect(tooMany.status).toBe(400);
  });

  it("upserts by email", async () => {
    const res = await api("POST", "/api/v1/leads/batch", {
      token: admin(),
      body: { mode: "upsert", leads: [{ email: "one@batch.test", company: "New Co" }] },
    });
    expect(res.json.results[0].outcome).toBe("updated");
    expect(
      (await api("GET", `/api/v1/leads/${res.json.results[0].id}`, { token: admin() })).json,
    ).toMatchObject({ firstName: "One", company: "New Co" });
  });
});

describe("bulk actions", () => {
  it("changes status by ids, with history, timeline and events", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push(
        (
          await api("POST", "/api/v1/leads", {
            token: admin(),
            body: { firstName: `Status${i}`, ownerId: null },
          })
        ).json.id,
      );
    const res = await api("POST", "/api/v1/leads/bulk", {
      token: admin(),
      body: { action: "update_status", ids, data: { status: "Won" } },
    });
    expect(res.json).toEqual({ affected: 3 });
    const again = await api("POST", "/api/v1/leads/bulk", {
      token: admin(),
      body: { action: "update_status", ids, data: { status: "won" } },
    });
    expect(again.json).toEqual({ affected: 0 });
    const lead = (await api("GET", `/api/v1/leads/${ids[0]}`, { token: admin() })).json;
    expect(lead.status).toBe("won");
    const timeline = (await api("GET", `/api/v1/leads/${ids[0]}/timeline`, { token: admin() })).json
      .data;
    expect(timeline.find((t: { type: string }) => t.type === "status_changed").data).toMatchObject({
      from: "new",
      to: "won",
      bulk: true,
    });
    const events = await (
      await getDb()
    )
      .select()
      .from(outboxEvents)
      .where(
        and(eq(outboxEvents.organizationId, org.id), eq(outboxEvents.name, "lead/status.changed")),
      );
    expect(events.filter((e) => ids.includes(e.data.leadId as string))).toHaveLength(3);
    const stats = (await api("GET", "/api/v1/leads/stats", { token: admin() })).json;
    expect(stats.byStatus.find((s: { value: string }) => s.value === "won").count).toBe(3);
  });

  it("acts on every lead matching a filter, only those the caller can see", async () => {
    const v = await createTestOrg("BulkVis");
    for (let i = 0; i < 4; i++)
      await api("POST", "/api/v1/leads", {
        token: v.members.rep.token,
        body: { firstName: `Mine${i}`, source: "facebook" },
      });
    for (let i = 0; i < 2; i++)
      await api("POST", "/api/v1/leads", {
        token: v.members.rep2.token,
        body: { firstName: `Theirs${i}`, source: "facebook" },
      });
    const tagged = await api("POST", "/api/v1/leads/bulk", {
      token: v.members.rep.token,
      body: {
        action: "add_tags",
        filter: { source: "facebook" },
        data: { tags: ["Spring Promo"] },
      },
    });
    expect(tagged.json.affected).toBe(4);
    const byTag = await api("GET", "/api/v1/leads", {
      token: v.members.admin.token,
      query: { tag: "spring promo" },
    });
    expect(byTag.json.pagination.total).toBe(4);
    const assigned = await api("POST", "/api/v1/leads/bulk", {
      token: v.members.admin.token,
      body: {
        action: "assign",
        filter: { tag: "spring promo" },
        data: { ownerId: v.members.manager.id },
      },
    });
    expect(assigned.json.affected).toBe(4);
    const removed = await api("POST", "/api/v1/leads/bulk", {
      token: v.members.admin.token,
      body: { action: "remove_tags", filter: {}, data: { tags: ["spring promo"] } },
    });
    expect(removed.json.affected).toBe(4);
    // Each bulk change is on the lead's timeline, marked as bulk.
    const mine = (
      await api("GET", "/api/v1/leads", { token: v.members.admin.token, query: { q: "mine0" } })
    ).json.data[0];
    const timeline = (
      await api("GET", `/api/v1/leads/${mine.id}/timeline`, { token: v.members.admin.token })
    ).json.data as { type: string; data: Record<string, unknown> }[];
    expect(timeline.find((t) => t.type === "tags_added")?.data).toEqual({
      tags: ["spring promo"],
      bulk: true,
    });
    expect(timeline.find((t) => t.type === "owner_changed")?.data).toEqual({
      to: v.members.manager.id,
      bulk: true,
    });
    expect(timeline.find((t) => t.type === "tags_removed")?.data).toEqual({
      tags: ["spring promo"],
      bulk: true,
    });
    expect(
      (
        await api("POST", "/api/v1/leads/bulk", {
          token: v.members.rep.token,
          body: { action: "delete", filter: {} },
        })
      ).status,
    ).toBe(403);
    const deleted = await api("POST", "/api/v1/leads/bulk", {
      token: v.members.admin.token,
      body: { action: "delete", filter: { q: "theirs" } },
    });
    expect(deleted.json.affected).toBe(2);
    const gone = (
      await api("GET", "/api/v1/leads", {
        token: v.members.admin.token,
        query: { deleted: "true", q: "theirs0" },
      })
    ).json.data[0];
    const [goneEntry] = await (
      await getDb()
    )
      .select({ data: leadActivities.data })
      .from(leadActivities)
      .where(and(eq(leadActivities.leadId, gone.id), eq(leadActivities.type, "deleted")));
    expect(goneEntry?.data).toEqual({ bulk: true });
    expect(
      (await api("GET", "/api/v1/leads", { token: v.members.admin.token })).json.pagination.total,
    ).toBe(4);
    expect(
      (
        await api("POST", "/api/v1/leads/bulk", {
          token: v.members.admin.token,
          body: { action: "delete" },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await api("POST", "/api/v1/leads/bulk", {
          token: v.members.admin.token,
          body: { action: "assign", ids: [], data: {} },
        })
      ).status,
    ).toBe(400);
  });
});

describe("merge", () => {
  it("folds duplicates into one lead, keeping history and filling gaps", async () => {
    const primary = (
      await api("POST", "/api/v1/leads", {
        token: admin(),
        body: { firstName: "Maria", email: "maria@merge.test", tags: ["a"] },
      })
    ).json;
    const dupe = (
      await api("POST", "/api/v1/leads", {
        token: admin(),
        body: {
          firstName: "Maria G",
          phone: "+1 415 555 0101",
          company: "Garcia Homes",
          tags: ["b"],
        },
      })
    ).json;
    await api("POST", `/api/v1/leads/${dupe.id}/notes`, {
      token: admin(),
      body: { body: "Prefers mornings" },
    });
    const merged = await api("POST", "/api/v1/leads/merge", {
      token: admin(),
      body: { primaryId: primary.id, duplicateIds: [dupe.id] },
    });
    expect(merged.status).toBe(200);
    expect(merged.json).toMatchObject({
      firstName: "Maria",
      email: "maria@merge.test",
      phone: "+14155550101",
      company: "Garcia Homes",
      tags: ["a", "b"],
    });
    const notes = await (
      await getDb()
    )
      .select()
      .from(leadNotes)
      .where(eq(leadNotes.leadId, primary.id));
    expect(notes.map((n) => n.body)).toEqual(["Prefers mornings"]);
    expect((await api("GET", `/api/v1/leads/${dupe.id}`, { token: admin() })).status).toBe(404);
    const timeline = (
      await api("GET", `/api/v1/leads/${primary.id}/timeline`, {
        token: admin(),
        query: { perPage: "100" },
      })
    ).json.data;
    expect(timeline.find((t: { type: string }) => t.type === "merged").data.mergedIds).toEqual([
      dupe.id,
    ]);
    expect(
      (
        await api("POST", "/api/v1/leads/merge", {
          token: admin(),
          body: { primaryId: primary.id, duplicateIds: [primary.id] },
        })
      ).status,
    ).toBe(400);
  });
});

describe("filter tree search", () => {
  it("combines and/or/not conditions over fields, tags and custom fields", async () => {
    const s = await createTestOrg("Search");
    const t = s.members.admin.token;
    await api("POST", "/api/v1/custom-fields", {
      token: t,
      body: { label: "Budget", type: "number" },
    });
    const mk = async (body: Record<string, unknown>) =>
      (await api("POST", "/api/v1/leads", { token: t, body })).json.id;
    const a = await mk({
      firstName: "A",
      status: "new",
      tags: ["vip"],
      customFields: { budget: 900 },
    });
    const b = await mk({
      firstName: "B",
      status: "contacted",
      jobTitle: "CEO",
      email: "b@s.test",
      phone: "+14155550102",
      source: "referral",
      company: "Co",
    });
    const c = await mk({ firstName: "C", status: "won", customFields: { budget: 100 } });
    const ids = async (filter: unknown) => {
      const res = await api("POST", "/api/v1/leads/search", {
        token: t,
        body: { filter, sort: "displayName" },
      });
      expect(res.status, JSON.stringify(res.json)).toBe(200);
      return res.json.data.map((l: { id: string }) => l.id);
    };
    expect(await ids({ field: "status", op: "in", value: ["New", "contacted"] })).toEqual([a, b]);
    expect(
      await ids({
        or: [
          { field: "tags", op: "contains", value: "VIP" },
          { field: "score", op: "gte", value: 30 },
        ],
      }),
    ).toEqual([a, b]);
    expect(
      await ids({
        and: [
          { field: "custom.budget", op: "gt", value: 500 },
          { not: { field: "status", op: "eq", value: "won" } },
        ],
      }),
    ).toEqual([a]);
    expect(await ids({ field: "jobTitle", op: "starts_with", value: "ce" })).toEqual([b]);
    expect(await ids({ field: "email", op: "not_exists" })).toEqual([a, c]);
    const bad = await api("POST", "/api/v1/leads/search", {
      token: t,
      body: { filter: { field: "passwordHash", op: "eq", value: "x" } },
    });
    expect(bad.status).toBe(400);
    const injection = await api("POST", "/api/v1/leads/search", {
      token: t,
      body: { filter: { field: "company", op: "eq", value: "x' or 1=1 --" } },
    });
    expect(injection.json.data).toEqual([]);
    const deep = {
      not: {
        not: { not: { not: { not: { not: { not: { field: "score", op: "gt", value: 1 } } } } } },
      },
    };
    expect(
      (await api("POST", "/api/v1/leads/search", { token: t, body: { filter: deep } })).status,
    ).toBe(400);
  });
});
