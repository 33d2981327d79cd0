/**
 * The analytics filters as they live in the URL (shared by every analytics view, so a link
 * reproduces what someone was looking at), the API query they make, and the leads-table URL a
 * drill-down opens with the same scope.
 */
export const RANGE_PRESETS = [
  { value: "7d", label: "Last 7 days" },
  { value: "30d", label: "Last 30 days" },
  { value: "90d", label: "Last 90 days" },
  { value: "12m", label: "Last 12 months" },
  { value: "ytd", label: "Year to date" },
] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number]["value"];
export type Interval = "day" | "week" | "month";

export interface AnalyticsFilters {
  range: RangePreset;
  /** Custom period (UTC days, inclusive); `from` set means custom. */
  from: string | null;
  to: string | null;
  /** `me` or member ids. */
  ownerId: string[];
  /** A manager's user id: their whole team. */
  teamId: string | null;
  source: string[];
  interval: Interval | null;
}

export const FILTER_KEYS = ["range", "from", "to", "ownerId", "teamId", "source", "interval"];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLUG = /^[\w-]{1,100}$/;

const validDay = (v: string | null) =>
  v && DAY.test(v) && !Number.isNaN(new Date(`${v}T00:00:00Z`).getTime()) ? v : null;

function list(params: URLSearchParams, key: string, ok: (v: string) => boolean): string[] {
  return [
    ...new Set(
      params
        .getAll(key)
        .flatMap((v) => v.split(","))
        .map((v) => v.trim())
        .filter((v) => v && ok(v)),
    ),
  ].slice(0, 50);
}

/** Junk in a hand-edited URL is dropped here rather than turned into an API error. */
export function parseAnalyticsFilters(params: URLSearchParams): AnalyticsFilters {
  const range = RANGE_PRESETS.find((r) => r.value === params.get("range"))?.value ?? "30d";
  let from = validDay(params.get("from"));
  let to = validDay(params.get("to"));
  if (from && to && from > to) [from, to] = [to, from];
  const interval = params.get("interval");
  const teamId = params.get("teamId");
  return {
    range,
    from,
    to,
    ownerId: list(params, "ownerId", (v) => v === "me" || UUID.test(v)),
    teamId: teamId && UUID.test(teamId) ? teamId : null,
    source: list(params, "source", (v) => SLUG.test(v)),
    interval: interval === "day" || interval === "week" || interval === "month" ? interval : null,
  };
}

/** Days a filter spans, for choosing a readable bucket size. */
function spanDays(f: AnalyticsFilters): number {
  if (f.from) {
    const end = f.to ? new Date(`${f.to}T00:00:00Z`) : new Date();
    return (end.getTime() - new Date(`${f.from}T00:00:00Z`).getTime()) / 86_400_000 + 1;
  }
  return { "7d": 7, "30d": 30, "90d": 90, "12m": 365, ytd: 365 }[f.range];
}

/** Days up to a quarter, weeks up to a year… so a chart has tens of points, not hundreds. */
export function effectiveInterval(f: AnalyticsFilters): Interval {
  if (f.interval) return f.interval;
  const days = spanDays(f);
  return days <= 45 ? "day" : days <= 200 ? "week" : "month";
}

export function apiQuery(f: AnalyticsFilters): Record<string, string | undefined> {
  return {
    range: f.from ? undefined : f.range,
    from: f.from ?? undefined,
    to: f.to ?? undefined,
    ownerId: f.ownerId.length ? f.ownerId.join(",") : undefined,
    teamId: f.teamId ?? undefined,
    source: f.source.length ? f.source.join(",") : undefined,
    interval: effectiveInterval(f),
  };
}

/** The URL query of these filters (tabs keep it when switching views). */
export function filterSearch(f: AnalyticsFilters): string {
  const q = new URLSearchParams();
  if (f.from) q.set("from", f.from);
  else if (f.range !== "30d") q.set("range", f.range);
  if (f.to) q.set("to", f.to);
  if (f.ownerId.length) q.set("ownerId", f.ownerId.join(","));
  if (f.teamId) q.set("teamId", f.teamId);
  if (f.source.length) q.set("source", f.source.join(","));
  if (f.interval) q.set("interval", f.interval);
  const s = q.toString();
  return s ? `?${s}` : "";
}

export interface PeriodDto {
  from: string;
  to: string;
}

/** The API's period (`to` exclusive) as the leads filter's inclusive days. */
export function periodDays(period: PeriodDto): { from: string; to: string } {
  const to = new Date(new Date(period.to).getTime() - 86_400_000);
  return { from: period.from.slice(0, 10), to: to.toISOString().slice(0, 10) };
}

/** The last day of a time-series bucket, capped at the period's last day. */
export function bucketDays(
  bucket: string,
  interval: Interval,
  period: PeriodDto,
): { from: string; to: string } {
  const start = new Date(`${bucket}T00:00:00Z`);
  const end = new Date(start);
  if (interval === "day") end.setUTCDate(end.getUTCDate() + 1);
  else if (interval === "week") end.setUTCDate(end.getUTCDate() + 7);
  else end.setUTCMonth(end.getUTCMonth() + 1);
  const last = periodDays(period);
  const from = bucket < last.from ? last.from : bucket;
  const toDay = new Date(end.getTime() - 86_400_000).toISOString().slice(0, 10);
  return { from, to: toDay > last.to ? last.to : toDay };
}

/**
 * The leads table (its own URL parameters: source, status, reachedStatus, ownerId, createdFrom/To,
 * assignedFrom/To) with
 * the same scope as the numbers: the analytics owner/source filters and `owners` — whose numbers
 * these are when the API narrowed them (a rep's own, a manager's team).
 */
export function leadsHref(
  filters: AnalyticsFilters,
  owners: string[] | null,
  extra: {
    created?: { from: string; to: string };
    /** Leads their current owner got in these days (the salesperson report's "assigned"). */
    assigned?: { from: string; to: string };
    status?: string;
    /** Leads that were ever in one of these statuses (a funnel stage and every later one). */
    reachedStatus?: string[];
    source?: string | null;
    ownerId?: string;
  },
): string {
  const q = new URLSearchParams();
  const source = extra.source ?? (filters.source.length ? filters.source.join(",") : null);
  if (source) q.set("source", source);
  if (extra.status) q.set("status", extra.status);
  if (extra.reachedStatus?.length) q.set("reachedStatus", extra.reachedStatus.join(","));
  const ownerIds = extra.ownerId ? [extra.ownerId] : owners;
  if (ownerIds?.length) q.set("ownerId", ownerIds.join(","));
  if (extra.created) {
    q.set("createdFrom", extra.created.from);
    q.set("createdTo", extra.created.to);
  }
  if (extra.assigned) {
    q.set("assignedFrom", extra.assigned.from);
    q.set("assignedTo", extra.assigned.to);
  }
  return `/leads?${q.toString()}`;
}
