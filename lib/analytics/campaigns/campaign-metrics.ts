import { sql, type SQL } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { AnalyticsScope } from "@/lib/analytics/analytics-filters";
import { inList, isoText, splitCurrency, ts } from "@/lib/analytics/analytics-sql";
import {
  campaignLeadTotals,
  campaignMailTotals,
  campaignsWithSentMail,
  type CampaignLeadTotals,
} from "@/lib/analytics/rollups/campaign-rollup-sql";
import type { Ctx } from "@/lib/context";
import type { CampaignAnalyticsRow } from "./campaign-analytics-schemas";

/** A share rounded to 4 places, null when there is nothing to divide by (the analytics contract). */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
}

/** Which campaigns: those running in the period, or exactly these ids (a comparison). */
export type CampaignSelection = { kind: "period" } | { kind: "ids"; ids: string[] };

function campaignsQuery(ctx: Ctx, scope: AnalyticsScope, selection: CampaignSelection): SQL {
  const p = scope.period;
  const which =
    selection.kind === "ids"
      ? sql`c.id in ${inList(selection.ids)}`
      : sql`((c.launched_at < ${ts(p.to)} and coalesce(c.finished_at, 'infinity') >= ${ts(p.from)})
             or ${campaignsWithSentMail(ctx, scope, sql`c.id`)})`;
  return sql`select c.id, c.name, c.status, c.owner_id,
                    ${isoText(sql`c.launched_at`)} as launched_at,
                    ${isoText(sql`c.finished_at`)} as finished_at,
                    c.cost_amount, c.cost_currency
               from campaigns c
              where c.organization_id = ${ctx.orgId} and ${which}
                ${scope.campaignId ? sql`and c.id = ${scope.campaignId}` : sql``}
              order by c.launched_at desc nulls last, c.created_at desc, c.id`;
}

interface CampaignRow {
  id: string;
  name: string;
  status: CampaignAnalyticsRow["status"];
  owner_id: string | null;
  launched_at: string | null;
  finished_at: string | null;
  cost_amount: number | string | null;
  cost_currency: string | null;
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
 * Campaign rows with message metrics, recipients, meetings, won deals, cost, revenue and ROI, read
 * from the campaign rollups (lib/analytics/rollups/campaign-rollup-sql.ts) whatever the period:
 * mail belongs to the moment it went out (or was created, when it never did); a recipient to the
 * day of its first mail of the campaign; a won deal and a meeting to the day they happened.
 */
export async function loadCampaignRows(
  ctx: Ctx,
  scope: AnalyticsScope,
  selection: CampaignSelection,
  currency: string,
): Promise<CampaignAnalyticsRow[]> {
  const ids =
    selection.kind === "ids" ? selection.ids : scope.campaignId ? [scope.campaignId] : null;
  const [campaigns, mail, leads] = await Promise.all([
    queryRows<CampaignRow>(ctx.db, campaignsQuery(ctx, scope, selection)),
    campaignMailTotals(ctx, scope, ids),
    campaignLeadTotals(ctx, scope, ids),
  ]);
  const mailOf = new Map(mail.map((m) => [m.campaign_id, m]));

  return campaigns.map((c) => {
    const m = mailOf.get(c.id);
    const own = leads.filter((o) => o.campaign_id === c.id);
    const sum = (metric: CampaignLeadTotals["metric"]) =>
      own.filter((o) => o.metric === metric).reduce((n, o) => n + Number(o.leads), 0);
    const money = splitCurrency(
      own
        .filter((o) => o.metric === "won")
        .map((o) => ({ currency: o.currency, amount: Number(o.amount) })),
      currency,
    );
    const costAmount = c.cost_amount === null ? null : Number(c.cost_amount);
    const costInOrg = costAmount !== null && (c.cost_currency ?? currency) === currency;
    const counts: MetricCounts = {
      recipients: sum("recipient"),
      sent: Number(m?.sent ?? 0),
      delivered: Number(m?.delivered ?? 0),
      opened: Number(m?.opened ?? 0),
      clicked: Number(m?.clicked ?? 0),
      replied: Number(m?.replied ?? 0),
      bounced: Number(m?.bounced ?? 0),
      unsubscribed: Number(m?.unsubscribed ?? 0),
      meetings: sum("meeting"),
      won: sum("won"),
      cost: costInOrg ? costAmount : null,
      costByCurrency:
        costAmount !== null && !costInOrg
          ? [{ currency: c.cost_currency!, amount: costAmount }]
          : [],
      revenue: money.amount,
      revenueByCurrency: money.byCurrency,
    };
    return {
      campaignId: c.id,
      name: c.name,
      status: c.status,
      ownerId: c.owner_id,
      launchedAt: c.launched_at,
      finishedAt: c.finished_at,
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
