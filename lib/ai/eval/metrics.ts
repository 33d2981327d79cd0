import { REPLY_CATEGORIES, type ReplyCategory } from "@/lib/ai/reply-classification";

export type CategoryMetrics = {
  category: ReplyCategory;
  support: number;
  precision: number;
  recall: number;
  f1: number;
};

export type Metrics = {
  total: number;
  accuracy: number;
  macroF1: number;
  perCategory: CategoryMetrics[];
  /** confusion[expected][predicted] = count. */
  confusion: Record<ReplyCategory, Record<ReplyCategory, number>>;
};

const ratio = (numerator: number, denominator: number) =>
  denominator === 0 ? 0 : numerator / denominator;

/**
 * Per-category precision, recall and F1, and their macro average over the categories present in
 * the labels (a category with no examples would otherwise count as 0 or 1 by convention alone).
 */
export function computeMetrics(
  pairs: { expected: ReplyCategory; predicted: ReplyCategory }[],
): Metrics {
  const confusion = Object.fromEntries(
    REPLY_CATEGORIES.map((expected) => [
      expected,
      Object.fromEntries(REPLY_CATEGORIES.map((predicted) => [predicted, 0])),
    ]),
  ) as Metrics["confusion"];
  for (const { expected, predicted } of pairs) confusion[expected][predicted]++;

  const perCategory = REPLY_CATEGORIES.map((category) => {
    const truePositives = confusion[category][category];
    const support = REPLY_CATEGORIES.reduce((sum, p) => sum + confusion[category][p], 0);
    const predicted = REPLY_CATEGORIES.reduce((sum, e) => sum + confusion[e][category], 0);
    const precision = ratio(truePositives, predicted);
    const recall = ratio(truePositives, support);
    return {
      category,
      support,
      precision,
      recall,
      f1: ratio(2 * precision * recall, precision + recall),
    };
  });
  const present = perCategory.filter((row) => row.support > 0);
  const correct = pairs.filter((pair) => pair.expected === pair.predicted).length;
  return {
    total: pairs.length,
    accuracy: ratio(correct, pairs.length),
    macroF1: ratio(
      present.reduce((sum, row) => sum + row.f1, 0),
      present.length,
    ),
    perCategory,
    confusion,
  };
}
