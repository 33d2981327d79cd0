import type { Random } from "./fake-leads";

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
/** Nothing planned lands closer to "now" than this, so the seed's own writes come after it. */
const MARGIN = 30 * MINUTE;
export const HISTORY_DAYS = 180;

export interface Pipeline {
  /** Open statuses in pipeline order, the first being where a lead starts. */
  open: string[];
  won: string[];
  lost: string[];
}

export interface HistoryLead {
  id: string;
  status: string;
  ownerId: string | null;
  /** The lead must exist before this (e.g. a follow-up of it was due then). */
  createdBefore: Date | null;
}

export interface LeadHistory {
  id: string;
  createdAt: Date;
  /** Every status the lead went through, in order; the last is its status now. */
  reached: string[];
  /** The status changes after creation, in order. */
  changes: { from: string; to: string; at: Date }[];
  /** The first outbound contact, by whom and how. */
  contact: { at: Date; channel: "email" | "call"; userId: string } | null;
  /** The lead's answer to the first email, and the rep's answer to that. */
  replyAt: Date | null;
  answerAt: Date | null;
}

const logUniform = (r: Random, min: number, max: number) =>
  Math.exp(Math.log(min) + r() * (Math.log(max) - Math.log(min)));

/** The statuses a lead passed through to reach its current one. */
function pathTo(r: Random, status: string, pipeline: Pipeline): string[] {
  const { open } = pipeline;
  const at = open.indexOf(status);
  if (at >= 0) return open.slice(0, at + 1);
  if (pipeline.won.includes(status)) return [...open, status];
  if (pipeline.lost.includes(status) && open.length > 1) {
    // Lost after being contacted, more often early in the pipeline than late.
    const stage = 1 + Math.floor(r() ** 1.6 * (open.length - 1));
    return [...open.slice(0, stage + 1), status];
  }
  return [status];
}

/** Days since creation: the last six months, more recent ones busier (the demo shows growth). */
function ageDays(r: Random, changes: number): number {
  const min = changes === 0 ? 0.01 : 0.1 + (changes - 1) * 1.5;
  for (;;) {
    // Leads that went nowhere yet are mostly the recent ones.
    const age = HISTORY_DAYS * r() ** (changes === 0 ? 1.5 : changes === 1 ? 1.4 : 1);
    // Accepting fewer of the older ones makes each month clearly busier than the one before, so
    // the dashboard's "vs previous period" shows growth whatever day the demo is seeded on.
    if (age >= min && r() < Math.exp(-age / 75)) return age;
  }
}

function replyChance(reached: string[], pipeline: Pipeline): number {
  const last = reached.at(-1)!;
  if (pipeline.won.includes(last)) return 0.9;
  if (pipeline.lost.includes(last)) return 0.45;
  return reached.length <= 2 ? 0.3 : 0.75;
}

/**
 * One lead's life so far, consistent with its current status: created in the last six months;
 * first contacted minutes to a couple of days later (faster in recent months); answering the
 * first email more often the further it got; then moving through the pipeline a few days to two
 * weeks per stage, every step before `now`. Contacts come from the owner, or a rep for the pool.
 */
export function planLeadHistory(
  r: Random,
  lead: HistoryLead,
  pipeline: Pipeline,
  contactFor: (lead: HistoryLead) => string,
  now: number,
): LeadHistory {
  const reached = pathTo(r, lead.status, pipeline);
  const age = ageDays(r, reached.length - 1);
  let created = now - age * DAY;
  if (lead.createdBefore && created >= lead.createdBefore.getTime())
    created = lead.createdBefore.getTime() - (1 + r() * 3) * DAY;
  const history: LeadHistory = {
    id: lead.id,
    createdAt: new Date(created),
    reached,
    changes: [],
    contact: null,
    replyAt: null,
    answerAt: null,
  };
  if (reached.length < 2) return history;

  const ageMs = now - created;
  const slowest = 6 * HOUR + 42 * HOUR * (ageMs / (HISTORY_DAYS * DAY));
  const contactAt = created + Math.min(logUniform(r, 3 * MINUTE, slowest), ageMs * 0.3);
  const replies = r() < replyChance(reached, pipeline);
  history.contact = {
    at: new Date(contactAt),
    channel: replies || r() < 0.55 ? "email" : "call",
    userId: lead.ownerId ?? contactFor(lead),
  };

  let at = contactAt + (2 + r() * 28) * MINUTE;
  history.changes.push({ from: reached[0]!, to: reached[1]!, at: new Date(at) });
  const rest = reached.length - 2;
  const budget = Math.min(now - MARGIN - at, rest * 12 * DAY);
  for (let i = 2; i < reached.length; i++) {
    at += (budget / rest) * (0.35 + 0.65 * r());
    history.changes.push({ from: reached[i - 1]!, to: reached[i]!, at: new Date(at) });
  }

  if (replies) {
    // The answer comes before the lead moves on from "contacted".
    const until = history.changes[1]?.at.getTime() ?? now - MARGIN;
    let replyAt = contactAt + logUniform(r, 15 * MINUTE, 2 * DAY);
    if (replyAt >= until) replyAt = contactAt + (until - contactAt) * (0.2 + 0.6 * r());
    history.replyAt = new Date(replyAt);
    const answerAt = replyAt + logUniform(r, 10 * MINUTE, 8 * HOUR);
    // A reply too recent to have been answered yet waits in the inbox.
    history.answerAt = answerAt < now - MARGIN ? new Date(answerAt) : null;
  }
  return history;
}
