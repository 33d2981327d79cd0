import type { AnalysisVerdict, BuyingSignal, NextStep } from "../analysis-schemas";
import type { LeadFacts } from "../gather-lead-facts";
import {
  CATEGORY_WORDS,
  DAY_MS,
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
/** Unanswered messages after which another email is unlikely to help. */
const UNANSWERED_BEFORE_CALL = 3;

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

function nextStep(facts: LeadFacts): NextStep {
  const { lead, now } = facts;
  if (lead.doNotContact || lead.unsubscribed) {
    return {
      action: lead.doNotContact
        ? "Don't contact this lead"
        : "Don't email; call only if they asked you to",
      why: lead.doNotContact
        ? "The lead is marked do-not-contact"
        : "The lead unsubscribed from email",
      dueInDays: null,
    };
  }
  if (facts.statusCategory === "won") {
    return {
      action: "Hand over to onboarding and ask for a referral",
      why: `The lead is ${facts.statusLabel}`,
      dueInDays: 7,
    };
  }
  if (facts.statusCategory === "lost") {
    return {
      action: "Leave it for now; check back in three months",
      why: `The lead is ${facts.statusLabel}`,
      dueInDays: 90,
    };
  }
  const lastMessage = facts.messages.at(-1);
  const awaitingUs = lastMessage?.direction === "inbound";
  const latest = inbound(facts).at(-1);
  const category = latest?.classification?.category;
  if (awaitingUs && latest) {
    const said = category ? ` (${CATEGORY_WORDS[category]})` : "";
    const why = `Their message of ${isoDay(latest.occurredAt)}${said} is unanswered`;
    switch (category) {
      case "meeting_request":
        return {
          action: "Propose two or three meeting times (or send a booking link)",
          why,
          dueInDays: 0,
        };
      case "interested":
        return {
          action: "Reply with a short, tailored follow-up and offer a call",
          why,
          dueInDays: 1,
        };
      case "question":
        return { action: "Answer their question", why, dueInDays: 0 };
      case "out_of_office": {
        const back = latest.classification?.returnDate;
        const days = back
          ? Math.max(0, Math.ceil((Date.parse(`${back}T00:00:00Z`) - now.getTime()) / DAY_MS) + 1)
          : 7;
        return {
          action: "Follow up once they are back",
          why: back ? `Away until ${back}` : "They are away",
          dueInDays: days,
        };
      }
      case "wrong_person": {
        const referral = latest.classification?.referral;
        const who = referral?.name ?? referral?.email;
        return {
          action: who
            ? `Contact ${who}, whom they referred you to`
            : "Find the right contact at the company",
          why: "They said they aren't the right person",
          dueInDays: 2,
        };
      }
      case "not_interested":
        return {
          action: "Thank them, close the lead, and revisit in six months",
          why,
          dueInDays: 180,
        };
      case "unsubscribe":
        return { action: "Confirm the unsubscribe; send nothing further", why, dueInDays: null };
      case "bounce":
        return {
          action: lead.phone
            ? "Call them and ask for a working email address"
            : "Find a working email address",
          why: "Our email bounced",
          dueInDays: 1,
        };
      default:
        return { action: "Read their latest message and answer it", why, dueInDays: 1 };
    }
  }
  const outs = outbound(facts);
  if (outs.length === 0) {
    return lead.email
      ? {
          action: "Send a first, personalised email",
          why: "Nobody has contacted the lead yet",
          dueInDays: 0,
        }
      : lead.phone
        ? {
            action: "Call them",
            why: "Nobody has contacted the lead yet and there is no email address",
            dueInDays: 0,
          }
        : {
            action: "Find an email address or phone number",
            why: "There is no way to reach the lead yet",
            dueInDays: 1,
          };
  }
  const unanswered = outs.filter((m) => !latest || m.occurredAt > latest.occurredAt).length;
  if (unanswered >= UNANSWERED_BEFORE_CALL) {
    return lead.phone
      ? {
          action: "Call them",
          why: `${unanswered} emails without an answer; another is unlikely to land`,
          dueInDays: 1,
        }
      : {
          action: "Try another channel (LinkedIn) or pause the outreach",
          why: `${unanswered} emails without an answer`,
          dueInDays: 2,
        };
  }
  const lastOut = outs.at(-1)!;
  const wait = Math.max(0, 3 - daysSince(lastOut.occurredAt, now));
  return {
    action: "Follow up on your last message",
    why: `Sent ${isoDay(lastOut.occurredAt)}; no answer yet`,
    dueInDays: wait,
  };
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
    nextStep: nextStep(facts),
    fitScore: fitScore(facts),
    intentScore: intentScore(facts, signals),
  };
}
