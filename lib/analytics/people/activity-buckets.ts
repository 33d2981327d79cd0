import { sql, type SQL } from "drizzle-orm";
import type { AnalyticsInterval } from "@/lib/analytics/analytics-filters";
import type { ActivityBucket, ActivityCounts } from "./people-analytics-schemas";

/** user_activities.kind → the field it is counted in. */
export const KIND_FIELDS = {
  login: "logins",
  call: "calls",
  email: "emails",
  follow_up: "followUps",
  meeting: "meetings",
  note: "notes",
} as const satisfies Record<string, keyof ActivityCounts>;

export function emptyCounts(): ActivityCounts {
  return { logins: 0, calls: 0, emails: 0, followUps: 0, meetings: 0, notes: 0 };
}

/** Adds `n` acts of a kind (unknown kinds are ignored) to counts. */
export function addKind(counts: ActivityCounts, kind: string, n: number): void {
  const field = KIND_FIELDS[kind as keyof typeof KIND_FIELDS];
  if (field) counts[field] += n;
}

/** The bucket (YYYY-MM-DD, UTC start of the day / ISO week / month) of a timestamptz column. */
export function bucketSql(column: SQL, interval: AnalyticsInterval): SQL {
  return sql`to_char(date_trunc(${interval}, ${column} at time zone 'UTC'), 'YYYY-MM-DD')`;
}

/** Every bucket start of [from, to) in UTC: the first one is the bucket holding `from`. */
export function bucketStarts(from: Date, to: Date, interval: AnalyticsInterval): string[] {
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  if (interval === "week") d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  if (interval === "month") d.setUTCDate(1);
  const out: string[] = [];
  while (d < to) {
    out.push(d.toISOString().slice(0, 10));
    if (interval === "day") d.setUTCDate(d.getUTCDate() + 1);
    else if (interval === "week") d.setUTCDate(d.getUTCDate() + 7);
    else d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return out;
}

/** A full series from (bucket, kind, n) rows: every bucket of the period, zeros included. */
export function seriesOf(
  rows: { bucket: string; kind: string; n: number }[],
  starts: string[],
): ActivityBucket[] {
  const byBucket = new Map(starts.map((b) => [b, { bucket: b, ...emptyCounts() }]));
  for (const r of rows) {
    const bucket = byBucket.get(r.bucket);
    if (bucket) addKind(bucket, r.kind, Number(r.n));
  }
  return [...byBucket.values()];
}
