import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, queryRows } from "@/db/client";
import {
  campaignRecipients,
  campaigns,
  emailEvents,
  emailMessages,
  leads,
  userActivities,
  EMAIL_EVENT_TYPES,
} from "@/db/schema";
import { newId } from "@/lib/crypto/ids";
import { pick, seededRandom, type Random } from "@/lib/seed/fake-leads";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import type { AnalyticsScope } from "../analytics-filters";
import { inList, ts } from "../analytics-sql";
import {
  campaignLeadTotals,
  campaignMailTotals,
  sentMailBySendTime,
  sentMailByVariant,
} from "./campaign-rollup-sql";
import { rebuildAnalyticsRollups } from "./rebuild-rollups";

/**
 * The campaign rollups (campaign_mail_* and campaign_lead_*) are kept by triggers; after a random
 * stream of the writes the product makes — campaign mail queued, sent, delivered, opened, bounced,
 * replied to and deleted, provider events arriving late and twice, recipients added and removed,
 * meetings logged, leads reassigned, re-sourced, won, soft-deleted and purged, in single and
 * multi-row statements — every sum read from them equals the same number counted live from the
 * source rows (the definitions of lib/analytics/campaigns), and a rebuild changes nothing.
 */
const NOW = new Date("2026-06-30T12:00:00Z");
const DAY = 86_400_000;
const SOURCES = ["website", "referral", null];
const CURRENCIES = ["USD", "EUR", null];

let org: TestOrg;
let owners: (string | null)[];
let campaignIds: string[];

const when = (r: Random) => new Date(NOW.getTime() - Math.floor(r() * 60 * DAY));
const maybe = (r: Random, p: number, at: Date) =>
  r() < p ? new Date(at.getTime() + Math.floor(r() * 3 * DAY)) : null;

function randomMessage(r: Random, leadIds: string[]) {
  const createdAt = when(r);
  const sentAt = r() < 0.8 ? new Date(createdAt.getTime() + Math.floor(r() * 6 * 3_600_000)) : null;
  const stepIndex = pick(r, [0, 1, 2, null]);
  return {
    id: newId(),
    organizationId: org.id,
    kind: pick(r, ["campaign", "campaign", "campaign", "campaign", "manual", "test"] as const),
    fromAddress: "a@example.test",
    toAddress: "b@example.test",
    subject: "Hi",
    transport: "local_outbox" as const,
    status: sentAt ? ("sent" as const) : pick(r, ["queued", "failed"] as const),
    sentAt,
    leadId: r() < 0.95 ? pick(r, leadIds) : null,
    campaignId: pick(r, campaignIds),
    stepId: stepIndex === null ? null : `s${stepIndex}`,
    stepIndex,
    variantId: r() < 0.9 ? pick(r, ["a", "b"]) : null,
    deliveredAt: sentAt && maybe(r, 0.8, sentAt),
    openedAt: sentAt && maybe(r, 0.4, sentAt),
    clickedAt: sentAt && maybe(r, 0.15, sentAt),
    bouncedAt: sentAt && maybe(r, 0.1, sentAt),
    repliedAt: sentAt && maybe(r, 0.1, sentAt),
    createdAt,
    updatedAt: createdAt,
  };
}

