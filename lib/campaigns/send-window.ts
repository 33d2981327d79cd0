import type { SendWindow } from "@/db/schema";

/**
 * Send windows in a time zone, daylight-saving correct, with nothing but `Intl`.
 *
 * A window is the set of instants whose wall-clock time in the zone is within [start, end) on one
 * of its ISO weekdays. Defined over instants (not wall-clock times) so DST needs no special rules:
 * a start inside a spring-forward gap opens at the instant the clocks jump, and a fall-back hour
 * belongs to the window both times it happens. The first instant of the window after `earliest`
 * is `earliest` itself or the start of one of the window's intervals, and such a start is either
 * a moment the clock shows `start` or a moment the zone's offset changes — so those are the only
 * candidates to check.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether the runtime knows the zone (a lead's free-text timezone may be anything). */
export function isValidTimeZone(timeZone: string | null | undefined): timeZone is string {
  if (!timeZone) return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
}

/** The wall-clock reading of an instant in a zone. */
export function localTime(instant: Date, timeZone: string): LocalTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  const { year, month, day, hour, minute, second } = parts as Record<string, number>;
  const weekday = new Date(Date.UTC(year!, month! - 1, day!)).getUTCDay() || 7;
  return {
    year: year!,
    month: month!,
    day: day!,
    hour: hour!,
    minute: minute!,
    second: second!,
    weekday,
  };
}

/** The zone's offset from UTC at an instant, in milliseconds (whole seconds). */
export function offsetAt(instant: Date, timeZone: string): number {
  const l = localTime(instant, timeZone);
  const asUtc = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Offsets are sampled this often; no zone changes its offset twice within six hours. */
const SAMPLE = 6 * HOUR;
/** A window with at least one weekday opens within a week; two more days cover a skipped date. */
const HORIZON_DAYS = 9;

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return h! * 60 + m!;
}

/** Whether an instant falls inside the window in the zone. */
export function isInWindow(instant: Date, window: SendWindow, timeZone: string): boolean {
  const l = localTime(instant, timeZone);
  if (!window.days.includes(l.weekday)) return false;
  const minutes = l.hour * 60 + l.minute + l.second / 60;
  return minutes >= minutesOf(window.start) && minutes < minutesOf(window.end);
}

/** Instants at which the zone's offset changes within [from, to). */
function offsetChanges(from: number, to: number, timeZone: string): number[] {
  const changes: number[] = [];
  let before = from;
  let beforeOffset = offsetAt(new Date(before), timeZone);
  for (let t = from + SAMPLE; t < to + SAMPLE; t += SAMPLE) {
    const offset = offsetAt(new Date(t), timeZone);
    if (offset !== beforeOffset) {
      // Narrow down to the exact second the offset changes.
      let lo = before;
      let hi = t;
      while (hi - lo > 1000) {
        const mid = Math.floor((lo + hi) / 2000) * 1000;
        if (offsetAt(new Date(mid), timeZone) === beforeOffset) lo = mid;
        else hi = mid;
      }
      changes.push(hi);
    }
    before = t;
    beforeOffset = offset;
  }
  return changes;
}

/** Every instant at which the zone's clock reads `minutes` past midnight on the given date. */
function instantsAt(
  date: { year: number; month: number; day: number },
  minutes: number,
  timeZone: string,
): number[] {
  const wall = Date.UTC(date.year, date.month - 1, date.day) + minutes * MINUTE;
  // The offset is one of those in force around that wall-clock time; try each.
  const offsets = new Set([
    offsetAt(new Date(wall - DAY), timeZone),
    offsetAt(new Date(wall), timeZone),
    offsetAt(new Date(wall + DAY), timeZone),
  ]);
  const found: number[] = [];
  for (const offset of offsets) {
    const t = wall - offset;
    const l = localTime(new Date(t), timeZone);
    const readsRight =
      l.year === date.year &&
      l.month === date.month &&
      l.day === date.day &&
      l.hour * 60 + l.minute === minutes &&
      l.second === 0;
    if (readsRight) found.push(t);
  }
  return found;
}

/**
 * The first instant at or after `earliest` inside the window, in the zone. Throws only for a
 * window that can never open (no weekdays, or start not before end), which the API rejects.
 */
export function nextWindowStart(earliest: Date, window: SendWindow, timeZone: string): Date {
  if (isInWindow(earliest, window, timeZone)) return earliest;
  const from = earliest.getTime();
  const to = from + HORIZON_DAYS * DAY;
  const candidates = offsetChanges(from - SAMPLE, to, timeZone);
  const startMinutes = minutesOf(window.start);
  const first = localTime(earliest, timeZone);
  for (let i = -1; i <= HORIZON_DAYS; i++) {
    const d = new Date(Date.UTC(first.year, first.month - 1, first.day + i));
    const date = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
    candidates.push(...instantsAt(date, startMinutes, timeZone));
  }
  const opening = candidates
    .filter((t) => t > from && t <= to)
    .sort((a, b) => a - b)
    .find((t) => isInWindow(new Date(t), window, timeZone));
  if (opening === undefined) {
    throw new Error(`Send window ${JSON.stringify(window)} never opens in ${timeZone}`);
  }
  return new Date(opening);
}
