import { and, asc, eq, sql } from "drizzle-orm";
import { queryRows, type Transaction } from "@/db/client";
import {
  CALL_OUTCOMES,
  campaigns,
  leadOptions,
  leads,
  listings,
  userActivities,
  type UserActivityKind,
} from "@/db/schema";
import { newId } from "@/lib/crypto/ids";
import { pick, seededRandom, type Random } from "./fake-leads";

const DAY = 86_400_000;
const between = (r: Random, min: number, max: number) => min + Math.floor(r() * (max - min + 1));

/** Listing locations with what a square metre costs there, and the types sold in each. */
const MARKETS: { location: string; perM2: number; currency: string }[] = [
  { location: "Austin", perM2: 3600, currency: "USD" },
  { location: "Denver", perM2: 4100, currency: "USD" },
  { location: "Boston", perM2: 7800, currency: "USD" },
  { location: "Seattle", perM2: 6900, currency: "USD" },
];
const TYPES: { type: string; m2: [number, number]; words: string[] }[] = [
  { type: "apartment", m2: [45, 120], words: ["Bright loft", "Corner flat", "Garden apartment"] },
  { type: "house", m2: [110, 260], words: ["Family house", "Townhouse", "Craftsman bungalow"] },
  { type: "condo", m2: [60, 140], words: ["Lakeside condo", "Downtown condo", "Penthouse condo"] },
];

const CALL_NOTES = [
  "Asked about financing options",
  "Wants a second viewing next week",
  "Comparing with two other agents",
  "Budget confirmed, ready to make an offer",
  "Call back after the weekend",
  null,
  null,
];

/**
 * What the analytics dashboards read, on top of the demo pipeline and its history: deal values
 * and expected close dates, campaign costs, a score of listings in four cities (some sold), and
 * two months of the team's logins, calls, emails and follow-ups on leads they had already
 * contacted (calls also on the leads' timelines). Seeded random, so every fresh demo shows the
 * same story relative to today; set-based writes, so the seed stays fast.
 */
export async function seedDemoAnalytics(
  tx: Transaction,
  orgId: string,
  userIds: Record<string, string>,
) {
  const random = seededRandom(20261126);
  const now = Date.now();
  await seedDeals(tx, orgId, random, now);
  await tx
    .update(campaigns)
    .set({ costAmount: 1200, costCurrency: "USD" })
    .where(eq(campaigns.organizationId, orgId));
  await seedListings(tx, orgId, random, now, [userIds.rep!, userIds.rep2!, userIds.manager!]);
  await seedMemberActivity(tx, orgId, random, now, userIds);
}

async function seedDeals(tx: Transaction, orgId: string, random: Random, now: number) {
  const rows = await tx
    .select({ id: leads.id, status: leads.status, category: leadOptions.category })
    .from(leads)
    .innerJoin(
      leadOptions,
      and(
        eq(leadOptions.organizationId, leads.organizationId),
        eq(leadOptions.kind, "status"),
        eq(leadOptions.value, leads.status),
      ),
    )
    .where(eq(leads.organizationId, orgId))
    .orderBy(asc(leads.email));
  const deals = rows.flatMap((lead) => {
    const decided = lead.category !== "open";
    // Early stages mostly have no number yet; later ones and every outcome do.
    if (!decided && lead.status === "new" && random() < 0.8) return [];
    if (!decided && random() < 0.35) return [];
    const value = between(random, 8, 120) * 2500;
    const currency = random() < 0.12 ? "EUR" : "USD";
    const day = (offset: number) => new Date(now + offset * DAY).toISOString().slice(0, 10);
    return [
      {
        id: lead.id,
        deal_value: value,
        deal_currency: currency,
        expected_close_date: decided ? null : day(between(random, 5, 120)),
      },
    ];
  });
  if (!deals.length) return;
  // Won and lost dates come from the leads' history (seed-demo-history.ts).
  await tx.execute(sql`
    update leads set deal_value = v.deal_value, deal_currency = v.deal_currency,
           expected_close_date = v.expected_close_date
      from jsonb_to_recordset(${JSON.stringify(deals)}::jsonb) as v(
        id uuid, deal_value numeric, deal_currency text, expected_close_date date)
     where leads.organization_id = ${orgId} and leads.id = v.id`);
}

async function seedListings(
  tx: Transaction,
  orgId: string,
  random: Random,
  now: number,
  ownerIds: string[],
) {
  const values = Array.from({ length: 20 }, (_, i) => {
    const market = MARKETS[i % MARKETS.length]!;
    const kind = TYPES[Math.floor(i / MARKETS.length) % TYPES.length]!;
    const m2 = between(random, kind.m2[0], kind.m2[1]);
    const price = Math.round((m2 * market.perM2 * (0.9 + random() * 0.2)) / 1000) * 1000;
    const listedAt = new Date(now - between(random, 20, 330) * DAY);
    const sold = i % 3 === 0 && now - listedAt.getTime() > 30 * DAY;
    const soldAt = sold ? new Date(listedAt.getTime() + between(random, 14, 90) * DAY) : null;
    const soldDone = soldAt && soldAt.getTime() < now ? soldAt : null;
    return {
      organizationId: orgId,
      title: `${pick(random, kind.words)}, ${market.location}`,
      type: kind.type,
      price,
      currency: market.currency,
      location: market.location,
      status: soldDone
        ? ("sold" as const)
        : i % 7 === 1
          ? ("under_offer" as const)
          : ("active" as const),
      listedAt,
      soldAt: soldDone,
      soldPrice: soldDone ? Math.round((price * (0.94 + random() * 0.08)) / 1000) * 1000 : null,
      ownerId: ownerIds[i % ownerIds.length]!,
    };
  });
  await tx.insert(listings).values(values);
  // The demo's inquiries asked about these listings — ones already on the market by then.
  await tx.execute(sql`
    update lead_inquiries i set listing_id = (
        select l.id from listings l
         where l.organization_id = ${orgId} and l.listed_at <= i.created_at
         order by l.id
        offset q.n % greatest(1, (select count(*) from listings c
                                   where c.organization_id = ${orgId} and c.listed_at <= i.created_at))
         limit 1)
      from (select id, row_number() over (order by created_at, id) as n from lead_inquiries
             where organization_id = ${orgId}) q
     where i.id = q.id and i.organization_id = ${orgId}`);
}

