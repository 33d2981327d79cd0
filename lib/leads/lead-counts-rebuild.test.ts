import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getDb, queryRows } from "@/db/client";
import { rebuildAnalyticsRollups } from "@/lib/analytics/rollups/rebuild-rollups";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";

// lead_counts (list totals, lead stats) are kept by the leads triggers; `npm run
// db:rebuild-rollups` recounts them from the leads after SQL that wrote around the triggers.
let a: TestOrg;
let b: TestOrg;
beforeAll(async () => {
  [a, b] = await Promise.all([createTestOrg("Counts A"), createTestOrg("Counts B")]);
  for (const org of [a, b]) {
    const res = await api("POST", "/api/v1/leads/batch", {
      token: org.members.admin.token,
      body: {
        leads: Array.from({ length: 8 }, (_, i) => ({
          firstName: `Count${i}`,
          status: i % 3 === 0 ? "qualified" : "new",
          source: i % 2 ? "referral" : "website",
          tags: i % 2 ? ["vip", `t${i % 3}`] : [],
        })),
      },
    });
    expect(res.json.succeeded).toBe(8);
  }
});

async function counts(orgId: string) {
  const db = await getDb();
  return queryRows<{ owner_key: string; dimension: string; value: string; count: number }>(
    db,
    sql`select owner_key, dimension, value, count::int as count from lead_counts
         where organization_id = ${orgId} and count <> 0
         order by owner_key, dimension, value`,
  );
}

describe("rebuilding the lead counts", () => {
  it("recounts one organization from its leads, repairing what bypassed the triggers, and leaves the others alone", async () => {
    const db = await getDb();
    const kept = await counts(a.id);
    expect(kept.some((r) => r.dimension === "tag" && r.value === "vip" && r.count === 4)).toBe(
      true,
    );
    // A rebuild of correct counts changes nothing.
    await rebuildAnalyticsRollups(db, a.id);
    expect(await counts(a.id)).toEqual(kept);

    // Tamper with both organizations: wrong, missing and invented rows.
    for (const org of [a, b]) {
      await db.execute(
        sql`update lead_counts set count = count + 5 where organization_id = ${org.id} and dimension = 'status'`,
      );
      await db.execute(
        sql`delete from lead_counts where organization_id = ${org.id} and dimension = 'tag'`,
      );
      await db.execute(
        sql`insert into lead_counts (organization_id, owner_key, dimension, value, count)
            values (${org.id}, '00000000-0000-0000-0000-000000000000', 'source', 'ghost', 3)`,
      );
    }
    const tamperedB = await counts(b.id);
    const total = async () =>
      (await api("GET", "/api/v1/leads", { token: a.members.admin.token })).json.pagination.total;
    expect(await total()).toBe(8 + 5 * kept.filter((r) => r.dimension === "status").length);

    await rebuildAnalyticsRollups(db, a.id);
    expect(await counts(a.id)).toEqual(kept);
    expect(await total()).toBe(8);
    const stats = await api("GET", "/api/v1/leads/stats", { token: a.members.admin.token });
    expect(stats.json.byTag[0]).toEqual({ tag: "vip", count: 4 });
    // Another organization's counts are not touched by this one's rebuild.
    expect(await counts(b.id)).toEqual(tamperedB);
  });
});
