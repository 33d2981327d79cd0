import type { AnalysisVerdict, BuyingSignal } from "../analysis-schemas";
import type { LeadFacts } from "../gather-lead-facts";
import { suggestNextStep, UNANSWERED_BEFORE_CALL } from "./suggest-next-step";
import {
  daysSince,
  eventCount,
  factLines,
  inbound,
  isoDay,
  outbound,
  quote,
} from "./describe-lead";

/** Days after which a lead that hasn't written counts as recently active / gone quiet. */
const RECENT_DAYS = 14;
const QUIET_DAYS = 30;

const DECISION_MAKER =
  /\b(?:ceo|cto|cfo|coo|cmo|cio|founder|co-founder|owner|president|partner|director|head|vp|vice president|chief|geschäftsführer|inhaber|leiter|directeur|directrice|gérant|director|gerente|direttore|titolare|eigenaar)\b/i;

function buyingSignals(facts: LeadFacts): BuyingSignal[] {
  const { lead, now } = facts;
  const signals: BuyingSignal[] = [];
  for (const m of inbound(facts).reverse()) {
    const category = m.classification?.category;
    const when = isoDay(m.occurredAt);
    if (category === "meeting_request") {
      signals.push({
        signal: "Asked for a meeting",
        evidence: `${when}: ${quote(m.body)}`,
        strength: "strong",
      });
    } else if (category === "interested") {
      signals.push({
        signal: "Replied with interest",
        evidence: `${when}: ${quote(m.body)}`,
        strength: "strong",
      });
    } else if (category === "question") {
      signals.push({
        signal: "Asked a question",
        evidence: `${when}: ${quote(m.body)}`,
        strength: "medium",
      });
    }
    if (signals.length >= 3) break;
  }
  const lastIn = inbound(facts).at(-1);
  if (lastIn && daysSince(lastIn.occurredAt, now) <= RECENT_DAYS) {
    signals.push({
      signal: "Wrote to us recently",
      evidence: `Last message from the lead ${daysSince(lastIn.occurredAt, now)} day(s) ago (${isoDay(lastIn.occurredAt)})`,
      strength: "medium",
    });
  }
  const clicks = eventCount(facts, "email_clicked");
  if (clicks) {
    signals.push({
      signal: "Clicked links in our emails",
      evidence: `${clicks} click(s) recorded`,
      strength: clicks >= 3 ? "strong" : "medium",
    });
  }
  const opens = eventCount(facts, "email_opened");
  // Opens are inflated by mail privacy proxies and scanners: only repeated ones say anything.
  if (opens >= 3) {
    signals.push({
      signal: "Opened our emails repeatedly",
      evidence: `${opens} opens recorded`,
      strength: "weak",
    });
  }
  for (const e of facts.events) {
    if (e.type.startsWith("email_") || e.type.startsWith("reply_")) continue;
    if (daysSince(e.lastAt, now) > RECENT_DAYS) continue;
    signals.push({
      signal: `Recent activity: ${e.type.replace(/_/g, " ")}`,
      evidence: `${e.count} time(s), last on ${isoDay(e.lastAt)}`,
      strength: e.count >= 3 ? "medium" : "weak",
    });
  }
  if (lead.temperature === "hot" || lead.temperature === "warm") {
    signals.push({
      signal: `Scored ${lead.temperature}`,
      evidence: `Lead score ${lead.score} under the organization's scoring rules`,
      strength: lead.temperature === "hot" ? "strong" : "medium",
    });
  }
  const move = facts.statusChanges.at(-1);
  if (move?.from && facts.statusCategory === "open" && daysSince(move.at, now) <= QUIET_DAYS) {
    signals.push({
      signal: `Advanced to ${facts.statusLabel}`,
      evidence: `Moved from ${move.from} to ${move.to} on ${isoDay(move.at)}`,
      strength: "medium",
    });
  }
  return signals.slice(0, 12);
}

function risks(facts: LeadFacts): string[] {
  const { lead, now } = facts;
  const out: string[] = [];
  if (lead.unsubscribed) out.push("Unsubscribed: no more marketing email");
  if (lead.doNotContact) out.push("Marked do-not-contact");
  if (facts.statusCategory === "lost")
    out.push(`Marked lost${lead.lostReason ? ` (${lead.lostReason})` : ""}`);
  const last = inbound(facts).at(-1);
  const category = last?.classification?.category;
  if (category === "not_interested") out.push("Their latest reply declines");
  if (category === "wrong_person") {
    const who = last?.classification?.referral?.name;
    out.push(`Reached the wrong person${who ? `; they point to ${who}` : ""}`);
  }
  if (category === "bounce") out.push("Email bounced: the address may be invalid");
  if (category === "out_of_office" && last?.classification?.returnDate) {
    out.push(`Away until ${last.classification.returnDate}`);
  }
  const outs = outbound(facts);
  if (outs.length >= UNANSWERED_BEFORE_CALL && inbound(facts).length === 0) {
    out.push(`No reply after ${outs.length} messages`);
  }
  const lastTouch = facts.messages.at(-1)?.occurredAt ?? lead.lastContactedAt;
  if (lastTouch && daysSince(lastTouch, now) > QUIET_DAYS) {
    out.push(`Gone quiet: nothing for ${daysSince(lastTouch, now)} days`);
  }
  if (!lead.email && !lead.phone) out.push("No email or phone on file");
  if (!lead.company && !lead.jobTitle) out.push("Company and role unknown: fit can't be judged");
  return out.slice(0, 10);
}

const STRENGTH_POINTS = { strong: 30, medium: 15, weak: 5 } as const;

/** How much the lead's behaviour says "buying now": the signals' weight, capped by what they said. */
function intentScore(facts: LeadFacts, signals: BuyingSignal[]): number {
  if (facts.lead.unsubscribed || facts.lead.doNotContact) return 0;
  const raw = signals.reduce((n, s) => n + STRENGTH_POINTS[s.strength], 0);
  const category = inbound(facts).at(-1)?.classification?.category;
  if (category === "not_interested" || facts.statusCategory === "lost") return Math.min(raw, 10);
  return Math.min(100, raw);
}

/** How complete and senior the profile is — what the offline mode can judge of fit. */
function fitScore(facts: LeadFacts): number {
  const { lead } = facts;
  let n = 0;
  if (lead.email) n += 15;
  if (lead.phone) n += 10;
  if (lead.company) n += 15;
  if (lead.jobTitle) n += 15;
  if (lead.jobTitle && DECISION_MAKER.test(lead.jobTitle)) n += 15;
  if (lead.website || lead.domain) n += 10;
  if (lead.industry) n += 10;
  if (lead.country || lead.city) n += 10;
  return Math.min(100, n);
}

/**
 * The built-in analysis: a summary assembled from the lead's fields and history, buying signals
 * and risks read from real data (classified replies, tracked engagement, score, stage moves),
 * and a next step by explicit rules (a meeting request → propose times; a question → answer it;
 * several unanswered emails → call). Deterministic: the same facts give the same analysis.
 */
export function analyzeLeadOffline(facts: LeadFacts): AnalysisVerdict {
  const signals = buyingSignals(facts);
  return {
    summary: factLines(facts).join(" ").slice(0, 3_000),
    buyingSignals: signals,
    risks: risks(facts),
    nextStep: suggestNextStep(facts),
    fitScore: fitScore(facts),
    intentScore: intentScore(facts, signals),
  };
}
