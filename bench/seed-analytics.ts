/**
 * The analytics part of `npm run bench:seed` (issue 9): for the measured organization, about ten
 * million events and messages around its leads — campaigns with recipients, their sent mail and
 * its delivery/open/click/bounce/reply events, one conversation per contacted lead with its
 * outbound and inbound messages, the leads' status history and deals, and the team's logins,
 * calls, emails and follow-ups — generated inside PostgreSQL (insert … select over the leads)
 * because shipping ten million rows through Node would take longer than the measuring.
 *
 * Deterministic for a given lead set (setseed), idempotent (skipped when the organization
 * already has its campaigns), and shaped like the product's own writes so the analytics queries
 * meet the same distributions they meet in use.
 */
import type { Sql } from "postgres";

const CAMPAIGNS = 20;
const STEPS = 3;

function stepsJson(c: number): string {
  const steps = Array.from({ length: STEPS }, (_, s) => ({
    id: `c${c}s${s}`,
    delayDays: s === 0 ? 0 : 3,
    delayHours: 0,
    variants: ["a", "b"].map((v) => ({
      id: `c${c}s${s}${v}`,
      label: v.toUpperCase(),
      weight: 50,
      templateId: null,
      subject: `Campaign ${c} step ${s + 1} (${v})`,
      html: "<p>Hello {{firstName|there}}</p>",
      text: null,
    })),
  }));
  return JSON.stringify(steps);
}

