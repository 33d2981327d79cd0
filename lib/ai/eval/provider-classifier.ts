import type { LanguageModel } from "ai";
import { classifyReply } from "../classify-reply";
import type { Classify } from "./evaluate";

/**
 * The LLM classifier as the evaluation runs it: the same classifyReply the product calls, with
 * the given model. Replies the model failed on (answered offline instead) are counted, so the
 * figures say how many verdicts were really the model's.
 */
export function providerClassifier(model: LanguageModel): {
  classify: Classify;
  fallbacks: () => number;
} {
  let fallbacks = 0;
  return {
    classify: async (input) => {
      const verdict = await classifyReply(input, { model });
      if (verdict.mode === "offline") fallbacks += 1;
      return verdict;
    },
    fallbacks: () => fallbacks,
  };
}
