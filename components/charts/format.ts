/**
 * Number formatting for charts and analytics screens: everything through Intl so separators,
 * currency symbols and percent signs follow the reader's locale.
 */
export type ValueFormat = (value: number) => string;

const intCache = new Map<string, Intl.NumberFormat>();
function nf(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let f = intCache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(undefined, options);
    intCache.set(key, f);
  }
  return f;
}

export const formatNumber: ValueFormat = (v) => nf("n", { maximumFractionDigits: 1 }).format(v);

export const formatCompact: ValueFormat = (v) =>
  nf("c", { notation: "compact", maximumFractionDigits: 1 }).format(v);

/** Ratios 0..1 as the API sends them. */
export const formatPercent: ValueFormat = (v) =>
  nf("p", { style: "percent", maximumFractionDigits: 1 }).format(v);

export function currencyFormat(currency: string, compact = false): ValueFormat {
  const code = /^[A-Z]{3}$/.test(currency) ? currency : "USD";
  return (v) =>
    nf(`cur:${code}:${compact}`, {
      style: "currency",
      currency: code,
      maximumFractionDigits: compact || Math.abs(v) >= 1000 ? 0 : 2,
      ...(compact ? { notation: "compact" as const } : {}),
    }).format(v);
}

/** Durations in seconds as "45 s", "12 min", "3.5 h", "2.1 days". */
export const formatDuration: ValueFormat = (s) => {
  const unit = (value: number, u: Intl.NumberFormatOptions["unit"]) =>
    nf(`d:${u}`, {
      style: "unit",
      unit: u,
      unitDisplay: "short",
      maximumFractionDigits: 1,
    }).format(value);
  if (s < 60) return unit(s, "second");
  if (s < 3600) return unit(s / 60, "minute");
  if (s < 86_400 * 2) return unit(s / 3600, "hour");
  return unit(s / 86_400, "day");
};

/** "YYYY-MM-DD" bucket starts (UTC) as a short date, by the series' interval. */
export function formatBucket(bucket: string, interval: "day" | "week" | "month" = "day"): string {
  const d = new Date(`${bucket}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return bucket;
  const opts: Intl.DateTimeFormatOptions =
    interval === "month"
      ? { month: "short", year: "numeric", timeZone: "UTC" }
      : { month: "short", day: "numeric", timeZone: "UTC" };
  const text = new Intl.DateTimeFormat(undefined, opts).format(d);
  return interval === "week" ? `Week of ${text}` : text;
}

/** Round axis maximum: 1, 2, 2.5 or 5 × a power of ten at or above `max`. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const pow = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * pow >= max) return step * pow;
  return 10 * pow;
}

/** Grid values from 0 to `max`: quarters, or fifths when quarters would be ragged (25 → 5s). */
export function ticks(max: number): number[] {
  const count = Number.isInteger(max / 4) ? 4 : 5;
  return Array.from({ length: count + 1 }, (_, i) => (max * i) / count);
}
