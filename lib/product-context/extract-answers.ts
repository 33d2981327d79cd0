import type { ProductObjection, ProductPersona } from "@/db/schema";
import type { ContextAdditions } from "./merge-additions";
import type { ProductContextSection } from "./product-context-schemas";

/** What the interviewer asked about last: a section, or the answer to one open objection. */
export type AskedTopic = ProductContextSection | "objection_answer";

/** Words that mark a person's role rather than an industry ("we sell to CFOs"). */
const ROLE_WORDS =
  /\b(ceo|cfo|cto|coo|cmo|cio|ciso|vp|vice president|head|director|manager|officer|owner|founder|lead|leader|chief|engineer|accountant|controller|recruiter|administrator|admin|marketer|salespeople|sales reps?|buyer|partner|president|team lead)s?\b/i;

const FILLER =
  /^(?:mostly|mainly|usually|typically|primarily|especially|e\.g\.?|like|such as|also|then)\s+/i;
const ORG_SUFFIX =
  /\s+(?:companies|company|firms|firm|businesses|business|organi[sz]ations|agencies)$/i;

const tidy = (s: string) =>
  s
    .trim()
    .replace(/^[-*•\d.)\s]+/, "")
    .replace(/[.!;:,]+$/, "")
    .replace(/^["'“”]+|["'“”]+$/g, "")
    .replace(/\s+/g, " ")
    .trim();

/** A free-text list: items split on newlines, commas, semicolons, bullets and "and"/"or". */
export function splitList(text: string): string[] {
  return text
    .split(/\r?\n|;|,|•|\s+&\s+|\s+and\s+|\s+or\s+|\s+as well as\s+/i)
    .map((item) => tidy(item).replace(FILLER, ""))
    .map(tidy)
    .filter(
      (item) => item.length > 0 && item.length <= 120 && !/^(etc|and so on|others?)$/i.test(item),
    );
}

/** Industries named in a list ("accounting firms" → "accounting"). */
function industries(text: string): string[] {
  return splitList(text)
    .map((item) => item.replace(ORG_SUFFIX, "").trim())
    .filter(Boolean);
}

const cap = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** Sentences of a message; a line break also ends one (people answer in lines). */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\r?\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** "Head of Finance: slow close, manual invoices" / "CFOs who struggle with X" → a persona. */
export function parsePersona(text: string): ProductPersona | null {
  const who =
    /^(.+?)\s+(?:who|that)\s+(?:struggles?|suffers?|hates?|worr(?:y|ies)|needs?|wants?|deals?|has|have|lose|loses|spends?|waste|wastes|fights?)\s+(?:with\s+|about\s+)?(.+)$/i.exec(
      text,
    );
  if (who) return { title: tidy(who[1]!), pains: splitList(who[2]!) };
  const split = /^(.{2,80}?)\s*(?::|\s[-–—]\s|\()\s*(.+?)\)?$/.exec(text);
  if (split) return { title: tidy(split[1]!), pains: splitList(split[2]!) };
  const title = tidy(text);
  return title && title.length <= 80 ? { title, pains: [] } : null;
}

/** "too expensive / we answer it pays back" → an objection with its answer. */
export function parseObjection(text: string): ProductObjection | null {
  const parts =
    /^(?:objection\s*:\s*)?(.+?)\s*(?:\s\/\s|\/|\s[–—-]\s|;|,?\s+(?:and\s+)?(?:we|our answer is)\s+(?:answer|reply|respond|say|explain|point out|show)\s+(?:that\s+|with\s+)?|\s*answer\s*:\s*)\s*(.+)$/i.exec(
      text,
    );
  if (parts) {
    const objection = tidy(parts[1]!.replace(/^(?:they\s+\w+\s+(?:that\s+)?)/i, ""));
    const answer = tidy(
      parts[2]!.replace(
        /^(?:we\s+(?:answer|reply|respond|say|explain|point out|show)\s+(?:that\s+|with\s+)?|answer\s*:\s*)/i,
        "",
      ),
    );
    if (objection) return { objection: cap(objection), answer: answer ? cap(answer) : null };
  }
  const objection = tidy(text);
  return objection ? { objection: cap(objection), answer: null } : null;
}

function personasFrom(text: string): ProductPersona[] {
  return text
    .split(/\r?\n|;/)
    .flatMap((line) =>
      ROLE_WORDS.test(line) && !/:|who|that/i.test(line) ? splitList(line) : [line],
    )
    .map((line) => parsePersona(line.trim()))
    .filter((p): p is ProductPersona => p !== null);
}

/** What a message yielded; `pendingAnswer` answers an objection named in an earlier turn. */
export type Found = ContextAdditions & { pendingAnswer?: string };

type Rule = (sentence: string, found: Found) => boolean;

const push = <K extends keyof ContextAdditions>(
  found: ContextAdditions,
  field: K,
  items: NonNullable<ContextAdditions[K]>,
) => {
  const list = (found[field] ?? []) as unknown[];
  found[field] = [...list, ...(items as unknown[])] as ContextAdditions[K];
};

/** Customers named after "to …": roles become personas, the rest industries. */
function customers(text: string, found: ContextAdditions) {
  for (const item of splitList(text)) {
    if (ROLE_WORDS.test(item)) push(found, "personas", [{ title: cap(item), pains: [] }]);
    else push(found, "targetIndustries", industries(item).map(cap));
  }
}

/**
 * Statements recognised wherever they appear, whatever was asked: each rule reads one sentence
 * and says whether it understood it.
 */
const RULES: Rule[] = [
  (s, found) => {
    const m = /\b(?:it'?s|it is|the product is|our product is|we are|we're)\s+called\s+(.+)$/i.exec(
      s,
    );
    if (!m) return false;
    found.productName = tidy(m[1]!);
    return true;
  },
  (s, found) => {
    const m = /^(?:product(?:\s+name)?|name)\s*:\s*(.+)$/i.exec(s);
    if (!m) return false;
    found.productName = tidy(m[1]!);
    return true;
  },
  (s, found) => {
    const m =
      /^([A-Z][\w.&'-]*(?:\s+[A-Z0-9][\w.&'-]*){0,3})\s+(?:is|are)\s+(?:a|an|the)\s+(.+)$/.exec(s);
    if (!m || /^(it|this|that|we|they|our|the)$/i.test(m[1]!.split(" ")[0]!)) return false;
    found.productName = tidy(m[1]!);
    found.description = cap(tidy(s)) + ".";
    return true;
  },
  (s, found) => {
    const m =
      /\bwe\s+(?:sell|offer|make|build|provide|develop|run)\s+(.+?)(?:\s+to\s+(.+))?$/i.exec(s);
    if (!m) return false;
    found.description = cap(tidy(s)) + ".";
    if (m[2]) customers(m[2], found);
    return true;
  },
  (s, found) => {
    const m =
      /\b(?:our\s+(?:customers|clients|buyers|users)\s+are|we\s+(?:sell|market)\s+to|we\s+target|we\s+work\s+with|target(?:\s+industries|\s+markets?|\s+customers)?\s*(?:are|is|:)|industries\s*(?:are|:))\s+(.+)$/i.exec(
        s,
      );
    if (!m) return false;
    customers(m[1]!, found);
    return true;
  },
  (s, found) => {
    const m =
      /\b(?:main\s+)?(?:benefits?|value\s+propositions?|advantages?)\s*(?:are|is|include|:)\s*(.+)$/i.exec(
        s,
      );
    if (!m) return false;
    push(found, "valuePropositions", splitList(m[1]!).map(cap));
    return true;
  },
  (s, found) => {
    if (
      !/^(?:it|we|the product|our product|this)\s+(?:helps?|saves?|lets?|allows?|reduces?|cuts?|increases?|improves?|automates?|removes?|speeds?\s+up)\b/i.test(
        s,
      )
    )
      return false;
    push(found, "valuePropositions", [cap(tidy(s))]);
    return true;
  },
  (s, found) => {
    const m =
      /^(?:the\s+)?(?:buyers?|decision[- ]makers?|personas?|(?:typical\s+)?users?)\s*(?:are|is|:)\s*(.+)$/i.exec(
        s,
      );
    if (!m) return false;
    push(found, "personas", personasFrom(m[1]!));
    return true;
  },
  (s, found) => {
    if (!ROLE_WORDS.test(s)) return false;
    const persona =
      /^(.+?)\s+(?:who|that)\s+(?:struggle|suffer|hate|worry|need|want|deal|lose|spend|waste)/i.test(
        s,
      )
        ? parsePersona(s)
        : null;
    if (!persona || !ROLE_WORDS.test(persona.title)) return false;
    push(found, "personas", [{ ...persona, title: cap(persona.title) }]);
    return true;
  },
  (s, found) => {
    const m =
      /^(?:they|prospects|customers|buyers|people|leads)\s+(?:often\s+|usually\s+|sometimes\s+|always\s+)?(?:object|say|complain|worry|think|tell us|push back)\s+(?:that\s+|about\s+)?(.+)$/i.exec(
        s,
      );
    if (!m) return false;
    const objection = parseObjection(m[1]!);
    if (objection) push(found, "objections", [objection]);
    return true;
  },
  (s, found) => {
    const m =
      /^(?:and\s+)?(?:we\s+(?:answer|reply|respond|say|explain|point out|show)|our\s+answer\s+is)\s+(?:that\s+|with\s+)?(.+)$/i.exec(
        s,
      );
    if (!m) return false;
    // An answer to the objection just named, or (see interviewOffline) the oldest open one.
    const open = found.objections?.findLast((o) => !o.answer);
    if (open) open.answer = cap(tidy(m[1]!));
    else found.pendingAnswer = cap(tidy(m[1]!));
    return true;
  },
  (s, found) => {
    const m =
      /\b(?:we\s+compete\s+with|(?:our\s+)?(?:main\s+)?competitors?\s*(?:are|is|include|:)|alternatives?\s*(?:are|is|include|:)|(?:they|buyers|prospects)\s+compare\s+us\s+(?:with|to))\s*(.+)$/i.exec(
        s,
      );
    if (!m) return false;
    push(found, "competitors", splitList(m[1]!));
    return true;
  },
  (s, found) => {
    if (
      !/\b(?:costs?|priced|pricing|price|plans?\s+(?:start|are)|per\s+(?:seat|user|month|year)|subscription|licen[cs]e fee)\b|[$€£]\s?\d|\d\s?(?:usd|eur|gbp|[$€£])/i.test(
        s,
      )
    )
      return false;
    found.pricingNotes = found.pricingNotes ? `${found.pricingNotes} ${s}` : s;
    return true;
  },
];

/** The additions found in free sentences, and the sentences no rule understood. */
export function extractStatements(message: string): {
  found: Found;
  rest: string[];
} {
  const found: Found = {};
  const rest: string[] = [];
  for (const sentence of sentences(message)) {
    const clean = sentence.replace(/[.!]+$/, "").trim();
    if (!RULES.some((rule) => rule(clean, found))) rest.push(sentence);
  }
  return { found, rest };
}

/** A plain answer to the question asked (a list, a persona per line, a sentence). */
export function extractForTopic(topic: AskedTopic, text: string): Found {
  const t = text.trim();
  switch (topic) {
    case "product": {
      const named = /^(.{1,60}?)\s*(?::|\s[-–—]\s)\s*(.+)$/.exec(t);
      if (named && named[1]!.split(/\s+/).length <= 4) {
        return { productName: tidy(named[1]!), description: cap(tidy(named[2]!)) + "." };
      }
      const words = t.split(/\s+/).length;
      return words <= 5 && !/[.!?]/.test(t.slice(0, -1))
        ? { productName: tidy(t) }
        : { description: cap(t.replace(/\s+/g, " ")) };
    }
    case "value_propositions":
      return { valuePropositions: splitList(t).map(cap) };
    case "target_industries": {
      const found: ContextAdditions = {};
      customers(t, found);
      return found;
    }
    case "competitors":
      return { competitors: splitList(t) };
    case "personas":
      return { personas: personasFrom(t).map((p) => ({ ...p, title: cap(p.title) })) };
    case "objections":
      return {
        objections: t
          .split(/\r?\n/)
          .map((line) => parseObjection(line))
          .filter((o): o is ProductObjection => o !== null),
      };
    case "objection_answer":
      return { pendingAnswer: cap(tidy(t)) };
    case "pricing":
      return { pricingNotes: t.replace(/\s+/g, " ") };
  }
}
