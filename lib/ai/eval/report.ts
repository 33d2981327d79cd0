import type { Evaluation } from "./evaluate";
import type { Metrics } from "./metrics";

const pct = (value: number) => value.toFixed(2);

/** The per-category table (markdown) for the dev, test and whole set side by side. */
export function metricsTable(evaluation: Evaluation): string {
  const { dev, test, all } = evaluation;
  const row = (index: number) => {
    const d = dev.perCategory[index]!;
    const t = test.perCategory[index]!;
    const a = all.perCategory[index]!;
    return `| ${a.category} | ${a.support} (${t.support}) | ${pct(d.precision)} / ${pct(d.recall)} | ${pct(t.precision)} / ${pct(t.recall)} | ${pct(a.precision)} / ${pct(a.recall)} | ${pct(a.f1)} |`;
  };
  const summary = (name: string, metrics: Metrics) =>
    `${name}: macro-F1 ${pct(metrics.macroF1)}, accuracy ${pct(metrics.accuracy)} (${metrics.total} replies)`;
  return [
    "| Category | Replies (test) | Dev P / R | Test P / R | All P / R | All F1 |",
    "|---|---|---|---|---|---|",
    ...all.perCategory.map((_, index) => row(index)),
    "",
    `- ${summary("Test (held out)", test)}`,
    `- ${summary("Dev (tuned on)", dev)}`,
    `- ${summary("All", all)}`,
    `- Return dates exact on ${evaluation.returnDates.correct}/${evaluation.returnDates.total} out-of-office replies; referrals: name ${evaluation.referrals.names}/${evaluation.referrals.total}, email ${evaluation.referrals.emails}/${evaluation.referrals.total}, title ${evaluation.referrals.titles}/${evaluation.referrals.total} of wrong-person replies`,
  ].join("\n");
}

/** Rows of the confusion matrix (expected → predicted) that hold a mistake. */
export function confusionLines(metrics: Metrics): string[] {
  return Object.entries(metrics.confusion).flatMap(([expected, row]) => {
    const wrong = Object.entries(row).filter(
      ([predicted, count]) => predicted !== expected && count > 0,
    );
    return wrong.length === 0
      ? []
      : [`${expected} → ${wrong.map(([predicted, count]) => `${predicted} ×${count}`).join(", ")}`];
  });
}
