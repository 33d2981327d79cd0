import type { NextStep } from "../analysis-schemas";
import type { LeadFacts } from "../gather-lead-facts";
import { CATEGORY_WORDS, DAY_MS, daysSince, inbound, isoDay, outbound } from "./describe-lead";

/** Unanswered messages after which another email is unlikely to help. */
export const UNANSWERED_BEFORE_CALL = 3;

/**
 * The next step by explicit rules, most binding first: do-not-contact and closed stages; then an
 * unanswered message from the lead by what it was classified as (a meeting request → propose
 * times, a question → answer it, out of office → after the return date, …); then our own
 * outreach (never contacted → first email; several unanswered emails → call; else follow up).
 */
export function suggestNextStep(facts: LeadFacts): NextStep {
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
