import type { ScoreContribution, ScoringConfig, ScoringRule, Temperature } from "@/db/schema";

export type ScorableLead = Record<string, unknown> & { customFields?: Record<string, unknown> };

/** When each kind of event happened for one lead (inquiry, page_view, email_opened, …). */
export type EventTimes = Record<string, Date[]>;

export interface ScoreResult {
  score: number;
  temperature: Temperature;
  breakdown: ScoreContribution[];
}

function fieldValue(lead: ScorableLead, target: string): unknown {
  return target.startsWith("custom.") ? lead.customFields?.[target.slice(7)] : lead[target];
}

function fieldMatches(rule: ScoringRule, lead: ScorableLead): boolean {
  const value = fieldValue(lead, rule.target);
  const present =
    value !== null &&
    value !== undefined &&
    value !== "" &&
    !(Array.isArray(value) && value.length === 0);
  if (rule.operator === "exists" || rule.operator === undefined) return present;
  if (!present) return false;
  const wanted = (Array.isArray(rule.value) ? rule.value : [rule.value ?? ""]).map((v) =>
    v.toLowerCase(),
  );
  const actual = (Array.isArray(value) ? value : [value]).map((v) => String(v).toLowerCase());
  if (rule.operator === "contains") return actual.some((a) => wanted.some((w) => a.includes(w)));
  return actual.some((a) => wanted.includes(a));
}

/**
 * A lead's score from the organization's rules: field rules add their points when they match,
 * event rules add points per event (most recent first, up to `maxEvents`), each halved for every
 * `halfLifeDays` of age. Deterministic for a given `now`; the breakdown says what contributed.
 */
export function computeScore(
  config: ScoringConfig,
  lead: ScorableLead,
  events: EventTimes,
  now = new Date(),
): ScoreResult {
  const breakdown: ScoreContribution[] = [];
  for (const rule of config.rules) {
    if (rule.kind === "field") {
      if (fieldMatches(rule, lead))
        breakdown.push({ rule: rule.id, label: rule.label, points: rule.points });
      continue;
    }
    const times = [...(events[rule.target] ?? [])]
      .sort((a, b) => b.getTime() - a.getTime())
      .slice(0, rule.maxEvents ?? 1000);
    if (!times.length) continue;
    const weight = times.reduce((sum, t) => {
      if (!config.halfLifeDays) return sum + 1;
      const ageDays = Math.max(0, (now.getTime() - t.getTime()) / 86_400_000);
      return sum + 0.5 ** (ageDays / config.halfLifeDays);
    }, 0);
    const points = Math.round(rule.points * weight * 10) / 10;
    if (points !== 0)
      breakdown.push({ rule: rule.id, label: `${rule.label} (${times.length})`, points });
  }
  const score = Math.max(0, Math.round(breakdown.reduce((sum, c) => sum + c.points, 0)));
  return { score, temperature: temperatureFor(config, score), breakdown };
}

export function temperatureFor(config: ScoringConfig, score: number): Temperature {
  return score >= config.thresholds.hot ? "hot" : score >= config.thresholds.warm ? "warm" : "cold";
}

/**
 * The score and temperature a lead shows: a manager's score override wins over the computed score,
 * and a temperature set on purpose (a reply's effect) over the one the score implies.
 */
export function shownScore(
  config: ScoringConfig,
  lead: { scoreOverride: number | null; temperatureOverride: Temperature | null },
  computed: { score: number },
): { score: number; temperature: Temperature } {
  const score = lead.scoreOverride ?? computed.score;
  return { score, temperature: lead.temperatureOverride ?? temperatureFor(config, score) };
}
