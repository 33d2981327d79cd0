import type { LanguageModelV4GenerateResult } from "@ai-sdk/provider";
import { MockLanguageModelV4 } from "ai/test";
import { describe, expect, it } from "vitest";
import { loadLabelledSet } from "./labelled-set";
import { runEvaluation } from "./evaluate";
import { providerClassifier } from "./provider-classifier";

function answer(verdict: object): LanguageModelV4GenerateResult {
  return {
    content: [{ type: "text", text: JSON.stringify(verdict) }],
    finishReason: { unified: "stop", raw: "stop" },
    usage: {
      inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 },
      outputTokens: { total: 5, text: 5, reasoning: 0 },
    },
    warnings: [],
  };
}

describe("the evaluation's provider classifier", () => {
  it("scores the model's verdicts and counts the replies it fell back on", async () => {
    const items = loadLabelledSet().slice(0, 6);
    let call = 0;
    const model = new MockLanguageModelV4({
      doGenerate: async () => {
        call += 1;
        if (call === 2) throw new Error("upstream 500");
        return answer({
          category: "interested",
          confidence: 0.9,
          rationale: "Says yes",
          returnDate: null,
          referral: null,
        });
      },
    });
    const provider = providerClassifier(model);

    const evaluation = await runEvaluation(provider.classify, items);

    expect(evaluation.all.total).toBe(6);
    expect(provider.fallbacks()).toBe(1);
    // Every reply the model answered (all but the second) counts as its "interested" verdict.
    const answered = items.filter((_, i) => i !== 1);
    const wrong = evaluation.misses.filter((m) => m.predicted === "interested");
    expect(wrong.map((m) => m.id).sort()).toEqual(
      answered
        .filter((i) => i.label !== "interested")
        .map((i) => i.id)
        .sort(),
    );
  });
});
