import type { ReplyCategory } from "@/lib/ai/reply-classification";
import type { FactMessage, LeadFacts } from "../gather-lead-facts";

export const DAY_MS = 86_400_000;

export const CATEGORY_WORDS: Record<ReplyCategory, string> = {
  interested: "interested",
  meeting_request: "asked for a meeting",
  question: "asked a question",
  not_interested: "not interested",
  unsubscribe: "asked to unsubscribe",
  out_of_office: "out of office",
  wrong_person: "wrong person",
  bounce: "bounced",
  auto_reply: "automatic reply",
  other: "unclear",
};

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
export const daysSince = (d: Date, now: Date) => Math.floor((now.getTime() - d.getTime()) / DAY_MS);

export function inbound(facts: LeadFacts): FactMessage[] {
  return facts.messages.filter((m) => m.direction === "inbound");
}

export function outbound(facts: LeadFacts): FactMessage[] {
  return facts.messages.filter((m) => m.direction === "outbound");
}

export function eventCount(facts: LeadFacts, type: string): number {
  return facts.events.find((e) => e.type === type)?.count ?? 0;
}

/** "Anna Schmidt, Head of Purchasing at Müller GmbH (Berlin, DE)". */
export function whoLine(facts: LeadFacts): string {
  const { lead } = facts;
  const role = [lead.jobTitle, lead.company].filter(Boolean).join(" at ");
  const place = [lead.city, lead.country].filter(Boolean).join(", ");
  return `${lead.displayName}${role ? `, ${role}` : ""}${place ? ` (${place})` : ""}`;
}

export function quote(text: string, max = 140): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `“${line.slice(0, max - 1)}…”` : `“${line}”`;
}

/**
 * The facts a person would want first, one line each: who, where from, where it stands, what
 * happened in the conversation and since. Shared by the offline summary and the LLM prompt.
 */
export function factLines(facts: LeadFacts): string[] {
  const { lead, now } = facts;
  const lines = [whoLine(facts) + "."];
  const origin = lead.source ? `Came in via ${lead.source}` : "Added";
  lines.push(
    `${origin} on ${isoDay(lead.createdAt)}${lead.industry ? `; industry ${lead.industry}` : ""}.`,
  );
  lines.push(
    `Status ${facts.statusLabel}${lead.lostReason ? ` (${lead.lostReason})` : ""}, score ${lead.score} (${lead.temperature}).`,
  );
  const ins = inbound(facts);
  const outs = outbound(facts);
  if (facts.messages.length === 0) {
    lines.push("No messages exchanged yet.");
  } else {
    const replies = ins.length === 1 ? "1 reply" : `${ins.length} replies`;
    lines.push(`Conversation: ${outs.length} sent by us, ${replies} from the lead.`);
    const categories = ins
      .map((m) => m.classification?.category)
      .filter((c): c is ReplyCategory => Boolean(c))
      .map((c) => CATEGORY_WORDS[c]);
    if (categories.length) lines.push(`Replies read as: ${[...new Set(categories)].join(", ")}.`);
    const last = ins.at(-1);
    if (last) {
      const category = last.classification
        ? ` (${CATEGORY_WORDS[last.classification.category]})`
        : "";
      lines.push(`Latest reply ${isoDay(last.occurredAt)}${category}: ${quote(last.body)}.`);
    }
  }
  if (lead.lastContactedAt) {
    lines.push(
      `Last contacted ${isoDay(lead.lastContactedAt)} (${daysSince(lead.lastContactedAt, now)} days ago).`,
    );
  } else if (outs.length === 0) {
    lines.push("Never contacted.");
  }
  const opens = eventCount(facts, "email_opened");
  const clicks = eventCount(facts, "email_clicked");
  if (opens || clicks) lines.push(`Email engagement: ${opens} opens, ${clicks} clicks.`);
  const other = facts.events.filter(
    (e) => !e.type.startsWith("email_") && !e.type.startsWith("reply_"),
  );
  if (other.length) {
    const list = other
      .slice(0, 4)
      .map((e) => `${e.type.replace(/_/g, " ")} ×${e.count} (last ${isoDay(e.lastAt)})`);
    lines.push(`Tracked activity: ${list.join(", ")}.`);
  }
  for (const c of facts.campaigns.slice(0, 2)) {
    lines.push(`Campaign “${c.name}”: ${c.state}, ${c.stepsSent} step(s) sent.`);
  }
  const lastMove = facts.statusChanges.at(-1);
  if (lastMove?.from) {
    lines.push(`Moved from ${lastMove.from} to ${lastMove.to} on ${isoDay(lastMove.at)}.`);
  }
  if (lead.unsubscribed) lines.push("Unsubscribed from email.");
  if (lead.doNotContact) lines.push("Marked do-not-contact.");
  return lines;
}
