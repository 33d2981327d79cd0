import { sql, type SQL } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Ctx } from "@/lib/context";
import type { AnalyticsQuery } from "./analytics-filters";
import { loadAnalyticsContext } from "./analytics-context";
import { periodDto } from "./analytics-schemas";
import { isoText, leadFilter, optionLabel, round2, splitCurrency, ts } from "./analytics-sql";

/** A lead's customer: its company (trimmed, lower-cased) or itself — leads_org_customer_won_idx. */
function customerKey(alias: string): SQL {
  const a = sql.raw(alias);
  return sql`coalesce(nullif(lower(trim(${a}.company)), ''), ${a}.id::text)`;
}

/**
 * Lifetime value per won customer: a customer is a company (its name trimmed and lower-cased)
 * or, without one, the lead itself. The cohort is the customers whose first win falls in the
 * period; a customer's value is every won deal of theirs so far. The source is that of the
 * customer's first won lead. Read live from the period's wins: their customers whose first scoped
 * win is in the period (one probe each of leads_org_customer_won_idx; subquery and lateral join
 * keep them probes) are the cohort, and only their won leads are read — not every won lead of
 * the organization.
 */
export async function getLtv(ctx: Ctx, query: AnalyticsQuery, now?: Date) {
  const ac = await loadAnalyticsContext(ctx, query, now);
  const { period } = ac.scope;
  const rows = await queryRows<{
    key: string;
    label: string;
    lead_id: string;
    source: string | null;
    deals: number;
    first_won: string;
    last_won: string;
    money: { currency: string; amount: number }[];
  }>(
    ctx.db,
    sql`with p as (
          select distinct ${customerKey("l")} as key
            from leads l
           where ${leadFilter(ctx, ac.scope)}
             and l.won_at >= ${ts(period.from)} and l.won_at < ${ts(period.to)}),
        k as (
          select p.key from p
           where (select min(e.won_at) from leads e
                   where ${leadFilter(ctx, ac.scope, "e")} and e.won_at is not null
                     and ${customerKey("e")} = p.key) >= ${ts(period.from)}),
        w as (
          select k.key, l.*
            from k cross join lateral (
              select l.id, l.won_at, coalesce(nullif(trim(l.company), ''), l.display_name) as label,
                     nullif(l.source, '') as source,
                     coalesce(l.deal_currency, ${ac.currency}) as currency, l.deal_value
                from leads l
               where ${leadFilter(ctx, ac.scope)} and l.won_at is not null
                 and ${customerKey("l")} = k.key) l),
        c as (
          select w.key, count(*)::int as deals, min(won_at) as first_won, max(won_at) as last_won,
                 (array_agg(id order by won_at, id))[1] as lead_id,
                 (array_agg(label order by won_at, id))[1] as label,
                 (array_agg(source order by won_at, id))[1] as source
            from w group by w.key),
        m as (
          select x.key, json_agg(json_build_object('currency', x.currency, 'amount', x.amount)) as money
            from (select w.key, w.currency, coalesce(sum(w.deal_value), 0)::float8 as amount
                    from w group by 1, 2) x
           group by 1)
      select c.key, c.label, c.lead_id, c.source, c.deals,
             ${isoText(sql`c.first_won`)} as first_won, ${isoText(sql`c.last_won`)} as last_won,
             m.money
        from c left join m on m.key = c.key`,
  );
  const customers = rows.map((r) => {
    const money = splitCurrency(r.money ?? [], ac.currency);
    return {
      key: r.key,
      label: r.label,
      leadId: r.lead_id,
      source: r.source,
      wonDeals: r.deals,
      value: money.amount,
      byCurrency: money.byCurrency,
      firstWonAt: r.first_won,
      lastWonAt: r.last_won,
    };
  });
  customers.sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
  const totalValue = round2(customers.reduce((s, c) => s + c.value, 0));
  const sources = new Map<string | null, typeof customers>();
  for (const c of customers) sources.set(c.source, [...(sources.get(c.source) ?? []), c]);
  const bySource = [...sources].map(([source, cs]) => {
    const total = round2(cs.reduce((s, c) => s + c.value, 0));
    return {
      value: source,
      label: optionLabel(ac.sources, source),
      customers: cs.length,
      totalValue: total,
      averageLtv: round2(total / cs.length),
    };
  });
  bySource.sort((a, b) => b.totalValue - a.totalValue || a.label.localeCompare(b.label));
  return {
    period: periodDto(period),
    currency: ac.currency,
    customers: customers.length,
    totalValue,
    averageLtv: customers.length ? round2(totalValue / customers.length) : null,
    rows: customers.slice(0, 50).map(({ source: _source, ...c }) => c),
    bySource,
  };
}
