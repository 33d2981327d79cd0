import { beforeAll, describe, expect, it } from "vitest";
import { getDb, queryRows } from "@/db/client";
import { sql } from "drizzle-orm";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { pick, seededRandom } from "@/lib/seed/fake-leads";

// A list filtered by one tag takes its total from lead_counts (dimension 'tag', kept by the
// leads triggers, migration 0055). These writes move tags every way the product can; after them
// the counted totals must equal the counted-row totals, for every tag and every viewer.
const POOL = ["vip", "spring promo", "west", "east", "partner"];

let org: TestOrg;
const token = (who: keyof TestOrg["members"]) => org.members[who].token;
beforeAll(async () => {
  org = await createTestOrg("Tag counts");
});

async function total(who: keyof TestOrg["members"], query: Record<string, string | string[]>) {
  const res = await api("GET", "/api/v1/leads", { token: token(who), query });
  expect(res.status).toBe(200);
  return res.json.pagination.total as number;
}

describe("tag totals from the lead counts", () => {
  it("equal counting the rows after creates, edits, bulk tag changes, reassignment, trash and restore", async () => {
    const random = seededRandom(55);
    for (const who of ["rep", "rep2", "admin"] as const) {
      const res = await api("POST", "/api/v1/leads/batch", {
        token: token(who),
        body: {
          leads: Array.from({ length: 12 }, (_, i) => ({
            firstName: `${who}${i}`,
            // Mixed case and repeats: stored tags are normalised, and each counts once per lead.
            tags: Array.from({ length: Math.floor(random() * 4) }, () =>
              random() < 0.3 ? pick(random, POOL).toUpperCase() : pick(random, POOL),
            ),
          })),
        },
      });
      expect(res.json.succeeded).toBe(12);
    }
    const all = await api("GET", "/api/v1/leads", {
      token: token("admin"),
      query: { perPage: "100" },
    });
    const ids: string[] = all.json.data.map((l: { id: string }) => l.id);

    await api("POST", "/api/v1/leads/bulk", {
      token: token("admin"),
      body: { action: "add_tags", filter: { tag: "west" }, data: { tags: ["Partner", "east"] } },
    });
    await api("POST", "/api/v1/leads/bulk", {
      token: token("admin"),
      body: { action: "remove_tags", ids: ids.slice(0, 10), data: { tags: ["vip"] } },
    });
    await api("POST", "/api/v1/leads/bulk", {
      token: token("admin"),
      body: { action: "assign", filter: { tag: "east" }, data: { ownerId: org.members.rep.id } },
    });
    const patched = await api("PATCH", `/api/v1/leads/${ids[11]}`, {
      token: token("admin"),
      body: { tags: ["VIP", "vip", "new one"] },
    });
    expect(patched.json.tags).toEqual(["vip", "new one"]);
    for (const id of ids.slice(20, 24))
      expect((await api("DELETE", `/api/v1/leads/${id}`, { token: token("admin") })).status).toBe(
        204,
      );
    await api("POST", `/api/v1/leads/${ids[21]}/restore`, { token: token("admin") });

    const tags = [...POOL, "new one"];
    for (const who of ["admin", "rep", "rep2", "manager"] as const) {
      for (const tag of tags) {
        // minScore=0 matches every lead but is not a counted filter, so the total is a count(*).
        const counted = await total(who, { tag });
        expect(counted, `${who} ${tag}`).toBe(await total(who, { tag, minScore: "0" }));
      }
      const mine = await total(who, { tag: "east", ownerId: "me" });
      expect(mine).toBe(await total(who, { tag: "east", ownerId: "me", minScore: "0" }));
    }
    // Against the leads themselves, and two tags ("all of them") which no count covers.
    const now = await api("GET", "/api/v1/leads", {
      token: token("admin"),
      query: { perPage: "100" },
    });
    const live: { tags: string[] }[] = now.json.data;
    expect(live).toHaveLength(33);
    for (const tag of tags)
      expect(await total("admin", { tag }), tag).toBe(
        live.filter((l) => l.tags.includes(tag)).length,
      );
    const both = live.filter((l) => l.tags.includes("west") && l.tags.includes("east")).length;
    expect(both).toBeGreaterThan(0);
    expect(await total("admin", { tag: ["west", "east"] })).toBe(both);
    expect(await total("admin", { tag: "new one" })).toBe(1);

    // The stored counts equal the leads' tags exactly, owner by owner.
    const db = await getDb();
    const mismatched = await queryRows(
      db,
      sql`with live as (
            select coalesce(owner_id, '00000000-0000-0000-0000-000000000000'::uuid) as owner_key,
                   t as value, count(*)::int as n
              from leads, unnest(tags) t
             where organization_id = ${org.id} and deleted_at is null group by 1, 2),
          counted as (
            select owner_key, value, count::int as n from lead_counts
             where organization_id = ${org.id} and dimension = 'tag' and count <> 0)
          select * from live full join counted using (owner_key, value)
           where live.n is distinct from counted.n`,
    );
    expect(mismatched).toEqual([]);

    const stats = await api("GET", "/api/v1/leads/stats", { token: token("admin") });
    const byTag = stats.json.byTag as { tag: string; count: number }[];
    expect(byTag.map((t) => t.tag).sort()).toEqual([...tags].sort());
    for (const { tag, count } of byTag) expect(count).toBe(await total("admin", { tag }));
    expect(byTag.map((t) => t.count)).toEqual([...byTag.map((t) => t.count)].sort((a, b) => b - a));
  });
});
