import { sql, type SQL } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { AnalyticsPeriod, AnalyticsScope } from "@/lib/analytics/analytics-filters";
import { inList, isoText, splitCurrency, ts } from "@/lib/analytics/analytics-sql";
import type { Ctx } from "@/lib/context";
import type { CampaignAnalyticsRow } from "./campaign-analytics-schemas";

/** A share rounded to 4 places, null when there is nothing to divide by (the analytics contract). */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
}

/** Which campaigns: those running in the period, or exactly these ids (a comparison). */
export type CampaignSelection = { kind: "period" } | { kind: "ids"; ids: string[] };

/**
 * The leads whose campaign mail counts: the owners the caller may see and the requested sources.
 * Without such filters no lead is read, so deleted leads' mail still counts (as in the stats).
 */
function leadScope(ctx: Ctx, scope: AnalyticsScope, leadId: SQL): SQL {
  const parts: SQL[] = [];
  if (scope.ownerIds) parts.push(sql`l.owner_id in ${inList(scope.ownerIds)}`);
  if (scope.sources) parts.push(sql`l.source in ${inList(scope.sources)}`);
  if (!parts.length) return sql`true`;
  return sql`exists (select 1 from leads l where l.organization_id = ${ctx.orgId} and l.id = ${leadId}
                      and ${sql.join(parts, sql` and `)})`;
}

function campaignsCte(ctx: Ctx, scope: AnalyticsScope, selection: CampaignSelection): SQL {
  const p = scope.period;
  const which =
    selection.kind === "ids"
      ? sql`c.id in ${inList(selection.ids)}`
      : sql`((c.launched_at < ${ts(p.to)} and coalesce(c.finished_at, 'infinity') >= ${ts(p.from)})
             or exists (select 1 from email_messages m
                         where m.organization_id = ${ctx.orgId} and m.campaign_id = c.id
                           and m.kind = 'campaign'
                           and m.created_at < ${ts(p.to)} and m.sent_at >= ${ts(p.from)}
                           and m.sent_at < ${ts(p.to)}))`;
  return sql`cs as (
    select c.id, c.name, c.status, c.owner_id, c.launched_at, c.finished_at, c.created_at,
           c.cost_amount, c.cost_currency
      from campaigns c
     where c.organization_id = ${ctx.orgId} and ${which}
       ${scope.campaignId ? sql`and c.id = ${scope.campaignId}` : sql``}
  )`;
}

/**
 * One row per campaign message of the period with the moment each outcome first happened — the
 * definitions of lib/campaigns/campaign-message-facts.ts (human opens only, a reply recorded only
 * as an event still counts, unsubscribes and complaints from events, no test sends) for many
 * campaigns at once. A message belongs to the period it was sent in (queued or failed ones to the
 * one they were created in).
 */
function factsCte(ctx: Ctx, scope: AnalyticsScope, period: AnalyticsPeriod): SQL {
  return sql`ev as (
    select e.message_id,
           min(e.occurred_at) filter (where e.type in ('unsubscribed', 'complained')) as unsubscribed_at,
           min(e.occurred_at) filter (where e.type = 'replied') as replied_at
      from email_events e
     where e.organization_id = ${ctx.orgId} and e.campaign_id in (select id from cs)
       and e.type in ('unsubscribed', 'complained', 'replied')
     group by e.message_id
  ), f as (
    select m.campaign_id, m.lead_id, m.status, m.sent_at, m.delivered_at, m.opened_at,
           m.clicked_at, m.bounced_at, coalesce(m.replied_at, ev.replied_at) as replied_at,
           ev.unsubscribed_at
      from email_messages m
      left join ev on ev.message_id = m.id
     where m.organization_id = ${ctx.orgId} and m.campaign_id in (select id from cs)
       and m.kind = 'campaign'
       and coalesce(m.sent_at, m.created_at) >= ${ts(period.from)}
       and coalesce(m.sent_at, m.created_at) < ${ts(period.to)}
       and ${leadScope(ctx, scope, sql`m.lead_id`)}
  )`;
}

interface MessageRow {
  id: string;
  name: string;
  status: CampaignAnalyticsRow["status"];
  owner_id: string | null;
  launched_at: string | null;
  finished_at: string | null;
  cost_amount: number | string | null;
  cost_currency: string | null;
  recipients: number;
  sent: number;
  delivered: number;
  opened: number;
  clicked: number;
  replied: number;
  bounced: number;
  unsubscribed: number;
}

interface OutcomeRow {
  campaign_id: string;
  currency: string;
  won: number;
  meetings: number;
  revenue: number | string | null;
}

export interface MetricCounts {
  recipients: number;
  sent: number;
  delivered: number;
  opened: number;
  clicked: number;
  replied: number;
  bounced: number;
  unsubscribed: number;
  meetings: number;
  won: number;
  cost: number | null;
  costByCurrency: { currency: string; amount: number }[];
  revenue: number;
  revenueByCurrency: { currency: string; amount: number }[];
}

/** Counts → counts with their rates and ROI (also for totals summed over campaigns). */
export function withRates(m: MetricCounts) {
  const reached = m.sent - m.bounced;
  return {
    ...m,
    deliveryRate: share(m.delivered, m.sent),
    openRate: share(m.opened, reached),
    clickRate: share(m.clicked, reached),
    replyRate: share(m.replied, reached),
    bounceRate: share(m.bounced, m.sent),
    unsubscribeRate: share(m.unsubscribed, reached),
    winRate: share(m.won, m.recipients),
    roi: m.cost !== null && m.cost > 0 ? share(m.revenue - m.cost, m.cost) : null,
  };
}

/**
 * Campaign rows with message metrics, meetings, won deals, cost, revenue and ROI: two grouped
 * queries over the period's campaign mail, however many campaigns and recipients.
 */
