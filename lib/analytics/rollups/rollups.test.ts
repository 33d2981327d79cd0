import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, queryRows } from "@/db/client";
import { conversationMessages, leadStatusChanges, leads, userActivities } from "@/db/schema";
import { newId } from "@/lib/crypto/ids";
import { pick, seededRandom, type Random } from "@/lib/seed/fake-leads";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { loadAnalyticsContext } from "../analytics-context";
import { analyticsQuery } from "../analytics-filters";
import {
  openStagesFromLeads,
  openStagesFromRollups,
  periodCountsFromLeads,
  periodCountsFromRollups,
  periodMoneyFromLeads,
  periodMoneyFromRollups,
} from "../kpi-counts";
import { rebuildAnalyticsRollups } from "./rebuild-rollups";

/**
 * The rollups (lead_daily_rollups, lead_status_rollups, leads.first_contacted_at/first_replied_at)
 * are kept by triggers; after a random stream of the writes the product makes — leads created,
 * reassigned, re-sourced, moved through statuses, revalued, deleted and restored, in single and
 * multi-row statements; messages and calls added, failed, moved and removed — every sum read from
 * them must equal the same number counted from the leads and the message log, and a rebuild must
 * change nothing.
 */
const NOW = new Date("2026-06-30T12:00:00Z");
const DAY = 86_400_000;
const STATUSES = ["new", "contacted", "qualified", "demo", "won", "lost"];
const SOURCES = ["website", "referral", null];
const CURRENCIES = ["USD", "EUR", null];

let org: TestOrg;
let owners: (string | null)[];

const when = (r: Random) => new Date(NOW.getTime() - Math.floor(r() * 90 * DAY));

