import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Ctx } from "@/lib/context";
import type { AnalyticsQuery } from "./analytics-filters";
import { loadAnalyticsContext } from "./analytics-context";
import { periodDto } from "./analytics-schemas";
import { leadFilter, optionLabel, round2, splitCurrency, ts } from "./analytics-sql";

/**
 * Return on campaigns: for each campaign launched before the period's end, its recipients among
 * the scoped leads, those of them won in the period and their deal value, against the campaign's
 * cost. A lead in two campaigns counts for both (no attribution model). Sources carry no cost yet.
 */
export async function getRoi(ctx: Ctx, query: AnalyticsQuery, now?: Date) {
  const ac = await loadAnalyticsContext(ctx, query, now);
  const { period } = ac.scope;
  const f = leadFilter(ctx, ac.scope);
  const won = sql`l.won_at >= ${ts(period.from)} and l.won_at < ${ts(period.to)}`;
  const cur = sql`coalesce(l.deal_currency, ${ac.currency})`;
  const [campaignRows, sourceRows] = await Promise.all([
    queryRows<{
      id: string;
      name: string;
      cost: number | null;
      cost_currency: string | null;
      recipients: number;
      won: number;
      money: { currency: string; amount: number }[] | null;
    }>(
      ctx.db,
      sql`select c.id, c.name, c.cost_amount::float8 as cost, c.cost_currency,
                 coalesce(r.recipients, 0)::int as recipients, coalesce(r.won, 0)::int as won,
                 m.money
            from campaigns c
            left join lateral (
              select count(*) as recipients, count(*) filter (where ${won}) as won
                from campaign_recipients cr join leads l on l.id = cr.lead_id
               where cr.organization_id = ${ctx.orgId} and cr.campaign_id = c.id and ${f}) r on true
            left join lateral (
              select json_agg(json_build_object('currency', x.currency, 'amount', x.amount)) as money
                from (select ${cur} as currency, sum(l.deal_value)::float8 as amount
                        from campaign_recipients cr join leads l on l.id = cr.lead_id
                       where cr.organization_id = ${ctx.orgId} and cr.campaign_id = c.id and ${f}
                         and ${won} and l.deal_value is not null
                       group by 1) x) m on true
           where c.organization_id = ${ctx.orgId} and c.launched_at < ${ts(period.to)}
             ${ac.scope.campaignId ? sql`and c.id = ${ac.scope.campaignId}` : sql``}`,
    ),
    queryRows<{ source: string | null; currency: string; n: number; amount: number }>(
      ctx.db,
      sql`select nullif(l.source, '') as source, ${cur} as currency, count(*)::int as n,
                 coalesce(sum(l.deal_value), 0)::float8 as amount
            from leads l where ${f} and ${won} group by 1, 2`,
    ),
  ]);
  const campaigns = campaignRows.map((c) => {
    const money = splitCurrency(c.money ?? [], ac.currency);
    const costInOrg = c.cost !== null && (c.cost_currency ?? ac.currency) === ac.currency;
    return {
      campaignId: c.id,
      name: c.name,
      recipients: c.recipients,
      wonLeads: c.won,
      revenue: money.amount,
      byCurrency: money.byCurrency,
      cost: c.cost,
      costCurrency: c.cost === null ? null : (c.cost_currency ?? ac.currency),
      roi:
        costInOrg && c.cost! > 0 ? round2(((money.amount - c.cost!) / c.cost!) * 1e4) / 1e4 : null,
    };
  });
  campaigns.sort((a, b) => b.revenue - a.revenue || a.name.localeCompare(b.name));
  const bySource = new Map<string | null, typeof sourceRows>();
  for (const r of sourceRows) bySource.set(r.source, [...(bySource.get(r.source) ?? []), r]);
  const sources = [...bySource].map(([source, rs]) => ({
    value: source,
    label: optionLabel(ac.sources, source),
    wonLeads: rs.reduce((s, r) => s + r.n, 0),
    revenue: splitCurrency(rs, ac.currency).amount,
    cost: null,
    roi: null,
  }));
  sources.sort((a, b) => b.revenue - a.revenue || a.label.localeCompare(b.label));
  return { period: periodDto(period), currency: ac.currency, campaigns, sources };
}
