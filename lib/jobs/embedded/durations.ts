const UNIT_MS: Record<string, number> = {
  w: 7 * 24 * 3600_000,
  d: 24 * 3600_000,
  h: 3600_000,
  m: 60_000,
  s: 1000,
  ms: 1,
};

/**
 * When an Inngest time string ends: "1d2h30m" / "45s" relative to `from`, or an ISO date
 * (what `step.sleepUntil` and Date timeouts produce).
 */
export function resolveTime(value: string | number | undefined, from: Date): Date {
  if (value === undefined || value === "") return from;
  if (typeof value === "number") return new Date(from.getTime() + value);
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ms|w|d|h|m|s)/g)];
  if (parts.length && parts.map((p) => p[0]).join("") === value.replace(/\s+/g, "")) {
    const ms = parts.reduce((sum, p) => sum + Number(p[1]) * UNIT_MS[p[2]!]!, 0);
    return new Date(from.getTime() + ms);
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`Unrecognised time "${value}"`);
  return date;
}
