import type { ReplyToClassify, ReplyVerdict } from "@/lib/ai/reply-classification";
import { loadLabelledSet, type LabelledReply } from "./labelled-set";
import { computeMetrics, type Metrics } from "./metrics";

export type Classify = (input: ReplyToClassify) => ReplyVerdict | Promise<ReplyVerdict>;

export type Miss = {
  id: string;
  split: string;
  expected: string;
  predicted: string;
  rationale: string;
};

export type Evaluation = {
  dev: Metrics;
  test: Metrics;
  /** Written after the rules were frozen; never tuned on. */
  fresh: Metrics;
  all: Metrics;
  misses: Miss[];
  /** Stated return dates found exactly, over out-of-office replies classified as such. */
  returnDates: { correct: number; total: number };
  /** Referral name and email found exactly, over wrong-person replies classified as such. */
  referrals: { names: number; emails: number; titles: number; total: number };
  /** Mean time per reply, for the record only (never asserted on). */
  msPerReply: number;
};

const same = (a: string | null | undefined, b: string | null | undefined) =>
  (a ?? "").trim().toLowerCase() === (b ?? "").trim().toLowerCase();

export const asInput = (item: LabelledReply): ReplyToClassify => ({
  text: item.text,
  subject: item.subject,
  headers: item.headers,
  receivedAt: new Date(item.receivedAt),
});

/**
 * Runs a classifier over the labelled set and scores it, per split. `classify` is the offline
 * classifier or, when a provider is configured, the LLM one — both answer a ReplyVerdict.
 */
export async function runEvaluation(
  classify: Classify,
  items: LabelledReply[] = loadLabelledSet(),
): Promise<Evaluation> {
  const results: { item: LabelledReply; verdict: ReplyVerdict }[] = [];
  const started = performance.now();
  for (const item of items) results.push({ item, verdict: await classify(asInput(item)) });
  const msPerReply = (performance.now() - started) / Math.max(1, items.length);

  const pairs = (split?: string) =>
    results
      .filter(({ item }) => !split || item.split === split)
      .map(({ item, verdict }) => ({ expected: item.label, predicted: verdict.category }));
  const returnDates = { correct: 0, total: 0 };
  const referrals = { names: 0, emails: 0, titles: 0, total: 0 };
  for (const { item, verdict } of results) {
    if (item.label === "out_of_office" && verdict.category === "out_of_office") {
      returnDates.total++;
      if ((item.returnDate ?? null) === verdict.returnDate) returnDates.correct++;
    }
    if (item.label === "wrong_person" && verdict.category === "wrong_person") {
      referrals.total++;
      if (same(item.referral?.name, verdict.referral?.name)) referrals.names++;
      if (same(item.referral?.email, verdict.referral?.email)) referrals.emails++;
      if (same(item.referral?.title, verdict.referral?.title)) referrals.titles++;
    }
  }
  return {
    dev: computeMetrics(pairs("dev")),
    test: computeMetrics(pairs("test")),
    fresh: computeMetrics(pairs("fresh")),
    all: computeMetrics(pairs()),
    misses: results
      .filter(({ item, verdict }) => item.label !== verdict.category)
      .map(({ item, verdict }) => ({
        id: item.id,
        split: item.split,
        expected: item.label,
        predicted: verdict.category,
        rationale: verdict.rationale,
      })),
    returnDates,
    referrals,
    msPerReply,
  };
}
