import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, queryRows } from "@/db/client";
import { conversationMessages, leads, USER_ACTIVITY_KINDS, userActivities } from "@/db/schema";
import { newId } from "@/lib/crypto/ids";
import { pick, seededRandom, type Random } from "@/lib/seed/fake-leads";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { analyticsQuery, resolveAnalyticsScope } from "../analytics-filters";
import { inList, splitCurrency, ts } from "../analytics-sql";
import { getActivityReport, getCompanyActivity } from "../people/activity-report";
import { bucketSql, bucketStarts, seriesOf } from "../people/activity-buckets";
import { getSalespersonReport } from "../people/salesperson-report";
import { rebuildAnalyticsRollups } from "./rebuild-rollups";

/**
 * user_activity_daily_rollups, lead_assignment_rollups and reply_response_times are kept by
 * triggers; after a random stream of the writes the product makes — acts logged, re-timed,
 * re-kinded, moved to another member and removed; leads created, reassigned, re-sourced,
 * backdated, contacted, won, deleted and restored; replies and people's messages added, re-timed,
 * moved, re-authored and removed, in single and multi-row statements — the people reports read
 * from them (and reply_response_times) must equal the same numbers counted from user_activities,
 * the leads and the message log, and a rebuild must change nothing.
 */
const NOW = new Date();
const DAY = 86_400_000;
const SOURCES = ["website", "referral", null];
const STATUSES = ["new", "contacted", "qualified", "won", "lost"];
const CURRENCIES = ["USD", "EUR", null];

let org: TestOrg;
let people: string[];

const when = (r: Random) => new Date(NOW.getTime() - Math.floor(r() * 90 * DAY));

async function randomStream(r: Random, steps: number) {
  const db = await getDb();
  const leadIds: string[] = [];
  const actIds: string[] = [];
  const messageIds: string[] = [];
  const someLead = () => pick(r, leadIds);
  // Conversations concentrate on a few leads, so replies meet their owner's answers often.
  const chattyLead = () => pick(r, leadIds.slice(0, 8));
  for (let i = 0; i < steps; i++) {
    const op = leadIds.length < 5 ? 0 : Math.floor(r() * 14);
    if (op <= 1) {
      const rows = Array.from({ length: 1 + Math.floor(r() * 4) }, () => {
        const status = pick(r, STATUSES);
        return {
          id: newId(),
          organizationId: org.id,
          displayName: `Lead ${i}`,
          status,
          source: pick(r, SOURCES),
          ownerId: r() < 0.85 ? pick(r, people) : null,
          dealValue: r() < 0.7 ? Math.round(r() * 10_000) : null,
          dealCurrency: pick(r, CURRENCIES),
          wonAt: status === "won" ? when(r) : null,
        };
      });
      await db.insert(leads).values(rows);
      leadIds.push(...rows.map((l) => l.id));
    } else if (op === 2) {
      // Reassigned: the trigger dates the assignment now; some are backdated in bulk after.
      await db
        .update(leads)
        .set({ ownerId: r() < 0.9 ? pick(r, people) : null })
        .where(eq(leads.id, r() < 0.5 ? chattyLead() : someLead()));
    } else if (op === 3) {
      const ids = leadIds.filter(() => r() < 0.3);
      if (ids.length)
        await db
          .update(leads)
          .set({ assignedAt: when(r) })
          .where(and(inArray(leads.id, ids), sql`${leads.ownerId} is not null`));
    } else if (op === 4) {
      const status = pick(r, STATUSES);
      await db
        .update(leads)
        .set({ status, wonAt: status === "won" ? when(r) : null, source: pick(r, SOURCES) })
        .where(eq(leads.id, r() < 0.5 ? chattyLead() : someLead()));
    } else if (op === 5) {
      const ids = leadIds.filter(() => r() < 0.1);
      if (ids.length)
        await db
          .update(leads)
          .set({ deletedAt: r() < 0.5 ? NOW : null })
          .where(inArray(leads.id, ids));
    } else if (op <= 7) {
      // Replies and messages to the lead (by its owner, someone else or a campaign): first contact
      // and response times follow by trigger.
      const leadId = r() < 0.8 ? chattyLead() : someLead();
      const [lead] = await db
        .select({ ownerId: leads.ownerId })
        .from(leads)
        .where(eq(leads.id, leadId));
      // Mostly the owner writes (the answers that count), sometimes a colleague or a campaign.
      const author = () =>
        r() < 0.6 ? (lead?.ownerId ?? null) : r() < 0.7 ? pick(r, people) : null;
      const rows = Array.from({ length: 1 + Math.floor(r() * 6) }, () => {
        const direction = r() < 0.55 ? ("outbound" as const) : ("inbound" as const);
        return {
          id: newId(),
          organizationId: org.id,
          leadId,
          direction,
          channel: "email" as const,
          author: direction === "inbound" ? ("lead" as const) : ("user" as const),
          authorUserId: direction === "outbound" ? author() : null,
          status: direction === "inbound" ? ("received" as const) : ("sent" as const),
          inboundKind:
            direction === "inbound" ? pick(r, ["human_reply", "auto_reply", null] as const) : null,
          occurredAt: when(r),
        };
      });
      await db.insert(conversationMessages).values(rows);
      messageIds.push(...rows.map((m) => m.id));
    } else if (op === 8 && messageIds.length) {
      const ids = messageIds.filter(() => r() < 0.1);
      if (!ids.length) continue;
      const change = pick(r, ["shift", "move", "author", "read", "delete"] as const);
      if (change === "delete") {
        await db.delete(conversationMessages).where(inArray(conversationMessages.id, ids));
        for (const id of ids) messageIds.splice(messageIds.indexOf(id), 1);
      } else {
        await db
          .update(conversationMessages)
          .set(
            change === "shift"
              ? { occurredAt: when(r) }
              : change === "move"
                ? { leadId: someLead() }
                : change === "author"
                  ? { authorUserId: pick(r, people) }
                  : { readAt: NOW },
          )
          .where(inArray(conversationMessages.id, ids));
      }
    } else if (op <= 10) {
      const rows = Array.from({ length: 1 + Math.floor(r() * 5) }, () => ({
        id: newId(),
        organizationId: org.id,
        userId: pick(r, people),
        kind: pick(r, USER_ACTIVITY_KINDS),
        leadId: r() < 0.5 ? someLead() : null,
        occurredAt: when(r),
      }));
      await db.insert(userActivities).values(rows);
      actIds.push(...rows.map((a) => a.id));
    } else if (op === 11 && actIds.length) {
      const ids = actIds.filter(() => r() < 0.15);
      const change = pick(r, ["shift", "kind", "user", "delete"] as const);
      if (!ids.length) continue;
      if (change === "delete") {
        await db.delete(userActivities).where(inArray(userActivities.id, ids));
        for (const id of ids) actIds.splice(actIds.indexOf(id), 1);
      } else {
        await db
          .update(userActivities)
          .set(
            change === "shift"
              ? { occurredAt: when(r) }
              : change === "kind"
                ? { kind: pick(r, USER_ACTIVITY_KINDS) }
                : { userId: pick(r, people) },
          )
          .where(inArray(userActivities.id, ids));
      }
    } else if (op === 12 && r() < 0.3) {
      const id = someLead();
      await db.delete(leads).where(and(eq(leads.id, id), eq(leads.organizationId, org.id)));
      leadIds.splice(leadIds.indexOf(id), 1);
    }
  }
}