async function randomStream(r: Random, steps: number) {
  const db = await getDb();
  const leadIds: string[] = [];
  const messages: { id: string; campaignId: string; leadId: string | null }[] = [];
  const eventIds: string[] = [];
  const activityIds: string[] = [];
  const pairs = new Set<string>();
  const someLead = () => pick(r, leadIds);
  for (let i = 0; i < steps; i++) {
    const op = leadIds.length < 6 ? 0 : Math.floor(r() * 16);
    if (op === 0) {
      const rows = Array.from({ length: 1 + Math.floor(r() * 4) }, () => ({
        id: newId(),
        organizationId: org.id,
        displayName: `Lead ${i}`,
        status: "new",
        source: pick(r, SOURCES),
        ownerId: pick(r, owners),
        createdAt: new Date(NOW.getTime() - 90 * DAY),
      }));
      await db.insert(leads).values(rows);
      leadIds.push(...rows.map((l) => l.id));
    } else if (op === 1) {
      const rows = Array.from({ length: 1 + Math.floor(r() * 3) }, () => ({
        id: newId(),
        organizationId: org.id,
        campaignId: pick(r, campaignIds),
        leadId: someLead(),
        createdAt: when(r),
      })).filter((row) => {
        const key = `${row.campaignId}/${row.leadId}`;
        if (pairs.has(key)) return false;
        pairs.add(key);
        return true;
      });
      if (rows.length) await db.insert(campaignRecipients).values(rows);
    } else if (op <= 4) {
      // Mail in batches, out of time order, some to no lead, some manual or test sends.
      const rows = Array.from({ length: 1 + Math.floor(r() * 4) }, () => randomMessage(r, leadIds));
      await db.insert(emailMessages).values(rows);
      messages.push(...rows.map((m) => ({ id: m.id, campaignId: m.campaignId, leadId: m.leadId })));
    } else if (op === 5 && messages.length) {
      // The provider's updates: sent, delivered, opened, bounced, replied — or moved to a step.
      const ids = messages.filter(() => r() < 0.15).map((m) => m.id);
      const at = when(r);
      const change = pick(r, [
        { sentAt: at, status: "sent" as const },
        { deliveredAt: at },
        { openedAt: at },
        { clickedAt: at },
        { bouncedAt: at },
        { repliedAt: at },
        { openedAt: null, repliedAt: null },
        { stepIndex: 1, stepId: "s1", variantId: "b" },
        { kind: "manual" as const },
      ]);
      if (ids.length)
        await db.update(emailMessages).set(change).where(inArray(emailMessages.id, ids));
    } else if (op === 6 && messages.length) {
      const [gone] = messages.splice(Math.floor(r() * messages.length), 1);
      await db.delete(emailMessages).where(eq(emailMessages.id, gone!.id));
    } else if (op <= 8 && messages.length) {
      // Events for a message arrive late, repeated, sometimes without their campaign.
      const rows = Array.from({ length: 1 + Math.floor(r() * 3) }, () => {
        const m = pick(r, messages);
        return {
          id: newId(),
          organizationId: org.id,
          messageId: m.id,
          campaignId: r() < 0.9 ? m.campaignId : null,
          leadId: m.leadId,
          type: pick(r, [...EMAIL_EVENT_TYPES, "replied", "unsubscribed"] as const),
          occurredAt: when(r),
        };
      });
      await db.insert(emailEvents).values(rows);
      eventIds.push(...rows.map((e) => e.id));
    } else if (op === 9 && eventIds.length) {
      const id = eventIds.splice(Math.floor(r() * eventIds.length), 1)[0]!;
      if (r() < 0.5) await db.delete(emailEvents).where(eq(emailEvents.id, id));
      else await db.update(emailEvents).set({ type: "complained" }).where(eq(emailEvents.id, id));
    } else if (op === 10) {
      // Reassignment: one lead, or a bulk statement over many.
      const ids = r() < 0.5 ? [someLead()] : leadIds.filter(() => r() < 0.3);
      if (ids.length)
        await db
          .update(leads)
          .set({ ownerId: pick(r, owners) })
          .where(inArray(leads.id, ids));
    } else if (op === 11) {
      await db
        .update(leads)
        .set({ source: pick(r, SOURCES) })
        .where(eq(leads.id, someLead()));
    } else if (op === 12) {
      const won = r() < 0.7;
      await db
        .update(leads)
        .set({
          status: won ? "won" : "new",
          wonAt: won ? when(r) : null,
          dealValue: r() < 0.8 ? Math.round(r() * 10_000) : null,
          dealCurrency: pick(r, CURRENCIES),
        })
        .where(eq(leads.id, someLead()));
    } else if (op === 13) {
      const ids = leadIds.filter(() => r() < 0.1);
      if (ids.length)
        await db
          .update(leads)
          .set({ deletedAt: r() < 0.5 ? NOW : null })
          .where(inArray(leads.id, ids));
    } else if (op === 14) {
      if (activityIds.length && r() < 0.3) {
        await db.delete(userActivities).where(eq(userActivities.id, activityIds.pop()!));
      } else {
        const rows = Array.from({ length: 1 + Math.floor(r() * 2) }, () => {
          const kind = pick(r, ["meeting", "call", "call"] as const);
          return {
            id: newId(),
            organizationId: org.id,
            userId: org.members.rep.id,
            kind,
            leadId: someLead(),
            outcome: kind === "call" ? pick(r, ["meeting_booked", "connected"]) : null,
            occurredAt: when(r),
          };
        });
        await db.insert(userActivities).values(rows);
        activityIds.push(...rows.map((a) => a.id));
      }
    } else if (op === 15) {
      if (r() < 0.5 && pairs.size) {
        const key = pick(r, [...pairs]);
        pairs.delete(key);
        const [campaignId, leadId] = key.split("/");
        await db
          .delete(campaignRecipients)
          .where(
            and(
              eq(campaignRecipients.campaignId, campaignId!),
              eq(campaignRecipients.leadId, leadId!),
            ),
          );
      } else if (r() < 0.3) {
        // A lead purged for good: its mail stays, no longer anyone's.
        const id = someLead();
        await db.delete(leads).where(and(eq(leads.id, id), eq(leads.organizationId, org.id)));
        leadIds.splice(leadIds.indexOf(id), 1);
        for (const key of [...pairs]) if (key.endsWith(`/${id}`)) pairs.delete(key);
      }
    }
  }
}

