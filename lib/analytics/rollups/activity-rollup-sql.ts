import { sql, type SQL } from "drizzle-orm";
import type { AnalyticsInterval } from "../analytics-filters";

function dayText(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * `day` of a rollup alias within [from, to). Analytics periods start and end at 00:00 UTC, so
 * their UTC days hold exactly the acts timed within them.
 */
export function rollupDayRange(alias: string, from: Date, to: Date): SQL {
  const day = sql.raw(`${alias}.day`);
  return sql`${day} >= ${dayText(from)}::date and ${day} < ${dayText(to)}::date`;
}

/** The bucket (YYYY-MM-DD: the day, its ISO week's Monday, its month's first) of a rollup day. */
export function rollupDayBucket(alias: string, interval: AnalyticsInterval): SQL {
  // A date cast to timestamp has no time zone to shift it; the unit is inlined (an enum value)
  // so a select and its group by are the same expression.
  return sql`to_char(date_trunc('${sql.raw(interval)}', ${sql.raw(`${alias}.day`)}::timestamp), 'YYYY-MM-DD')`;
}
