import { describe, expect, it } from "vitest";
import { classifyReplyOffline } from "@/lib/ai/offline/classify-reply";
import { runEvaluation } from "./evaluate";
import { loadLabelledSet } from "./labelled-set";
import { confusionLines, metricsTable } from "./report";

// The floor for the offline classifier. The held-out test split and the whole set must
// both clear it; the figures are printed so a failing build shows where.
const MIN_MACRO_F1 = 0.85;
const MIN_UNSUBSCRIBE_RECALL = 0.99;

describe("offline reply classifier over the labelled set", () => {
  it("has a set worth measuring: ≥ 240 replies, ≥ 15 per category, ≥ 6 languages, ~40% held out", () => {
    const items = loadLabelledSet();
    expect(items.length).toBeGreaterThanOrEqual(240);
    const perCategory = new Map<string, number>();
    for (const item of items) perCategory.set(item.label, (perCategory.get(item.label) ?? 0) + 1);
    expect(perCategory.size).toBe(10);
    for (const count of perCategory.values()) expect(count).toBeGreaterThanOrEqual(15);
    expect(new Set(items.map((item) => item.lang)).size).toBeGreaterThanOrEqual(6);
    const original = items.filter((item) => item.split !== "fresh");
    const test = original.filter((item) => item.split === "test").length;
    expect(test / original.length).toBeGreaterThan(0.35);
  });

  it(`reaches macro-F1 ≥ ${MIN_MACRO_F1} and unsubscribe recall ≥ ${MIN_UNSUBSCRIBE_RECALL} (test split and whole set)`, async () => {
    const evaluation = await runEvaluation(classifyReplyOffline);
    console.log(metricsTable(evaluation));
    console.log(`confusions (all): ${confusionLines(evaluation.all).join("; ") || "none"}`);
    for (const metrics of [evaluation.test, evaluation.all]) {
      expect(metrics.macroF1).toBeGreaterThanOrEqual(MIN_MACRO_F1);
      const unsubscribe = metrics.perCategory.find((row) => row.category === "unsubscribe");
      expect(unsubscribe?.recall).toBeGreaterThanOrEqual(MIN_UNSUBSCRIBE_RECALL);
    }
  });
});