/** Leads in scope, as the live analytics filter them (deleted ones too: their mail was sent). */
function liveLeadScope(scope: AnalyticsScope, leadId: SQL): SQL {
  const parts: SQL[] = [];
  if (scope.ownerIds) parts.push(sql`l.owner_id in ${inList(scope.ownerIds)}`);
  if (scope.sources) parts.push(sql`l.source in ${inList(scope.sources)}`);
  if (!parts.length) return sql`true`;
  return sql`exists (select 1 from leads l where l.organization_id = ${org.id} and l.id = ${leadId}
                      and ${sql.join(parts, sql` and `)})`;
}

/** Every campaign message with its outcomes, counted from the messages and their events. */
function liveMail(scope: AnalyticsScope): SQL {
  const { from, to } = scope.period;
  return sql`(select m.*, coalesce(m.sent_at, m.created_at) as at,
                     (m.replied_at is not null or exists (
                        select 1 from email_events e where e.message_id = m.id
                           and e.campaign_id = m.campaign_id and e.type = 'replied')) as any_reply,
                     exists (select 1 from email_events e where e.message_id = m.id
                                and e.campaign_id = m.campaign_id
                                and e.type in ('unsubscribed', 'complained')) as unsubscribed
                from email_messages m
               where m.organization_id = ${org.id} and m.kind = 'campaign'
                 ${scope.campaignId ? sql`and m.campaign_id = ${scope.campaignId}` : sql``}
                 and coalesce(m.sent_at, m.created_at) >= ${ts(from)}
                 and coalesce(m.sent_at, m.created_at) < ${ts(to)}
                 and ${liveLeadScope(scope, sql`m.lead_id`)})`;
}

async function liveMailTotals(scope: AnalyticsScope) {
  return queryRows(
    await getDb(),
    sql`select f.campaign_id, count(*)::int as messages,
               count(*) filter (where f.sent_at is not null)::int as sent,
               count(*) filter (where f.delivered_at is not null)::int as delivered,
               count(*) filter (where f.opened_at is not null)::int as opened,
               count(*) filter (where f.clicked_at is not null)::int as clicked,
               count(*) filter (where f.any_reply)::int as replied,
               count(*) filter (where f.bounced_at is not null)::int as bounced,
               count(*) filter (where f.unsubscribed)::int as unsubscribed
          from ${liveMail(scope)} f group by 1`,
  );
}

async function liveSentByVariant(scope: AnalyticsScope) {
  return queryRows(
    await getDb(),
    sql`select f.campaign_id, f.step_id, f.step_index, f.variant_id,
               f.bounced_at is not null as bounced, count(*)::int as sent,
               count(*) filter (where f.opened_at is not null)::int as opened,
               count(*) filter (where f.clicked_at is not null)::int as clicked,
               count(*) filter (where f.any_reply)::int as replied
          from ${liveMail(scope)} f where f.sent_at is not null group by 1, 2, 3, 4, 5`,
  );
}

