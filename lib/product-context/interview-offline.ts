import type { ProductContextFields } from "./format-product-context";
import { extractForTopic, extractStatements, type AskedTopic, type Found } from "./extract-answers";
import { measureCompleteness, SECTION_LABELS } from "./measure-completeness";
import { mergeAdditions } from "./merge-additions";
import type { ProductContextChanges, ProductContextSection } from "./product-context-schemas";

export interface InterviewInput {
  context: ProductContextFields;
  /** What the assistant asked about last (from the log); null at the start. */
  asked: AskedTopic | null;
  message: string;
}

export interface InterviewResult {
  next: ProductContextFields;
  changes: ProductContextChanges;
  reply: string;
  questions: string[];
  asked: AskedTopic | null;
}

export const SECTION_QUESTIONS: Record<ProductContextSection, string> = {
  product: "What is your product called, and what does it do for whom?",
  value_propositions:
    "What are the main benefits customers get from it? List a few, separated by commas.",
  target_industries: "Which industries do you sell to?",
  personas:
    "Who buys it? Give each role and what bothers them, e.g. “Head of Finance: slow month-end close, manual invoices”.",
  objections:
    "What objections do prospects raise, and how do you answer them? e.g. “They object that it is too expensive / we answer that it pays for itself in three months”.",
  pricing: "How is it priced (plans, per seat, typical deal size)?",
  competitors: "Which competitors or alternatives do buyers compare you with?",
};

const SKIP =
  /^(?:skip|next|pass|no idea|i don'?t know|don'?t know|not sure|n\/a|none|nothing|no)[.!]?$/i;

function questionFor(topic: AskedTopic, context: ProductContextFields): string {
  if (topic === "product" && context.productName && !context.description) {
    return `What does ${context.productName} do, and for whom?`;
  }
  if (topic !== "objection_answer") return SECTION_QUESTIONS[topic];
  const open = context.objections.find((o) => !o.answer);
  return `How do you answer the objection “${open?.objection ?? ""}”?`;
}

/**
 * The next thing to ask: an open objection first; then the section just answered while it is
 * still mostly empty (a name without a description); then the thinnest one — never the one that
 * was just skipped or not understood, so the interview moves on.
 */
function nextTopic(
  context: ProductContextFields,
  avoid: AskedTopic | null,
  answered: AskedTopic | null = null,
): AskedTopic | null {
  if (avoid !== "objection_answer" && context.objections.some((o) => !o.answer)) {
    return "objection_answer";
  }
  const sections = measureCompleteness(context);
  const same = sections.find((s) => s.section === answered);
  if (same && same.score < 0.5) return same.section;
  const open = sections
    .filter((s) => s.score < 1 && s.section !== avoid)
    .sort((a, b) => a.score - b.score);
  return open[0]?.section ?? null;
}

const FIELD_LABELS: Record<keyof ProductContextFields, string> = {
  productName: "product name",
  description: "description",
  valuePropositions: "value propositions",
  targetIndustries: "target industries",
  personas: "personas",
  objections: "objections",
  pricingNotes: "pricing",
  competitors: "competitors",
};

/** "product name “Acme”; target industries: Software, Finance" — what this turn recorded. */
export function describeChanges(before: ProductContextFields, changes: ProductContextChanges) {
  const parts: string[] = [];
  for (const field of Object.keys(changes) as (keyof ProductContextFields)[]) {
    const label = FIELD_LABELS[field];
    const value = changes[field];
    if (typeof value === "string") {
      parts.push(`${label} “${value.length > 80 ? `${value.slice(0, 79)}…` : value}”`);
    } else if (field === "personas") {
      const list = changes.personas!.map(
        (p) => `${p.title}${p.pains.length ? ` (${p.pains.join(", ")})` : ""}`,
      );
      parts.push(`${label}: ${list.join("; ")}`);
    } else if (field === "objections") {
      const list = changes.objections!.filter(
        (o) => !before.objections.some((b) => b.objection === o.objection && b.answer === o.answer),
      );
      parts.push(
        `${label}: ${list.map((o) => `“${o.objection}”${o.answer ? ` → “${o.answer}”` : ""}`).join("; ")}`,
      );
    } else if (Array.isArray(value)) {
      const old = new Set((before[field] as string[]).map((s) => s.toLowerCase()));
      const added = (value as string[]).filter((s) => !old.has(s.toLowerCase()));
      parts.push(`${label}: ${added.join(", ")}`);
    }
  }
  return parts.join("; ");
}

/**
 * The offline interviewer: reads the answer to what it asked last (and any statement it
 * recognises anywhere — "we sell …", "our customers are …", "they object that … / we answer …"),
 * records it, says exactly what it recorded, and asks about the thinnest section next.
 */
export function interviewOffline(input: InterviewInput): InterviewResult {
  const { context, asked } = input;
  const message = input.message.trim();
  const skipped = SKIP.test(message);
  let found: Found = {};
  if (!skipped) {
    const statements = extractStatements(message);
    found = statements.found;
    if (statements.rest.length && asked) {
      const answer = extractForTopic(asked, statements.rest.join("\n"));
      found = combine(found, answer);
    }
  }
  if (found.pendingAnswer) {
    const open = context.objections.find((o) => !o.answer);
    if (open) {
      found.objections = [
        ...(found.objections ?? []),
        { objection: open.objection, answer: found.pendingAnswer },
      ];
    }
  }
  const { next, changes } = mergeAdditions(context, found);
  const recorded = describeChanges(context, changes);
  const topic = recorded ? nextTopic(next, null, asked) : nextTopic(next, asked);
  const questions = topic ? [questionFor(topic, next)] : [];

  const lines: string[] = [];
  if (recorded) lines.push(`Recorded ${recorded}.`);
  else if (skipped) lines.push("Skipped — we can come back to it later.");
  else if (asked)
    lines.push(
      `I couldn't find anything about ${topicLabel(asked).toLowerCase()} in that, so nothing was recorded.`,
    );
  else lines.push("Nothing recorded yet — let's describe your product step by step.");
  lines.push(
    topic
      ? questions[0]!
      : "Every section is filled in. Add more at any time, or edit the fields directly.",
  );
  return { next, changes, reply: lines.join(" "), questions, asked: topic };
}

function topicLabel(topic: AskedTopic) {
  return topic === "objection_answer" ? "the answer to the objection" : SECTION_LABELS[topic];
}

function combine(a: Found, b: Found): Found {
  const out: Found = { ...a };
  for (const [field, value] of Object.entries(b) as [keyof Found, unknown][]) {
    if (Array.isArray(value)) {
      (out as Record<string, unknown>)[field] = [
        ...(((a as Record<string, unknown>)[field] as unknown[]) ?? []),
        ...value,
      ];
    } else if (value && !(a as Record<string, unknown>)[field]) {
      (out as Record<string, unknown>)[field] = value;
    }
  }
  return out;
}

/** The opening question for an empty or partial context (before the first message). */
export function openingQuestion(context: ProductContextFields) {
  const topic = nextTopic(context, null);
  return topic ? { topic, question: questionFor(topic, context) } : null;
}