async function rollupSnapshot() {
  const db = await getDb();
  return {
    acts: await queryRows(
      db,
      sql`select day::text, user_id, kind, activities from user_activity_daily_rollups
           where organization_id = ${org.id} and activities <> 0 order by 1, 2, 3`,
    ),
    assigned: await queryRows(
      db,
      sql`select day::text, owner_id, source, contacted, converted, leads
            from lead_assignment_rollups
           where organization_id = ${org.id} and leads <> 0 order by 1, 2, 3, 4, 5`,
    ),
    responses: await queryRows(
      db,
      sql`select message_id, replied_at::text, lead_id, owner_id, source, seconds
            from reply_response_times where organization_id = ${org.id} order by 1`,
    ),
  };
}

/** The salesperson numbers counted from the leads and the acts themselves. */
async function salespersonFromSource(query: Record<string, string>) {
  const db = await getDb();
  const scope = await resolveAnalyticsScope(org.ctx("admin"), analyticsQuery.parse(query), NOW);
  const inPeriod = (col: string) =>
    sql`${sql.raw(col)} >= ${ts(scope.period.from)} and ${sql.raw(col)} < ${ts(scope.period.to)}`;
  const owners = scope.ownerIds ? sql`in ${inList(scope.ownerIds)}` : sql`is not null`;
  const sources = scope.sources ? sql`and l.source in ${inList(scope.sources)}` : sql``;
  const open = sql`l.status in (select o.value from lead_options o
    where o.organization_id = ${org.id} and o.kind = 'status' and o.category = 'open')`;
  const leadsOf = await queryRows<{
    owner_id: string;
    currency: string;
    assigned: number;
    contacted: number;
    converted: number;
    won: number;
    won_value: number;
    open_deals: number;
    pipeline: number;
  }>(
    db,
    sql`select l.owner_id, coalesce(l.deal_currency, 'USD') as currency,
               count(*) filter (where ${inPeriod("l.assigned_at")})::int as assigned,
               count(*) filter (where ${inPeriod("l.assigned_at")}
                                  and l.first_contacted_at is not null)::int as contacted,
               count(*) filter (where ${inPeriod("l.assigned_at")}
                                  and l.won_at is not null)::int as converted,
               count(*) filter (where ${inPeriod("l.won_at")})::int as won,
               coalesce(sum(l.deal_value) filter (where ${inPeriod("l.won_at")}), 0)::float8
                 as won_value,
               count(l.deal_value) filter (where ${open})::int
                 as open_deals,
               coalesce(sum(l.deal_value) filter (where ${open}), 0)::float8 as pipeline
          from leads l
         where l.organization_id = ${org.id} and l.deleted_at is null and l.owner_id ${owners}
           ${sources}
         group by 1, 2`,
  );
  const acts = await queryRows<{ user_id: string; calls: number; emails: number }>(
    db,
    sql`select a.user_id, count(*) filter (where a.kind = 'call')::int as calls,
               count(*) filter (where a.kind = 'email')::int as emails
          from user_activities a
         where a.organization_id = ${org.id} and ${inPeriod("a.occurred_at")}
         group by 1`,
  );
  const responses = await queryRows<{ owner_id: string; median: number; n: number }>(
    db,
    sql`select l.owner_id, percentile_cont(0.5) within group (
                 order by extract(epoch from (r.next_at - i.occurred_at))) as median,
               count(*)::int as n
          from conversation_messages i
          join leads l on l.id = i.lead_id and l.owner_id ${owners} ${sources}
          cross join lateral (
            select min(o.occurred_at) as next_at from conversation_messages o
             where o.lead_id = i.lead_id and o.direction = 'outbound'
               and o.author_user_id = l.owner_id and o.occurred_at > i.occurred_at) r
         where i.organization_id = ${org.id} and i.direction = 'inbound'
           and coalesce(i.inbound_kind, 'human_reply') = 'human_reply'
           and ${inPeriod("i.occurred_at")} and r.next_at is not null
         group by 1`,
  );
  const inScope = people.filter((id) => !scope.ownerIds || scope.ownerIds.includes(id));
  return inScope.map((userId) => {
    const own = leadsOf.filter((l) => l.owner_id === userId);
    const sum = (f: (l: (typeof own)[number]) => number) => own.reduce((n, l) => n + f(l), 0);
    const act = acts.find((a) => a.user_id === userId);
    const response = responses.find((x) => x.owner_id === userId);
    const money = (f: (l: (typeof own)[number]) => number) =>
      splitCurrency(
        own.map((l) => ({ currency: l.currency, amount: f(l) })),
        "USD",
      );
    const won = money((l) => l.won_value);
    const pipeline = money((l) => l.pipeline);
    return {
      userId,
      leadsAssigned: sum((l) => l.assigned),
      contacted: sum((l) => l.contacted),
      converted: sum((l) => l.converted),
      won: sum((l) => l.won),
      wonValue: won.amount,
      wonByCurrency: won.byCurrency.filter((c) => c.amount !== 0),
      pipelineValue: pipeline.amount,
      pipelineByCurrency: pipeline.byCurrency.filter((c) => c.amount !== 0),
      openDeals: sum((l) => l.open_deals),
      calls: act?.calls ?? 0,
      emails: act?.emails ?? 0,
      medianResponseSeconds: response ? Math.round(Number(response.median)) : null,
      repliesAnswered: response?.n ?? 0,
    };
  });
}