export async function loadCampaignRows(
  ctx: Ctx,
  scope: AnalyticsScope,
  selection: CampaignSelection,
  currency: string,
): Promise<CampaignAnalyticsRow[]> {
  const ctes = sql`with ${campaignsCte(ctx, scope, selection)}, ${factsCte(ctx, scope, scope.period)}`;
  const [messages, outcomes] = await Promise.all([
    queryRows<MessageRow>(
      ctx.db,
      sql`${ctes}, agg as (
            select f.campaign_id,
                   count(distinct f.lead_id)::int as recipients,
                   count(*) filter (where f.sent_at is not null)::int as sent,
                   count(*) filter (where f.delivered_at is not null)::int as delivered,
                   count(*) filter (where f.opened_at is not null)::int as opened,
                   count(*) filter (where f.clicked_at is not null)::int as clicked,
                   count(*) filter (where f.replied_at is not null)::int as replied,
                   count(*) filter (where f.bounced_at is not null)::int as bounced,
                   count(*) filter (where f.unsubscribed_at is not null)::int as unsubscribed
              from f group by f.campaign_id)
          select cs.id, cs.name, cs.status, cs.owner_id,
                 ${isoText(sql`cs.launched_at`)} as launched_at,
                 ${isoText(sql`cs.finished_at`)} as finished_at,
                 cs.cost_amount, cs.cost_currency,
                 coalesce(agg.recipients, 0) as recipients, coalesce(agg.sent, 0) as sent,
                 coalesce(agg.delivered, 0) as delivered, coalesce(agg.opened, 0) as opened,
                 coalesce(agg.clicked, 0) as clicked, coalesce(agg.replied, 0) as replied,
                 coalesce(agg.bounced, 0) as bounced, coalesce(agg.unsubscribed, 0) as unsubscribed
            from cs left join agg on agg.campaign_id = cs.id
           order by cs.launched_at desc nulls last, cs.created_at desc, cs.id`,
    ),
    // Won and meetings among the period's recipients, after they were added to the campaign.
    queryRows<OutcomeRow>(
      ctx.db,
      sql`${ctes}
          select r.campaign_id, coalesce(l.deal_currency, ${currency}) as currency,
                 count(*) filter (where l.won_at >= r.created_at)::int as won,
                 count(*) filter (where exists (
                   select 1 from user_activities ua
                    where ua.organization_id = ${ctx.orgId} and ua.lead_id = l.id
                      and (ua.kind = 'meeting' or (ua.kind = 'call' and ua.outcome = 'meeting_booked'))
                      and ua.occurred_at >= r.created_at))::int as meetings,
                 sum(l.deal_value) filter (where l.won_at >= r.created_at) as revenue
            from (select distinct f.campaign_id, f.lead_id from f) fl
            join campaign_recipients r on r.organization_id = ${ctx.orgId}
                 and r.campaign_id = fl.campaign_id and r.lead_id = fl.lead_id
            join leads l on l.organization_id = ${ctx.orgId} and l.id = fl.lead_id
                 and l.deleted_at is null
           group by 1, 2`,
    ),
  ]);

  return messages.map((m) => {
    const own = outcomes.filter((o) => o.campaign_id === m.id);
    const money = splitCurrency(
      own.map((o) => ({ currency: o.currency, amount: Number(o.revenue ?? 0) })),
      currency,
    );
    const costAmount = m.cost_amount === null ? null : Number(m.cost_amount);
    const costInOrg = costAmount !== null && (m.cost_currency ?? currency) === currency;
    const counts: MetricCounts = {
      recipients: Number(m.recipients),
      sent: Number(m.sent),
      delivered: Number(m.delivered),
      opened: Number(m.opened),
      clicked: Number(m.clicked),
      replied: Number(m.replied),
      bounced: Number(m.bounced),
      unsubscribed: Number(m.unsubscribed),
      meetings: own.reduce((n, o) => n + Number(o.meetings), 0),
      won: own.reduce((n, o) => n + Number(o.won), 0),
      cost: costInOrg ? costAmount : null,
      costByCurrency:
        costAmount !== null && !costInOrg
          ? [{ currency: m.cost_currency!, amount: costAmount }]
          : [],
      revenue: money.amount,
      revenueByCurrency: money.byCurrency,
    };
    return {
      campaignId: m.id,
      name: m.name,
      status: m.status,
      ownerId: m.owner_id,
      launchedAt: m.launched_at,
      finishedAt: m.finished_at,
      ...withRates(counts),
    };
  });
}

/** Every campaign together: counts and money summed, rates recomputed from the sums. */
export function totalsOf(rows: CampaignAnalyticsRow[], currency: string) {
  const keys = [
    "recipients",
    "sent",
    "delivered",
    "opened",
    "clicked",
    "replied",
    "bounced",
    "unsubscribed",
    "meetings",
    "won",
  ] as const;
  const sum = Object.fromEntries(
    keys.map((k) => [k, rows.reduce((n, r) => n + r[k], 0)]),
  ) as Record<(typeof keys)[number], number>;
  const costs = rows.filter((r) => r.cost !== null);
  const costOthers = splitCurrency(
    rows.flatMap((r) => r.costByCurrency),
    "\u0000none",
  ).byCurrency;
  const revenue = splitCurrency(
    [
      { currency, amount: rows.reduce((n, r) => n + r.revenue, 0) },
      ...rows.flatMap((r) => r.revenueByCurrency),
    ],
    currency,
  );
  return withRates({
    ...sum,
    cost: costs.length ? costs.reduce((n, r) => n + r.cost!, 0) : null,
    costByCurrency: costOthers,
    revenue: revenue.amount,
    revenueByCurrency: revenue.byCurrency,
  });
}