async function randomStream(r: Random, steps: number) {
  const db = await getDb();
  const leadIds: string[] = [];
  const messageIds: string[] = [];
  const callIds: string[] = [];
  const changeIds: string[] = [];
  const someLead = () => pick(r, leadIds);
  for (let i = 0; i < steps; i++) {
    const op = leadIds.length < 5 ? 0 : Math.floor(r() * 14);
    if (op <= 1) {
      const rows = Array.from({ length: 1 + Math.floor(r() * 4) }, () => {
        const createdAt = when(r);
        const status = pick(r, STATUSES);
        const closed = new Date(createdAt.getTime() + Math.floor(r() * 20 * DAY));
        return {
          id: newId(),
          organizationId: org.id,
          displayName: `Lead ${i}`,
          status,
          source: pick(r, SOURCES),
          ownerId: pick(r, owners),
          dealValue: r() < 0.7 ? Math.round(r() * 10_000) : null,
          dealCurrency: pick(r, CURRENCIES),
          wonAt: status === "won" ? closed : null,
          lostAt: status === "lost" ? closed : null,
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
      const status = pick(r, STATUSES);
      await db
        .update(leads)
        .set({ status, ...(status === "won" && r() < 0.5 ? { wonAt: when(r) } : {}) })
        .where(eq(leads.id, someLead()));
    } else if (op === 4) {
      await db
        .update(leads)
        .set({
          dealValue: r() < 0.8 ? Math.round(r() * 10_000) : null,
          dealCurrency: pick(r, CURRENCIES),
          source: pick(r, SOURCES),
        })
        .where(eq(leads.id, someLead()));
    } else if (op === 5) {
      // A bulk statement over many rows: soft-delete or restore a random handful.
      const ids = leadIds.filter(() => r() < 0.1);
      if (ids.length)
        await db
          .update(leads)
          .set({ deletedAt: r() < 0.5 ? NOW : null })
          .where(inArray(leads.id, ids));
    } else if (op <= 8) {
      const direction = r() < 0.6 ? "outbound" : "inbound";
      const rows = Array.from({ length: 1 + Math.floor(r() * 3) }, () => ({
        id: newId(),
        organizationId: org.id,
        leadId: someLead(),
        direction: direction as "outbound" | "inbound",
        channel: "email" as const,
        author: direction === "inbound" ? ("lead" as const) : ("user" as const),
        status:
          direction === "inbound"
            ? ("received" as const)
            : r() < 0.15
              ? ("failed" as const)
              : ("sent" as const),
        inboundKind:
          direction === "inbound" ? pick(r, ["human_reply", "auto_reply", null] as const) : null,
        occurredAt: when(r),
      }));
      await db.insert(conversationMessages).values(rows);
      messageIds.push(...rows.map((m) => m.id));
    } else if (op === 9 && messageIds.length) {
      const id = pick(r, messageIds);
      const change = pick(r, ["fail", "move", "shift", "delete"] as const);
      if (change === "delete") {
        await db.delete(conversationMessages).where(eq(conversationMessages.id, id));
        messageIds.splice(messageIds.indexOf(id), 1);
      } else {
        await db
          .update(conversationMessages)
          .set(
            change === "fail"
              ? { status: "failed" }
              : change === "move"
                ? { leadId: someLead() }
                : { occurredAt: when(r) },
          )
          .where(eq(conversationMessages.id, id));
      }
    } else if (op === 10) {
      if (callIds.length && r() < 0.3) {
        const id = callIds.pop()!;
        await db.delete(userActivities).where(eq(userActivities.id, id));
      } else {
        const id = newId();
        await db.insert(userActivities).values({
          id,
          organizationId: org.id,
          userId: org.members.rep.id,
          kind: "call",
          leadId: someLead(),
          outcome: "connected",
          occurredAt: when(r),
        });
        callIds.push(id);
      }
    } else if (op === 12) {
      // Status history, out of order as imports and backdated edits write it.
      const rows = Array.from({ length: 1 + Math.floor(r() * 3) }, () => ({
        id: newId(),
        organizationId: org.id,
        leadId: someLead(),
        toStatus: pick(r, ["contacted", "qualified", "qualified", "demo"]),
        changedAt: when(r),
      }));
      await db.insert(leadStatusChanges).values(rows);
      changeIds.push(...rows.map((c) => c.id));
    } else if (op === 13 && changeIds.length) {
      const id = changeIds.splice(Math.floor(r() * changeIds.length), 1)[0]!;
      if (r() < 0.5) await db.delete(leadStatusChanges).where(eq(leadStatusChanges.id, id));
      else
        await db
          .update(leadStatusChanges)
          .set({ changedAt: when(r) })
          .where(eq(leadStatusChanges.id, id));
    } else if (op === 11 && r() < 0.3) {
      // A lead removed for good (its messages go with it).
      const id = someLead();
      await db.delete(leads).where(and(eq(leads.id, id), eq(leads.organizationId, org.id)));
      leadIds.splice(leadIds.indexOf(id), 1);
    }
  }
}

/** Leads whose qualified_at is not their first entry into `qualified` in the status history. */
async function qualifiedMismatches(status = "qualified") {
  const db = await getDb();
  return queryRows(
    db,
    sql`select l.id from leads l
         where l.organization_id = ${org.id}
           and l.qualified_at is distinct from (
                 select min(c.changed_at) from lead_status_changes c
                  where c.organization_id = ${org.id} and c.lead_id = l.id
                    and c.to_status = ${status})`,
  );
}

/** First contact and reply of every lead, straight from the message log and calls. */
async function firstContactMismatches() {
  const db = await getDb();
  return queryRows(
    db,
    sql`with contact as (
          select lead_id, min(at) as at from (
            select lead_id, occurred_at as at from conversation_messages
             where organization_id = ${org.id} and direction = 'outbound' and status <> 'failed'
            union all
            select lead_id, occurred_at from user_activities
             where organization_id = ${org.id} and kind = 'call') e
          group by lead_id)
        select l.id from leads l
          left join contact c on c.lead_id = l.id
         where l.organization_id = ${org.id}
           and (l.first_contacted_at is distinct from c.at
             or l.first_replied_at is distinct from (
                  select min(m.occurred_at) from conversation_messages m
                   where m.organization_id = ${org.id} and m.lead_id = l.id
                     and m.direction = 'inbound'
                     and coalesce(m.inbound_kind, 'human_reply') = 'human_reply'
                     and m.occurred_at >= c.at))`,
  );
}

async function rollupSnapshot() {
  const db = await getDb();
  return {
    daily: await queryRows(
      db,
      sql`select metric, day::text, owner_key, source, outcome, currency, leads, valued,
                 amount::float8 as amount
            from lead_daily_rollups
           where organization_id = ${org.id} and (leads <> 0 or valued <> 0 or amount <> 0)
           order by 1, 2, 3, 4, 5, 6`,
    ),
    status: await queryRows(
      db,
      sql`select status, owner_key, source, currency, leads, valued, amount::float8 as amount
            from lead_status_rollups
           where organization_id = ${org.id} and (leads <> 0 or valued <> 0 or amount <> 0)
           order by 1, 2, 3, 4`,
    ),
  };
}

const byCurrency = <T extends { currency: string | null }>(rows: T[]) =>
  [...rows].sort((a, b) => (a.currency ?? "").localeCompare(b.currency ?? ""));

beforeAll(async () => {
  org = await createTestOrg("Rollups");
  owners = [org.members.rep.id, org.members.rep2.id, org.members.manager.id, null];
  await randomStream(seededRandom(20261126), 400);
});

describe("analytics rollups", () => {
  it("keep every lead's first contact and first reply equal to the message log", async () => {
    expect(await firstContactMismatches()).toEqual([]);
  });

  it("keep every lead's qualified date equal to its first entry into the qualified status", async () => {
    expect(await qualifiedMismatches()).toEqual([]);
    const db = await getDb();
    const [n] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from leads where organization_id = ${org.id} and qualified_at is not null`,
    );
    expect(n!.n).toBeGreaterThan(5);
  });

  it("sum to the numbers counted from the leads, for any period, owners and sources", async () => {
    const r = seededRandom(7);
    const scopes = [
      {},
      { ownerId: org.members.rep.id },
      { ownerId: `${org.members.rep.id},${org.members.rep2.id}` },
      { source: "website" },
      { source: "referral", ownerId: org.members.rep2.id },
    ];
    let compared = 0;
    for (const scope of scopes) {
      for (let i = 0; i < 4; i++) {
        const first = when(r);
        const days = 1 + Math.floor(r() * 60);
        const query = analyticsQuery.parse({
          ...scope,
          from: first.toISOString().slice(0, 10),
          to: new Date(first.getTime() + days * DAY).toISOString().slice(0, 10),
        });
        const ac = await loadAnalyticsContext(org.ctx("admin"), query, NOW);
        const ctx = org.ctx("admin");
        const { from, to } = ac.scope.period;
        const live = await periodCountsFromLeads(ctx, ac, from, to);
        expect(await periodCountsFromRollups(ctx, ac, from, to)).toEqual(live);
        const money = byCurrency(await periodMoneyFromLeads(ctx, ac, from, to));
        const rolled = byCurrency(await periodMoneyFromRollups(ctx, ac, from, to));
        expect(rolled.map((m) => [m.currency, m.valued])).toEqual(
          money.map((m) => [m.currency, m.valued]),
        );
        rolled.forEach((m, j) => expect(m.revenue).toBeCloseTo(money[j]!.revenue, 2));
        compared += live.new_leads + live.contacted + live.qualified + live.won;
      }
      const ac = await loadAnalyticsContext(org.ctx("admin"), analyticsQuery.parse(scope), NOW);
      const key = (s: { status: string; currency: string | null }) => `${s.status}/${s.currency}`;
      const stagesLive = (await openStagesFromLeads(org.ctx("admin"), ac)).filter((s) => s.n);
      const stagesRolled = await openStagesFromRollups(org.ctx("admin"), ac);
      expect(stagesRolled.map((s) => [key(s), s.n, s.amount]).sort()).toEqual(
        stagesLive.map((s) => [key(s), s.n, s.amount]).sort(),
      );
    }
    // The stream really produced numbers to compare (not a vacuous equality of zeros).
    expect(compared).toBeGreaterThan(100);
  });

  it("are unchanged by a rebuild from the source rows", async () => {
    const before = await rollupSnapshot();
    expect(before.daily.length).toBeGreaterThan(20);
    await rebuildAnalyticsRollups(await getDb(), org.id);
    expect(await rollupSnapshot()).toEqual(before);
  });

  it("are rebuilt after bulk SQL that wrote around them", async () => {
    const db = await getDb();
    const before = await rollupSnapshot();
    // What a restore or a manual repair might leave: rollups that no longer match the leads.
    await db.execute(sql`delete from lead_daily_rollups where organization_id = ${org.id}`);
    await db.execute(
      sql`update lead_status_rollups set leads = leads + 5 where organization_id = ${org.id}`,
    );
    await rebuildAnalyticsRollups(db, org.id);
    expect(await rollupSnapshot()).toEqual(before);
  });

  it("follow a change of which status counts as qualified", async () => {
    const db = await getDb();
    // Without a `qualified` slug the second open status counts (qualifiedStatus): here Contacted.
    await db.execute(
      sql`delete from lead_options where organization_id = ${org.id} and kind = 'status' and value = 'qualified'`,
    );
    expect(await qualifiedMismatches("contacted")).toEqual([]);
    const before = await rollupSnapshot();
    await rebuildAnalyticsRollups(db, org.id);
    expect(await rollupSnapshot()).toEqual(before);
  });
});