/** Acts per member, bucket and kind counted from user_activities. */
async function actsFromSource(query: Record<string, string>, fromKey: "from" | "previousFrom") {
  const db = await getDb();
  const scope = await resolveAnalyticsScope(org.ctx("admin"), analyticsQuery.parse(query), NOW);
  const from = scope.period[fromKey];
  const to = fromKey === "from" ? scope.period.to : scope.period.from;
  return queryRows<{ user_id: string; bucket: string; kind: string; n: number }>(
    db,
    sql`select a.user_id, ${bucketSql(sql`a.occurred_at`, scope.interval)} as bucket, a.kind,
               count(*)::int as n
          from user_activities a
         where a.organization_id = ${org.id}
           and a.occurred_at >= ${ts(from)} and a.occurred_at < ${ts(to)}
           ${scope.ownerIds ? sql`and a.user_id in ${inList(scope.ownerIds)}` : sql``}
         group by 1, 2, 3`,
  );
}

function randomQueries(r: Random): Record<string, string>[] {
  const scopes: Record<string, string>[] = [
    {},
    { ownerId: org.members.rep.id },
    { ownerId: `${org.members.rep.id},${org.members.rep2.id}` },
    { source: "website" },
    { source: "referral", ownerId: org.members.manager.id },
  ];
  return scopes.flatMap((scope) =>
    Array.from({ length: 3 }, () => {
      const first = when(r);
      const days = 1 + Math.floor(r() * 60);
      const last = new Date(Math.min(first.getTime() + days * DAY, NOW.getTime()));
      return {
        ...scope,
        from: first.toISOString().slice(0, 10),
        to: last.toISOString().slice(0, 10),
        interval: pick(r, ["day", "week", "month"] as const),
      };
    }),
  );
}