async function liveSendTimes(scope: AnalyticsScope, timezone: string) {
  const local = sql`(f.sent_at at time zone ${timezone})`;
  return queryRows(
    await getDb(),
    sql`select extract(isodow from ${local})::int as weekday, extract(hour from ${local})::int as hour,
               count(*)::int as sent,
               count(*) filter (where f.opened_at is not null)::int as opened,
               count(*) filter (where f.clicked_at is not null)::int as clicked,
               count(*) filter (where f.any_reply)::int as replied,
               count(*) filter (where f.bounced_at is not null)::int as bounced
          from ${liveMail(scope)} f where f.sent_at is not null group by 1, 2`,
  );
}

/** Recipients by first mail, wins and first meetings after being added, from the source rows. */
async function liveLeadTotals(scope: AnalyticsScope) {
  const inPeriod = (col: SQL) =>
    sql`${col} >= ${ts(scope.period.from)} and ${col} < ${ts(scope.period.to)}`;
  return queryRows(
    await getDb(),
    sql`with p as (
          select m.campaign_id, m.lead_id, min(coalesce(m.sent_at, m.created_at)) as first_at
            from email_messages m
           where m.organization_id = ${org.id} and m.kind = 'campaign' and m.lead_id is not null
           group by 1, 2),
        f as (
          select p.*, l.deleted_at is null and l.id is not null as live, l.won_at, l.deal_value,
                 l.deal_currency, r.created_at as added_at,
                 (select min(a.occurred_at) from user_activities a
                   where a.organization_id = ${org.id} and a.lead_id = p.lead_id
                     and a.occurred_at >= r.created_at
                     and (a.kind = 'meeting' or (a.kind = 'call' and a.outcome = 'meeting_booked'))) as meeting_at
            from p
            left join leads l on l.id = p.lead_id
            left join campaign_recipients r on r.campaign_id = p.campaign_id and r.lead_id = p.lead_id
           where ${liveLeadScope(scope, sql`p.lead_id`)})
        select campaign_id, 'recipient' as metric, null::text as currency, count(*)::int as leads,
               0::float8 as amount
          from f where ${inPeriod(sql`f.first_at`)} group by 1
        union all
        select campaign_id, 'won', nullif(coalesce(deal_currency, ''), ''), count(*)::int,
               coalesce(sum(deal_value), 0)::float8
          from f where f.live and f.won_at >= f.added_at and ${inPeriod(sql`f.won_at`)} group by 1, 3
        union all
        select campaign_id, 'meeting', null, count(*)::int, 0::float8
          from f where f.live and ${inPeriod(sql`f.meeting_at`)} group by 1`,
  );
}

/** Rows as comparable strings, zero rows (sums that cancelled out) left out. */
function normal(rows: object[], counts: string[]) {
  return (rows as Record<string, unknown>[])
    .filter((row) => counts.some((k) => Number(row[k]) !== 0))
    .map((row) =>
      JSON.stringify(
        Object.keys(row)
          .sort()
          .map((k) => [k, counts.includes(k) ? Number(row[k]) : row[k]]),
      ),
    )
    .sort();
}

const MAIL = [
  "messages",
  "sent",
  "delivered",
  "opened",
  "clicked",
  "replied",
  "bounced",
  "unsubscribed",
];
const SENT = ["sent", "opened", "clicked", "replied", "bounced"];
const LEADS = ["leads", "amount"];

function scopeOf(from: Date, days: number, extra: Partial<AnalyticsScope>): AnalyticsScope {
  const to = new Date(from.getTime() + days * DAY);
  return {
    period: { from, to, previousFrom: from, previousTo: from, days },
    ownerIds: null,
    sources: null,
    campaignId: null,
    interval: "day",
    ...extra,
  };
}

