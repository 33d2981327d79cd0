const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: "auto", style: "short" });
const short = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric" });

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 7],
];

/** "5 min. ago", "yesterday" — and the date itself once it is over a week old. */
export function relativeTime(iso: string, now = Date.now()): string {
  let value = (new Date(iso).getTime() - now) / 1000;
  for (const [unit, size] of STEPS) {
    if (Math.abs(value) < size) {
      return unit === "second" ? "just now" : rtf.format(Math.round(value), unit);
    }
    value /= size;
  }
  return short.format(new Date(iso));
}
