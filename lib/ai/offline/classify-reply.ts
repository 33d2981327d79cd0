import type { ReplyCategory, ReplyToClassify, ReplyVerdict } from "@/lib/ai/reply-classification";
import { extractReplyText } from "@/lib/inbound/reply-text";
import { confidenceOf } from "./confidence";
import { headerSignals } from "./headers";
import { extractReferral } from "./referral";
import { returnDateOf } from "./return-date";
import { type CueMatch, type Scores, scoreText } from "./score";
import { foldForMatching, snippet } from "./text";

// Weights the header evidence adds. A DSN report or a mailer-daemon sender settles it; RFC 3834
// headers say "machine", and the words decide between an absence and another auto-reply.
const BOUNCE_HEADER_WEIGHT = 8;
const AUTOMATIC_AUTO_REPLY_WEIGHT = 2;
const AUTOMATIC_ABSENCE_WEIGHT = 1;
// A machine-sent message rarely carries a person's intent; their cues count for less.
const HUMAN_CATEGORIES: ReplyCategory[] = [
  "interested",
  "meeting_request",
  "question",
  "not_interested",
  "other",
  "unsubscribe",
];
const AUTOMATIC_DAMPING = 0.3;
// "other" wins when nothing else says anything.
const OTHER_PRIOR = 1;
// An unsubscribe cue wins over any other human intent (legal obligation, recall ≥ 0.99).
const UNSUBSCRIBE_FLOOR = 2;

const HEADER_REASON: Partial<Record<ReplyCategory, string>> = {
  bounce: "Delivery failure",
  auto_reply: "Sent automatically",
  out_of_office: "Automatic absence note",
};

const senderAddress = (headers: Record<string, string>) =>
  /<([^>]+)>/.exec(headers["from"] ?? "")?.[1] ?? headers["from"]?.trim() ?? null;

function ranked(scores: Scores): [ReplyCategory, number][] {
  return (Object.entries(scores) as [ReplyCategory, number][]).sort((a, b) => b[1] - a[1]);
}

function rationaleFor(
  category: ReplyCategory,
  matches: CueMatch[],
  original: string,
  headerCue: string | null,
): string {
  const best = matches
    .filter((match) => match.category === category)
    .sort((a, b) => b.weight - a.weight)[0];
  const words = best ? `${best.reason}: '${snippet(original, best.start, best.end)}'` : null;
  const line =
    headerCue && (category === "bounce" || !words)
      ? `${HEADER_REASON[category] ?? "Sent automatically"} (${headerCue})${words ? `; ${words}` : ""}`
      : (words ?? "No intent cue found; nothing to act on");
  return line.length > 300 ? `${line.slice(0, 297)}…` : line;
}

/**
 * The built-in reply classifier: header signals (RFC 3834, DSN) and weighted phrase cues in seven
 * languages over the reply's own words. Deterministic and pure; no model, no network.
 */
export function classifyReplyOffline(input: ReplyToClassify): ReplyVerdict {
  const headers = input.headers ?? {};
  const subject = input.subject ?? "";
  const receivedAt = input.receivedAt ?? new Date();
  const own = extractReplyText(input.text);
  const folded = foldForMatching(own);
  const signals = headerSignals(headers, subject);
  const { scores, matches } = scoreText(folded);

  scores.other += OTHER_PRIOR;
  if (signals.bounce) scores.bounce += BOUNCE_HEADER_WEIGHT;
  if (signals.automatic) {
    for (const category of HUMAN_CATEGORIES) scores[category] *= AUTOMATIC_DAMPING;
    scores.auto_reply += AUTOMATIC_AUTO_REPLY_WEIGHT;
    scores.out_of_office += AUTOMATIC_ABSENCE_WEIGHT;
  }

  const order = ranked(scores);
  let [category, top] = order[0] ?? ["other", 0];
  const runnerUp = order[1]?.[1] ?? 0;
  const machine = Boolean(signals.bounce || signals.automatic);
  let overridden = false;
  if (!machine && category !== "unsubscribe" && scores.unsubscribe >= UNSUBSCRIBE_FLOOR) {
    overridden = true;
    category = "unsubscribe";
    top = scores.unsubscribe;
  }
  const fallback =
    category === "other" && top <= OTHER_PRIOR && !matches.some((m) => m.category === "other");
  const headerCue = category === "bounce" ? signals.bounce : signals.automatic;
  const verdict: ReplyVerdict = {
    category,
    confidence: confidenceOf({
      top,
      runnerUp: overridden ? order[0]![1] : runnerUp,
      words: own.split(/\s+/).filter(Boolean).length,
      fallback,
      overridden,
    }),
    rationale: rationaleFor(category, matches, own, machine ? headerCue : null),
    returnDate: null,
    referral: null,
  };
  if (category === "out_of_office") verdict.returnDate = returnDateOf(subject, own, receivedAt);
  if (category === "wrong_person") verdict.referral = extractReferral(own, senderAddress(headers));
  return verdict;
}