/** Every read compared with its live count; returns how much was compared. */
async function compareAll(r: Random): Promise<number> {
  const ctx = org.ctx("admin");
  const extras: Partial<AnalyticsScope>[] = [
    {},
    { ownerIds: [org.members.rep.id] },
    { ownerIds: [org.members.rep.id, org.members.rep2.id] },
    { sources: ["website"] },
    { sources: ["referral"], ownerIds: [org.members.rep2.id] },
    { campaignId: campaignIds[0]! },
    { ownerIds: ["00000000-0000-0000-0000-000000000000"] },
  ];
  let compared = 0;
  for (const extra of extras) {
    for (let i = 0; i < 3; i++) {
      const day = new Date(Date.UTC(2026, 3, 1) + Math.floor(r() * 80) * DAY);
      const scope = scopeOf(day, 1 + Math.floor(r() * 60), extra);
      const ids = scope.campaignId ? [scope.campaignId] : null;
      const live = (await liveMailTotals(scope)).filter(
        (m) => !ids || ids.includes(m.campaign_id as string),
      );
      expect(normal(await campaignMailTotals(ctx, scope, ids), MAIL)).toEqual(normal(live, MAIL));
      const leadsLive = (await liveLeadTotals(scope)).filter(
        (m) => !ids || ids.includes(m.campaign_id as string),
      );
      const leadsRolled = await campaignLeadTotals(ctx, scope, ids);
      expect(normal(leadsRolled, LEADS)).toEqual(normal(leadsLive, LEADS));
      expect(normal(await sentMailByVariant(ctx, scope), SENT)).toEqual(
        normal(await liveSentByVariant(scope), SENT),
      );
      const timezone = pick(r, ["UTC", "America/New_York", "Europe/Berlin", "Asia/Tokyo"]);
      expect(normal(await sentMailBySendTime(ctx, scope, timezone), SENT)).toEqual(
        normal(await liveSendTimes(scope, timezone), SENT),
      );
      compared += live.reduce((n, m) => n + Number(m.messages), 0);
      compared += leadsLive.reduce((n, m) => n + Number(m.leads), 0);
    }
  }
  return compared;
}

async function snapshot() {
  const db = await getDb();
  const nonZero = (table: string, cols: string[]) =>
    queryRows(
      db,
      sql`select * from ${sql.raw(table)} where organization_id = ${org.id}
            and (${sql.raw(cols.map((c) => `${c} <> 0`).join(" or "))})`,
    ).then((rows) => normal(rows, cols));
  return {
    daily: await nonZero("campaign_mail_daily_rollups", [
      "messages",
      "delivered",
      "opened",
      "clicked",
      "replied",
      "unsubscribed",
    ]),
    hourly: await nonZero("campaign_mail_hourly_rollups", SENT),
    leads: await nonZero("campaign_lead_rollups", LEADS),
  };
}

beforeAll(async () => {
  org = await createTestOrg("Campaign rollups");
  owners = [org.members.rep.id, org.members.rep2.id, org.members.manager.id, null];
  const db = await getDb();
  const rows = ["One", "Two", "Three"].map((name) => ({
    id: newId(),
    organizationId: org.id,
    name,
    status: "active" as const,
  }));
  await db.insert(campaigns).values(rows);
  campaignIds = rows.map((c) => c.id);
  await randomStream(seededRandom(20261127), 500);
});

describe("campaign rollups", () => {
  it("sum to the numbers counted live, for any period, owners, sources and campaign", async () => {
    const compared = await compareAll(seededRandom(11));
    // The stream really produced numbers to compare (not a vacuous equality of zeros).
    expect(compared).toBeGreaterThan(200);
  });

  it("are unchanged by a rebuild from the source rows", async () => {
    const before = await snapshot();
    expect(before.daily.length).toBeGreaterThan(20);
    expect(before.leads.length).toBeGreaterThan(10);
    await rebuildAnalyticsRollups(await getDb(), org.id);
    expect(await snapshot()).toEqual(before);
  });

  it("are rebuilt after bulk SQL that wrote around them", async () => {
    const db = await getDb();
    const before = await snapshot();
    await db.execute(
      sql`update campaign_mail_daily_rollups set messages = messages + 5 where organization_id = ${org.id}`,
    );
    await db.execute(sql`delete from campaign_lead_rollups where organization_id = ${org.id}`);
    await db.execute(
      sql`delete from campaign_mail_hourly_rollups where organization_id = ${org.id}`,
    );
    expect(await snapshot()).not.toEqual(before);
    await rebuildAnalyticsRollups(db, org.id);
    expect(await snapshot()).toEqual(before);
    expect(await compareAll(seededRandom(12))).toBeGreaterThan(200);
  });
});
