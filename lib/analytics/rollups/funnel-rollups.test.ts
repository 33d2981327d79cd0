import { eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, queryRows } from "@/db/client";
import { leadStatusChanges, leads } from "@/db/schema";
import { newId } from "@/lib/crypto/ids";
import type { Ctx } from "@/lib/context";
import { pick, seededRandom, type Random } from "@/lib/seed/fake-leads";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { loadAnalyticsContext } from "../analytics-context";
import { analyticsQuery, type AnalyticsScope } from "../analytics-filters";
import { leadFilter, ts } from "../analytics-sql";
import { timeInStage } from "./funnel-cohort";
import { statusEntriesFromHistory, statusEntriesFromRollups } from "./funnel-entries";
import { rebuildAnalyticsRollups } from "./rebuild-rollups";

/**
 * leads.status_path / status_path_at and lead_status_entry_rollups are kept by triggers; after a
 * random stream of the writes the product makes — leads created, reassigned, re-sourced, deleted
 * and restored (single and bulk statements), removed for good; status changes added (also out of
 * order, several leads per statement), moved in time, moved to another lead and removed — the
 * entries and the medians read from them must equal the ones counted from the status history, and
 * a rebuild must change nothing.
 */
const NOW = new Date("2026-06-30T12:00:00Z");
const DAY = 86_400_000;
const STATUSES = ["new", "contacted", "qualified", "demo", "proposal", "won", "lost"];
const SOURCES = ["website", "referral", null];

let org: TestOrg;
let owners: (string | null)[];

// Whole minutes, and sometimes the very same instant (ties are ordered by id, like the history).
const when = (r: Random) => new Date(NOW.getTime() - Math.floor(r() * 90 * 24 * 6) * 10 * 60_000);

async function randomStream(r: Random, steps: number) {
  const db = await getDb();
  const leadIds: string[] = [];
  const changeIds: string[] = [];
  const someLead = () => pick(r, leadIds);
  for (let i = 0; i < steps; i++) {
    const op = leadIds.length < 5 ? 0 : Math.floor(r() * 12);
    if (op <= 1) {
      const rows = Array.from({ length: 1 + Math.floor(r() * 4) }, () => {
        const createdAt = when(r);
        return {
          id: newId(),
          organizationId: org.id,
          displayName: `Lead ${i}`,
          status: pick(r, STATUSES),
          source: pick(r, SOURCES),
          ownerId: pick(r, owners),
          createdAt,
          updatedAt: createdAt,
        };
      });
      await db.insert(leads).values(rows);
      leadIds.push(...rows.map((l) => l.id));
    } else if (op === 2) {
      await db
        .update(leads)
        .set({ ownerId: pick(r, owners) })
        .where(eq(leads.id, someLead()));
    } else if (op === 3) {
      await db
        .update(leads)
        .set({ source: pick(r, SOURCES), status: pick(r, STATUSES) })
        .where(eq(leads.id, someLead()));
    } else if (op === 4) {
      // A bulk statement over many rows: soft-delete, restore or reassign a random handful.
      const ids = leadIds.filter(() => r() < 0.15);
      const set = r() < 0.5 ? { deletedAt: r() < 0.5 ? NOW : null } : { ownerId: pick(r, owners) };
      if (ids.length) await db.update(leads).set(set).where(inArray(leads.id, ids));
    } else if (op <= 8) {
      // Status history, out of order as imports and backdated edits write it, several leads at once.
      const at = when(r);
      const rows = Array.from({ length: 1 + Math.floor(r() * 3) }, () => ({
        id: newId(),
        organizationId: org.id,
        leadId: someLead(),
        toStatus: pick(r, STATUSES),
        changedAt: r() < 0.2 ? at : when(r),
      }));
      await db.insert(leadStatusChanges).values(rows);
      changeIds.push(...rows.map((c) => c.id));
    } else if (op === 9 && changeIds.length) {
      const id = pick(r, changeIds);
      const change = pick(r, ["time", "lead", "status", "delete"] as const);
      if (change === "delete") {
        await db.delete(leadStatusChanges).where(eq(leadStatusChanges.id, id));
        changeIds.splice(changeIds.indexOf(id), 1);
      } else {
        await db
          .update(leadStatusChanges)
          .set(
            change === "time"
              ? { changedAt: when(r) }
              : change === "lead"
                ? { leadId: someLead() }
                : { toStatus: pick(r, STATUSES) },
          )
          .where(eq(leadStatusChanges.id, id));
      }
    } else if (op === 10 && r() < 0.3) {
      // A lead removed for good (its history goes with it).
      const id = someLead();
      await db.delete(leads).where(eq(leads.id, id));
      leadIds.splice(leadIds.indexOf(id), 1);
    } else if (op === 11) {
      // A bulk status change with its history in one statement, as bulk actions write it.
      const ids = leadIds.filter(() => r() < 0.1);
      const status = pick(r, STATUSES);
      if (ids.length)
        await db.execute(sql`with changed as (
            update leads set status = ${status} where id in (${sql.join(
              ids.map((id) => sql`${id}::uuid`),
              sql`, `,
            )}) returning id, organization_id)
          insert into lead_status_changes (id, organization_id, lead_id, to_status, changed_at)
          select gen_random_uuid(), organization_id, id, ${status}, ${ts(when(r))} from changed`);
    }
  }
}

/** Leads whose status path is not their status history in order. */
async function pathMismatches() {
  const db = await getDb();
  return queryRows(
    db,
    sql`select l.id from leads l
          left join lateral (
            select array_agg(c.to_status order by c.changed_at, c.id) as path,
                   array_agg(c.changed_at order by c.changed_at, c.id) as path_at
              from lead_status_changes c where c.lead_id = l.id) h on true
         where l.organization_id = ${org.id}
           and (l.status_path, l.status_path_at)
               is distinct from (coalesce(h.path, '{}'), coalesce(h.path_at, '{}'))`,
  );
}

