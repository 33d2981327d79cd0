"use client";

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
const absolute = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["minute", 60],
  ["hour", 24],
  ["day", 30],
  ["month", 12],
  ["year", Infinity],
];

/** "3 hours ago" from an ISO time, in the largest unit that keeps it a small number. */
export function relativeText(iso: string, now = Date.now()): string {
  let value = (new Date(iso).getTime() - now) / 60_000;
  for (const [unit, next] of UNITS) {
    if (Math.abs(value) < next) return relative.format(Math.round(value), unit);
    value /= next;
  }
  return relative.format(Math.round(value), "year");
}

/** A time said relatively, with the exact local date and time on hover and for machines. */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  const exact = absolute.format(new Date(iso));
  return (
    <time dateTime={iso} title={exact} className={className}>
      {relativeText(iso)}
    </time>
  );
}