beforeAll(async () => {
  org = await createTestOrg("Activity rollups");
  people = [org.members.rep.id, org.members.rep2.id, org.members.manager.id, org.members.admin.id];
  await randomStream(seededRandom(20261126), 800);
});

describe("activity rollups", () => {
  it("give the salesperson report the numbers counted from the leads, acts and messages", async () => {
    let compared = 0;
    let answered = 0;
    for (const query of randomQueries(seededRandom(11))) {
      const report = await getSalespersonReport(org.ctx("admin"), analyticsQuery.parse(query), NOW);
      const expected = await salespersonFromSource(query);
      const got = expected.map(({ userId }) => {
        const m = report.members.find((x) => x.userId === userId)!;
        return {
          userId,
          leadsAssigned: m.leadsAssigned,
          contacted: m.contacted,
          converted: m.converted,
          won: m.won,
          wonValue: m.wonValue,
          wonByCurrency: m.wonByCurrency,
          pipelineValue: m.pipelineValue,
          pipelineByCurrency: m.pipelineByCurrency,
          openDeals: m.openDeals,
          calls: m.calls,
          emails: m.emails,
          medianResponseSeconds: m.medianResponseSeconds,
          repliesAnswered: m.repliesAnswered,
        };
      });
      expect(got, JSON.stringify(query)).toEqual(expected);
      compared += expected.reduce((n, e) => n + e.leadsAssigned + e.calls + e.won, 0);
      answered += expected.reduce((n, e) => n + e.repliesAnswered, 0);
    }
    // The stream really produced numbers to compare (not a vacuous equality of zeros).
    expect(compared).toBeGreaterThan(100);
    expect(answered).toBeGreaterThan(10);
  });

  it("give the activity report and company activity the counts of user_activities", async () => {
    let compared = 0;
    for (const query of randomQueries(seededRandom(12))) {
      const parsed = analyticsQuery.parse(query);
      const scope = await resolveAnalyticsScope(org.ctx("admin"), parsed, NOW);
      const starts = bucketStarts(scope.period.from, scope.period.to, scope.interval);
      const live = await actsFromSource(query, "from");
      const report = await getActivityReport(org.ctx("admin"), parsed, NOW);
      for (const m of report.members) {
        const own = live.filter((l) => l.user_id === m.userId);
        expect(m.series, JSON.stringify(query)).toEqual(seriesOf(own, starts));
      }
      const company = await getCompanyActivity(org.ctx("admin"), parsed, NOW);
      expect(company.series).toEqual(seriesOf(live, starts));
      expect(company.activeMembers).toBe(new Set(live.map((l) => l.user_id)).size);
      const before = await actsFromSource(query, "previousFrom");
      const total = (rows: typeof live) => rows.reduce((n, l) => n + l.n, 0);
      const companyPrevious = Object.values(company.previousTotals).reduce((n, v) => n + v, 0);
      expect(companyPrevious).toBe(total(before));
      compared += total(live);
    }
    expect(compared).toBeGreaterThan(100);
  });

  it("are unchanged by a rebuild from the source rows", async () => {
    const before = await rollupSnapshot();
    expect(before.acts.length).toBeGreaterThan(20);
    expect(before.assigned.length).toBeGreaterThan(10);
    expect(before.responses.length).toBeGreaterThan(10);
    await rebuildAnalyticsRollups(await getDb(), org.id);
    expect(await rollupSnapshot()).toEqual(before);
  });

  it("are rebuilt after bulk SQL that wrote around them", async () => {
    const db = await getDb();
    const before = await rollupSnapshot();
    await db.execute(
      sql`delete from user_activity_daily_rollups where organization_id = ${org.id}`,
    );
    await db.execute(
      sql`update lead_assignment_rollups set leads = leads + 3 where organization_id = ${org.id}`,
    );
    await db.execute(
      sql`update reply_response_times set seconds = 0 where organization_id = ${org.id}`,
    );
    await rebuildAnalyticsRollups(db, org.id);
    expect(await rollupSnapshot()).toEqual(before);
  });
});
