import { sql, type SQL } from "drizzle-orm";

/*
 * SQL pieces the campaign and people analytics share. (lib/analytics/analytics-sql.ts, being
 * written alongside, has the same helpers; these can fold into it once it has landed.)
 */

/** A timestamp parameter, typed for PostgreSQL whichever driver carries it. */
export function ts(date: Date): SQL {
  return sql`${date.toISOString()}::timestamptz`;
}

/** An ISO-8601 UTC string from a timestamptz expression (drivers disagree on Date parsing). */
export function isoText(expr: SQL): SQL {
  return sql`to_char(${expr} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** `(a, b, c)` of parameters, for `in`; callers never pass an empty list. */
export function inList(values: readonly string[]): SQL {
  return sql`(${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

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
    else others.set(c, (others.get(c) ?? 0) + r.amount);
  }
  return {
    amount: round2(amount),
    byCurrency: [...others]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([c, a]) => ({ currency: c, amount: round2(a) })),
  };
}