async function timed(label: string, work: () => Promise<unknown>) {
  const started = Date.now();
  const result = await work();
  const count = (result as { count?: number } | undefined)?.count ?? 0;
  console.log(`  ${label}: ${count} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/**
 * Scale: `share` of the default volume (1 → about 10M rows for 1M leads). Every step is one
 * statement over the organization's leads, so the run is bounded by PostgreSQL's insert speed.
 */
export async function seedAnalytics(pool: Sql, orgId: string, memberIds: string[], share = 1) {
  const [existing] =
    await pool`select count(*)::int as n from campaigns where organization_id = ${orgId}`;
  if ((existing?.n ?? 0) >= CAMPAIGNS) {
    console.log(`  analytics data already present (${existing!.n} campaigns)`);
    return false;
  }
  // A bulk load, as a restore would be: the rollup triggers stay off (one multi-million-row
  // statement into a table analysed while empty gets plans fit for a few rows), and the caller
  // rebuilds every rollup set-based afterwards, the way `npm run db:rebuild-rollups` repairs.
  const sql = await pool.reserve();
  try {
    await sql`set session_replication_role = replica`;
    await insertAnalytics(sql, orgId, memberIds, share);
    await sql`reset session_replication_role`;
  } finally {
    sql.release();
  }
  return true;
}

async function insertAnalytics(sql: Sql, orgId: string, memberIds: string[], share: number) {
  const started = Date.now();
  const ownerId = memberIds[0]!;
  await sql`select setseed(0.42)`;

  await timed("deals and won/lost dates", () =>
    sql.unsafe(
      `update leads l set
         deal_value = round((1000 + random() * 49000)::numeric, -2),
         deal_currency = case when random() < 0.05 then 'EUR' else 'USD' end,
         expected_close_date = case when o.category = 'open'
           then (now() + (random() * 120 - 20) * interval '1 day')::date end,
         won_at = case when o.category = 'won'
           then l.created_at + (random() * 60 + 1) * interval '1 day' end,
         lost_at = case when o.category = 'lost'
           then l.created_at + (random() * 45 + 1) * interval '1 day' end
       from lead_options o
       where l.organization_id = $1 and l.deleted_at is null
         and o.organization_id = l.organization_id and o.kind = 'status' and o.value = l.status
         and (o.category <> 'open' or random() < 0.45)`,
      [orgId],
    ),
  );

  // Status history: every lead walks the ordered open statuses up to where it stands now.
  await timed("status changes", () =>
    sql.unsafe(
      `with ordered as (
         select value, category, position,
                row_number() over (order by position) as rank
           from lead_options where organization_id = $1 and kind = 'status'),
       target as (
         select l.id, l.created_at, o.rank as target_rank, o.category
           from leads l join ordered o on o.value = l.status
          where l.organization_id = $1 and l.deleted_at is null)
       insert into lead_status_changes
         (id, organization_id, lead_id, from_status, to_status, changed_at, created_at, updated_at)
       select gen_random_uuid(), $1, t.id, prev.value, o.value, at, at, at
         from target t
         join ordered o on o.rank <= t.target_rank
                       and (o.category = 'open' or o.rank = t.target_rank)
         left join ordered prev on prev.rank = o.rank - 1
         cross join lateral (select t.created_at + (o.rank - 1) * (2 + random() * 9) * interval '1 day' as at) x
        where o.rank > 1`,
      [orgId],
    ),
  );
  await sql.unsafe(
    `update leads l set reached_statuses = s.reached
       from (select lead_id, array_agg(distinct to_status) as reached
               from lead_status_changes where organization_id = $1 group by lead_id) s
      where l.id = s.lead_id and l.organization_id = $1`,
    [orgId],
  );

  const campaignRows = Array.from({ length: CAMPAIGNS }, (_, c) => ({
    c,
    steps: stepsJson(c),
  }));
  await timed("campaigns", () =>
    sql.unsafe(
      `insert into campaigns (id, organization_id, name, status, owner_id, steps, cost_amount,
                              cost_currency, launched_at, created_by, created_at, updated_at)
       select gen_random_uuid(), $1, 'Bench campaign ' || (c->>'c'), 
              case when (c->>'c')::int % 4 = 0 then 'active' else 'completed' end,
              ($2::uuid[])[1 + (c->>'c')::int % array_length($2::uuid[], 1)],
              (c->>'steps')::jsonb, 500 + (c->>'c')::int * 250, 'USD',
              now() - ((c->>'c')::int * 15 + 10) * interval '1 day', $3,
              now() - ((c->>'c')::int * 15 + 12) * interval '1 day', now()
         from jsonb_array_elements($4::jsonb) c`,
      [orgId, memberIds, ownerId, JSON.stringify(campaignRows)],
    ),
  );

  // Half the leads (scaled) are recipients of one campaign each.
  await timed("campaign recipients", () =>
    sql.unsafe(
      `with cs as (select id, launched_at, row_number() over (order by name) - 1 as n
                     from campaigns where organization_id = $1)
       insert into campaign_recipients (id, organization_id, campaign_id, lead_id, state,
                                        next_step_index, created_at, updated_at)
       select gen_random_uuid(), $1, cs.id, l.id,
              (array['completed','completed','completed','replied','active','bounced'])[1 + floor(random() * 6)::int],
              ${STEPS}, cs.launched_at, cs.launched_at
         from leads l join cs on cs.n = abs(hashtext(l.id::text)) % ${CAMPAIGNS}
        where l.organization_id = $1 and l.deleted_at is null and l.email is not null
          and random() < 0.5 * $2`,
      [orgId, share],
    ),
  );

  // Each recipient got one to three steps (fewer when they replied or bounced), a variant each.
  await timed("campaign email messages", () =>
    sql.unsafe(
      `insert into email_messages (id, organization_id, kind, from_address, to_address, subject,
              transport, status, sent_at, lead_id, campaign_id, recipient_id, step_id, step_index,
              variant_id, delivered_at, opened_at, clicked_at, bounced_at, replied_at,
              created_at, updated_at)
       select gen_random_uuid(), r.organization_id, 'campaign', 'sales@bench.leadline.dev',
              'lead-' || left(r.lead_id::text, 8) || '@bench.example', 'Bench step ' || (s + 1),
              'local_outbox', 'sent', at, r.lead_id, r.campaign_id, r.id,
              'c' || c.n || 's' || s, s, 'c' || c.n || 's' || s || v,
              case when not bounced then at + interval '2 minutes' end,
              case when not bounced and u < 0.38 then at + (1 + u * 40) * interval '1 hour' end,
              case when not bounced and u < 0.06 then at + (2 + u * 40) * interval '1 hour' end,
              case when bounced then at + interval '1 minute' end,
              case when replied and s = last_step then at + (3 + u * 60) * interval '1 hour' end,
              at, at
         from campaign_recipients r
         join (select id, row_number() over (order by name) - 1 as n, launched_at
                 from campaigns where organization_id = $1) c on c.id = r.campaign_id
         cross join lateral (select case r.state when 'replied' then floor(random() * 3)::int
                                                 when 'bounced' then 0 else 2 end as last_step) ls
         cross join lateral generate_series(0, ls.last_step) s
         cross join lateral (select random() as u,
                                    case when random() < 0.5 then 'a' else 'b' end as v,
                                    c.launched_at + (s * 3 + random() * 2) * interval '1 day'
                                      + (8 + floor(random() * 9)) * interval '1 hour' as at) x
         cross join lateral (select r.state = 'bounced' as bounced,
                                    r.state = 'replied' as replied) f
        where r.organization_id = $1`,
      [orgId],
    ),
  );

  // A rep's own emails to leads (not campaign mail), spread over the last year.
  await timed("manual email messages", () =>
    sql.unsafe(
      `insert into email_messages (id, organization_id, kind, from_address, to_address, subject,
              transport, status, sent_at, lead_id, delivered_at, opened_at, replied_at,
              created_at, updated_at)
       select gen_random_uuid(), $1, 'manual', 'rep@bench.leadline.dev',
              'lead-' || left(l.id::text, 8) || '@bench.example', 'Following up', 'local_outbox',
              'sent', at, l.id, at + interval '1 minute',
              case when u < 0.45 then at + (1 + u * 30) * interval '1 hour' end,
              case when u < 0.09 then at + (2 + u * 50) * interval '1 hour' end, at, at
         from leads l
         cross join lateral generate_series(1, 1 + floor(random() * 2)::int) g
         cross join lateral (select random() as u,
                                    greatest(l.created_at, now() - interval '365 days')
                                      + random() * least(now() - l.created_at, interval '365 days') as at) x
        where l.organization_id = $1 and l.deleted_at is null and l.owner_id is not null
          and random() < 0.6 * $2`,
      [orgId, share],
    ),
  );

  // The provider's events for every message: delivered/opened/clicked/bounced/replied.
  await timed("email events", () =>
    sql.unsafe(
      `insert into email_events (id, organization_id, message_id, campaign_id, lead_id, type,
                                 is_bot, occurred_at, created_at)
       select gen_random_uuid(), m.organization_id, m.id, m.campaign_id, m.lead_id, e.type,
              e.type = 'opened' and random() < 0.08, e.at, e.at
         from email_messages m
         cross join lateral (values ('delivered', m.delivered_at), ('opened', m.opened_at),
                                    ('clicked', m.clicked_at), ('bounced', m.bounced_at),
                                    ('replied', m.replied_at)) e(type, at)
        where m.organization_id = $1 and e.at is not null`,
      [orgId],
    ),
  );

  // One conversation per lead that was written to, holding each message and each reply.
  await timed("conversations", () =>
    sql.unsafe(
      `insert into conversations (id, organization_id, lead_id, last_message_at, last_inbound_at,
                                  last_outbound_at, last_campaign_id, last_channel, preview,
                                  created_at, updated_at)
       select gen_random_uuid(), $1, lead_id, greatest(max(sent_at), max(replied_at)),
              max(replied_at), max(sent_at), max(campaign_id::text)::uuid, 'email', 'Bench thread',
              min(sent_at), max(sent_at)
         from email_messages where organization_id = $1 and lead_id is not null
        group by lead_id`,
      [orgId],
    ),
  );
  await timed("conversation messages (outbound)", () =>
    sql.unsafe(
      `insert into conversation_messages (id, organization_id, conversation_id, lead_id,
              direction, channel, author, author_user_id, status, email_message_id, campaign_id,
              subject, body, occurred_at, created_at, updated_at)
       select gen_random_uuid(), $1, c.id, m.lead_id, 'outbound', 'email',
              case when m.kind = 'campaign' then 'system' else 'user' end,
              case when m.kind = 'manual' then l.owner_id end, 'sent', m.id, m.campaign_id,
              m.subject, 'Hello', m.sent_at, m.sent_at, m.sent_at
         from email_messages m
         join conversations c on c.organization_id = $1 and c.lead_id = m.lead_id
         join leads l on l.id = m.lead_id
        where m.organization_id = $1`,
      [orgId],
    ),
  );
  await timed("conversation messages (replies)", () =>
    sql.unsafe(
      `insert into conversation_messages (id, organization_id, conversation_id, lead_id,
              direction, channel, author, status, campaign_id, subject, body, inbound_kind,
              classification, classification_state, occurred_at, created_at, updated_at)
       select gen_random_uuid(), $1, c.id, m.lead_id, 'inbound', 'email', 'lead', 'received',
              m.campaign_id, 'Re: ' || m.subject, 'Thanks, tell me more', 'human_reply',
              jsonb_build_object('category',
                (array['interested','meeting_request','question','not_interested','out_of_office'])[1 + floor(random() * 5)::int],
                'confidence', 0.9), 'applied', m.replied_at, m.replied_at, m.replied_at
         from email_messages m
         join conversations c on c.organization_id = $1 and c.lead_id = m.lead_id
        where m.organization_id = $1 and m.replied_at is not null`,
      [orgId],
    ),
  );

  // The team's work: logins most days, calls and follow-ups on their leads, emails sent.
  await timed("member activity (calls, emails, follow-ups)", () =>
    sql.unsafe(
      `insert into user_activities (id, organization_id, user_id, kind, lead_id, outcome,
                                    duration_seconds, occurred_at, created_at, updated_at)
       select gen_random_uuid(), $1, l.owner_id, k.kind, l.id,
              case when k.kind = 'call' then (array['connected','voicemail','no_answer','busy','meeting_booked'])[1 + floor(random() * 5)::int] end,
              case when k.kind = 'call' then floor(30 + random() * 900)::int end, at, at, at
         from leads l
         cross join lateral (values ('call'), ('follow_up'), ('email')) k(kind)
         cross join lateral (select greatest(l.created_at, now() - interval '365 days')
                                      + random() * least(now() - l.created_at, interval '365 days') as at) x
        where l.organization_id = $1 and l.deleted_at is null and l.owner_id is not null
          and random() < 0.35 * $2`,
      [orgId, share],
    ),
  );
  await timed("member logins", () =>
    sql.unsafe(
      `insert into user_activities (id, organization_id, user_id, kind, occurred_at, created_at, updated_at)
       select gen_random_uuid(), $1, u, 'login', at, at, at
         from unnest($2::uuid[]) u
         cross join generate_series(now() - interval '365 days', now(), interval '1 day') d
         cross join lateral (select d + (7 + random() * 3) * interval '1 hour' as at) x
        where extract(isodow from d) < 6`,
      [orgId, memberIds],
    ),
  );
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  const [counts] = await sql.unsafe(
    `select (select count(*) from email_messages where organization_id = $1)::int as messages,
            (select count(*) from email_events where organization_id = $1)::int as events,
            (select count(*) from conversation_messages where organization_id = $1)::int as conversation_messages,
            (select count(*) from lead_status_changes where organization_id = $1)::int as status_changes,
            (select count(*) from user_activities where organization_id = $1)::int as activities,
            (select count(*) from campaign_recipients where organization_id = $1)::int as recipients`,
    [orgId],
  );
  const total = Object.values(counts as Record<string, number>).reduce((a, b) => a + b, 0);
  console.log(`  analytics data: ${JSON.stringify(counts)} = ${total} rows in ${minutes} min`);
}
