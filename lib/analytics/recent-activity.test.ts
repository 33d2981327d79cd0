import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { insertLead } from "@/lib/testing/campaign-people-analytics-fixtures";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { NOW, PERIOD, seedAnalyticsData, seedForeignData } from "./analytics-test-data";
import { recentActivityQuery } from "./dashboard-schemas";
import { getRecentActivity } from "./recent-activity";

let org: TestOrg;
const q = (extra: Record<string, string> = {}) =>
  recentActivityQuery.parse({ ...PERIOD, limit: "100", ...extra });

beforeAll(async () => {
  org = await createTestOrg("Activity");
  await seedAnalyticsData(org);
  await seedForeignData(await createTestOrg("Foreign"));
});

describe("recent activity", () => {
  it("lists the period's happenings newest first, across kinds", async () => {
    const res = await getRecentActivity(org.ctx("admin"), q(), NOW);
    expect(res.nextCursor).toBeNull();
    expect(res.data.map((d) => [d.kind, d.occurredAt, d.leadName ?? d.campaignName])).toEqual([
      ["won", "2026-03-09T00:00:00.000Z", "Lead Five"],
      ["lead_created", "2026-03-08T00:00:00.000Z", "Lead Four"],
      ["status_changed", "2026-03-07T00:00:00.000Z", "Lead Three"],
      ["won", "2026-03-06T10:00:00.000Z", "Lead One"],
      ["status_changed", "2026-03-05T12:00:00.000Z", "Lead Two"],
      ["lead_created", "2026-03-05T00:00:00.000Z", "Lead Three"],
      ["status_changed", "2026-03-04T10:00:00.000Z", "Lead One"],
      ["campaign_launched", "2026-03-04T09:00:00.000Z", "Euro list"],
      ["status_changed", "2026-03-03T12:00:00.000Z", "Lead Two"],
      ["status_changed", "2026-03-03T10:00:00.000Z", "Lead One"],
      ["call_logged", "2026-03-03T02:00:00.000Z", "Lead Two"],
      ["lead_created", "2026-03-03T00:00:00.000Z", "Lead Two"],
      ["reply_received", "2026-03-02T15:00:00.000Z", "Lead One"],
      ["lead_created", "2026-03-02T10:00:00.000Z", "Lead One"],
      ["campaign_launched", "2026-03-01T09:00:00.000Z", "Spring outreach"],
    ]);
    const won = res.data[0]!;
    expect(won).toMatchObject({ fromStatus: "new", toStatus: "won" });
    const call = res.data.find((d) => d.kind === "call_logged")!;
    expect(call).toMatchObject({ detail: "connected", userName: "Activity rep2" });
  });

  it("pages by cursor without gaps or repeats", async () => {
    const all = (await getRecentActivity(org.ctx("admin"), q(), NOW)).data.map((d) => d.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await getRecentActivity(
        org.ctx("admin"),
        q({ limit: "4", ...(cursor ? { cursor } : {}) }),
        NOW,
      );
      seen.push(...page.data.map((d) => d.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(4);
    expect(seen).toEqual(all);
  });

  it("shows a rep only their leads' activity (and the organization's campaign launches)", async () => {
    const res = await getRecentActivity(org.ctx("rep"), q(), NOW);
    expect(res.data).toHaveLength(9);
    expect(new Set(res.data.map((d) => d.leadName).filter(Boolean))).toEqual(
      new Set(["Lead One", "Lead Four", "Lead Five"]),
    );
  });

  it("rejects a forged cursor with a validation error", async () => {
    await expect(
      getRecentActivity(org.ctx("admin"), q({ cursor: "not-a-cursor" }), NOW),
    ).rejects.toMatchObject({ code: "validation_error" });
  });
});

describe("recent activity paging within one millisecond", () => {
  it("keeps items microseconds apart (and exactly tied) on the right pages, in order", async () => {
    const tied = await createTestOrg("Activity ties");
    const db = await getDb();
    const ids: string[] = [];
    for (const at of ["05.000100", "05.000300", "05.000300", "05.000200", "04.999999"]) {
      const id = await insertLead(tied, { displayName: `Tie ${ids.length}` });
      await db.execute(
        sql`update leads set created_at = ${`2026-03-05T10:00:${at}Z`}::timestamptz where id = ${id}`,
      );
      ids.push(id);
    }
    // Newest first; the two at the same microsecond by id, descending.
    const [a, b] = [ids[1]!, ids[2]!].sort().reverse();
    const expected = [a, b, ids[3], ids[0], ids[4]].map((id) => `lead_created:${id}`);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await getRecentActivity(
        tied.ctx("admin"),
        q({ limit: "1", ...(cursor ? { cursor } : {}) }),
        NOW,
      );
      seen.push(...page.data.map((d) => d.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor && seen.length < 10);
    expect(seen).toEqual(expected);
  });
});