/** The median time in stage as the funnel used to compute it: a window over the history. */
async function timeInStageFromHistory(ctx: Ctx, scope: AnalyticsScope) {
  const { from, to } = scope.period;
  return queryRows<{ status: string; median: number }>(
    ctx.db,
    sql`with c as (select l.id from leads l where ${leadFilter(ctx, scope)}
                     and l.created_at >= ${ts(from)} and l.created_at < ${ts(to)}),
        steps as (
          select sc.to_status, sc.changed_at,
                 lead(sc.changed_at) over (partition by sc.lead_id order by sc.changed_at, sc.id)
                   as left_at
            from lead_status_changes sc join c on c.id = sc.lead_id
           where sc.organization_id = ${ctx.orgId})
        select to_status as status,
               (percentile_cont(0.5) within group (
                  order by extract(epoch from left_at - changed_at)))::float8 as median
          from steps where left_at is not null group by to_status`,
  );
}

async function entrySnapshot() {
  const db = await getDb();
  return queryRows(
    db,
    sql`select day::text, owner_key, source, status, entries from lead_status_entry_rollups
         where organization_id = ${org.id} and entries <> 0 order by 1, 2, 3, 4`,
  );
}

const byStatus = <T extends { status: string }>(rows: T[]) =>
  [...rows].sort((a, b) => a.status.localeCompare(b.status));

beforeAll(async () => {
  org = await createTestOrg("Funnel rollups");
  owners = [org.members.rep.id, org.members.rep2.id, org.members.manager.id, null];
  await randomStream(seededRandom(20261126), 400);
});

describe("funnel rollups", () => {
  it("keep every lead's status path equal to its status history in order", async () => {
    expect(await pathMismatches()).toEqual([]);
    const db = await getDb();
    const [n] = await queryRows<{ steps: number }>(
      db,
      sql`select coalesce(sum(cardinality(status_path)), 0)::int as steps from leads
           where organization_id = ${org.id}`,
    );
    expect(n!.steps).toBeGreaterThan(150);
  });

  it("give the entries and medians counted from the history, for any period, owners and sources", async () => {
    const r = seededRandom(7);
    const scopes = [
      {},
      { ownerId: org.members.rep.id },
      { ownerId: `${org.members.rep.id},${org.members.rep2.id}` },
      { source: "website" },
      { source: "referral", ownerId: org.members.rep2.id },
    ];
    let entries = 0;
    let medians = 0;
    for (const scope of scopes) {
      for (let i = 0; i < 4; i++) {
        const first = when(r);
        const days = 1 + Math.floor(r() * 60);
        const query = analyticsQuery.parse({
          ...scope,
          from: first.toISOString().slice(0, 10),
          to: new Date(first.getTime() + days * DAY).toISOString().slice(0, 10),
        });
        const ctx = org.ctx("admin");
        const { scope: s } = await loadAnalyticsContext(ctx, query, NOW);
        const live = byStatus(await statusEntriesFromHistory(ctx, s));
        expect(byStatus(await statusEntriesFromRollups(ctx, s))).toEqual(live);
        const liveTimes = byStatus(await timeInStageFromHistory(ctx, s));
        const times = byStatus(await timeInStage(ctx, s));
        expect(times.map((t) => t.status)).toEqual(liveTimes.map((t) => t.status));
        times.forEach((t, j) => expect(t.median).toBeCloseTo(liveTimes[j]!.median, 6));
        entries += live.reduce((t, e) => t + e.entries, 0);
        medians += times.length;
      }
    }
    // The stream really produced numbers to compare (not a vacuous equality of empty lists).
    expect(entries).toBeGreaterThan(100);
    expect(medians).toBeGreaterThan(40);
  });

  it("are unchanged by a rebuild from the status history", async () => {
    const before = await entrySnapshot();
    expect(before.length).toBeGreaterThan(50);
    await rebuildAnalyticsRollups(await getDb(), org.id);
    expect(await entrySnapshot()).toEqual(before);
    expect(await pathMismatches()).toEqual([]);
  });

  it("are rebuilt after bulk SQL that wrote around them", async () => {
    const db = await getDb();
    const before = await entrySnapshot();
    // What a restore or a manual repair might leave: paths and rollups that no longer match.
    await db.execute(sql`alter table lead_status_changes disable trigger user`);
    try {
      await db.execute(
        sql`update lead_status_changes set changed_at = changed_at - interval '3 days'
             where organization_id = ${org.id}`,
      );
    } finally {
      await db.execute(sql`alter table lead_status_changes enable trigger user`);
    }
    expect((await pathMismatches()).length).toBeGreaterThan(20);
    await db.execute(
      sql`update lead_status_entry_rollups set entries = entries + 5 where organization_id = ${org.id}`,
    );
    await rebuildAnalyticsRollups(db, org.id);
    expect(await pathMismatches()).toEqual([]);
    const after = await entrySnapshot();
    expect(after.reduce((t, e) => t + Number(e.entries), 0)).toBe(
      before.reduce((t, e) => t + Number(e.entries), 0),
    );
    expect(after).not.toEqual(before);
    // Back where it was, through the triggers this time.
    await db.execute(
      sql`update lead_status_changes set changed_at = changed_at + interval '3 days'
           where organization_id = ${org.id}`,
    );
    expect(await entrySnapshot()).toEqual(before);
  });
});
