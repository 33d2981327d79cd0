import { sql, type SQL } from "drizzle-orm";
import type { Ctx } from "@/lib/context";
import type { LeadOption } from "@/lib/leads/lead-options";
import type { AnalyticsInterval, AnalyticsScope } from "./analytics-filters";

/** A timestamp parameter, typed for PostgreSQL whichever driver carries it. */
export function ts(date: Date): SQL {
  return sql`${date.toISOString()}::timestamptz`;
}

/** An ISO-8601 UTC string from a timestamptz expression (drivers disagree on Date parsing). */
export function isoText(expr: SQL): SQL {
  return sql`to_char(${expr} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

export function inList(values: readonly string[]): SQL {
  return sql`(${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;
}

/**
 * The analytics scope on a leads alias: organization, live rows, the owners the caller may see
 * (resolveAnalyticsScope), sources and campaign membership.
 */
export function leadFilter(ctx: Ctx, scope: AnalyticsScope, alias = "l"): SQL {
  const a = sql.raw(alias);
  const parts: SQL[] = [sql`${a}.organization_id = ${ctx.orgId}`, sql`${a}.deleted_at is null`];
  if (scope.ownerIds) parts.push(sql`${a}.owner_id in ${inList(scope.ownerIds)}`);
  if (scope.sources) parts.push(sql`${a}.source in ${inList(scope.sources)}`);
  if (scope.campaignId)
    parts.push(sql`exists (select 1 from campaign_recipients cr
      where cr.organization_id = ${ctx.orgId} and cr.campaign_id = ${scope.campaignId}
        and cr.lead_id = ${a}.id)`);
  return sql.join(parts, sql` and `);
}

/**
 * A value no slug or id can equal, for lists that must not be empty. Not NUL: PostgreSQL refuses
 * a NUL byte in a text parameter.
 */
export const NO_MATCH = "\u0001none";

/** Status slugs of one category, as an SQL list that never is empty. */
export function statusList(statuses: LeadOption[], category: "open" | "won" | "lost"): SQL {
  const values = statuses.filter((s) => s.category === category).map((s) => s.value);
  return inList(values.length ? values : [NO_MATCH]);
}

/** The start of the time bucket containing a timestamptz, as a UTC date. */
export function bucketOf(expr: SQL, interval: AnalyticsInterval): SQL {
  // The unit is inlined (an enum value), so a select and its group by are the same expression.
  return sql`date_trunc('${sql.raw(interval)}', ${expr} at time zone 'UTC')::date`;
}

/** Every bucket start of the period (UTC), zeros included in the series built on it. */
export function bucketSeries(from: Date, to: Date, interval: AnalyticsInterval): SQL {
  return sql`(select d::date as bucket from generate_series(
      date_trunc('${sql.raw(interval)}', ${ts(from)} at time zone 'UTC'),
      (${ts(to)} at time zone 'UTC') - interval '1 microsecond',
      interval '1 ${sql.raw(interval)}') d)`;
}

/** YYYY-MM-DD of a date column (drivers disagree on how they return dates). */
export function dateText(expr: SQL): SQL {
  return sql`to_char(${expr}, 'YYYY-MM-DD')`;
}

export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** A breakdown row's label for a picklist slug (retired or unknown slugs show as they are). */
export function optionLabel(options: LeadOption[], value: string | null): string {
  if (value === null || value === "") return "(none)";
  return options.find((o) => o.value === value)?.label ?? value;
}

/** Money grouped by currency → the organization's amount and the others beside it. */
export function splitCurrency(
  rows: { currency: string | null; amount: number }[],
  currency: string,
): { amount: number; byCurrency: { currency: string; amount: number }[] } {
  let amount = 0;
  const others = new Map<string, number>();
  for (const r of rows) {
    const c = r.currency ?? currency;
    if (c === currency) amount += r.amount;
    else if (r.amount !== 0) others.set(c, (others.get(c) ?? 0) + r.amount);
  }
  return {
    amount: round2(amount),
    byCurrency: [...others]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([c, a]) => ({ currency: c, amount: round2(a) })),
  };
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