async function seedMemberActivity(
  tx: Transaction,
  orgId: string,
  random: Random,
  now: number,
  userIds: Record<string, string>,
) {
  // Follow-up work only touches leads already contacted by then (their history's first contact).
  const leadsOf = new Map<string, { id: string; since: number }[]>();
  const contacted = await queryRows<{ id: string; owner_id: string; since: number }>(
    tx,
    sql`select l.id, l.owner_id, (extract(epoch from min(e.occurred_at)) * 1000)::float8 as since
          from leads l
          join (select lead_id, occurred_at from conversation_messages
                 where organization_id = ${orgId} and direction = 'outbound' and lead_id is not null
                union all
                select lead_id, occurred_at from user_activities
                 where organization_id = ${orgId} and kind = 'call' and lead_id is not null) e
            on e.lead_id = l.id
         where l.organization_id = ${orgId} and l.owner_id is not null
         group by l.id, l.owner_id, l.email
         order by l.email`,
  );
  for (const l of contacted) {
    leadsOf.set(l.owner_id, [...(leadsOf.get(l.owner_id) ?? []), { id: l.id, since: l.since }]);
  }
  // Per working day: [logins, calls, emails, follow-ups] as ranges, by how much each role sells.
  const rhythm: Record<string, [number, number][]> = {
    rep: [
      [1, 2],
      [3, 9],
      [1, 4],
      [0, 3],
    ],
    rep2: [
      [1, 2],
      [2, 7],
      [1, 5],
      [0, 2],
    ],
    manager: [
      [1, 1],
      [0, 3],
      [0, 2],
      [0, 1],
    ],
    admin: [
      [0, 1],
      [0, 0],
      [0, 0],
      [0, 0],
    ],
    owner: [
      [0, 1],
      [0, 0],
      [0, 0],
      [0, 0],
    ],
  };
  const kinds: UserActivityKind[] = ["login", "call", "email", "follow_up"];
  const rows: (typeof userActivities.$inferInsert)[] = [];
  for (let d = 60; d >= 1; d--) {
    const day = new Date(now - d * DAY);
    if (day.getUTCDay() === 0 || day.getUTCDay() === 6) continue;
    const start = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 8);
    for (const [key, ranges] of Object.entries(rhythm)) {
      const userId = userIds[key];
      if (!userId) continue;
      const theirLeads = leadsOf.get(userId) ?? [];
      ranges.forEach(([min, max], k) => {
        const kind = kinds[k]!;
        for (let n = between(random, min, max); n > 0; n--) {
          const at = new Date(
            start + (kind === "login" ? random() * 1.5 : random() * 9) * 3_600_000,
          );
          const known = theirLeads.filter((l) => l.since < at.getTime());
          const leadId = kind === "login" || !known.length ? null : pick(random, known).id;
          const outcome = kind === "call" ? pick(random, CALL_OUTCOMES) : null;
          rows.push({
            id: newId(),
            organizationId: orgId,
            userId,
            kind,
            leadId,
            outcome,
            durationSeconds:
              kind !== "call"
                ? null
                : outcome === "connected" || outcome === "meeting_booked"
                  ? between(random, 90, 1500)
                  : between(random, 0, 45),
            notes: kind === "call" ? pick(random, CALL_NOTES) : null,
            occurredAt: at,
          });
        }
      });
    }
  }
  for (let i = 0; i < rows.length; i += 500)
    await tx.insert(userActivities).values(rows.slice(i, i + 500));
  // Calls are on their leads' timelines and count as contact, as a logged call does.
  await tx.execute(sql`
    insert into lead_activities (id, organization_id, lead_id, type, actor_type, actor_id, data, occurred_at, created_at, updated_at)
    select gen_random_uuid(), a.organization_id, a.lead_id, 'call_logged', 'user', a.user_id,
           jsonb_build_object('callId', a.id, 'outcome', a.outcome, 'durationSeconds', a.duration_seconds, 'notes', a.notes),
           a.occurred_at, now(), now()
      from user_activities a
     where a.organization_id = ${orgId} and a.kind = 'call' and a.lead_id is not null`);
  await tx.execute(sql`
    update leads l set last_contacted_at = greatest(l.last_contacted_at, c.at)
      from (select lead_id, max(occurred_at) as at from user_activities
             where organization_id = ${orgId} and kind in ('call', 'email') and lead_id is not null
             group by lead_id) c
     where l.organization_id = ${orgId} and l.id = c.lead_id`);
}
