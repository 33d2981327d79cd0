import { generateText, type LanguageModel } from "ai";
import {
  callSignal,
  toLlmCallError,
  toLlmUsage,
  type LlmCallOptions,
  type LlmUsage,
} from "./run-structured";

export interface TestPromptResult {
  text: string;
  latencyMs: number;
  usage: LlmUsage;
}

/**
 * Sends one free-text prompt to a configured model, so an admin can check a provider setup (key,
 * base URL, model name) works before relying on it. Throws LlmCallError on any failure.
 */
export async function runTestPrompt(
  model: LanguageModel,
  prompt: string,
  options: LlmCallOptions = {},
): Promise<TestPromptResult> {
  const startedAt = performance.now();
  const { timeout, signal } = callSignal(options);
  try {
    const result = await generateText({
      model,
      prompt,
      // A configuration check: a failing provider should be reported at once, not retried.
      maxRetries: options.maxRetries ?? 0,
      maxOutputTokens: options.maxOutputTokens,
      abortSignal: signal,
    });
    return {
      text: result.text,
      latencyMs: Math.round(performance.now() - startedAt),
      usage: toLlmUsage(result.totalUsage),
    };
  } catch (error) {
    throw toLlmCallError(error, timeout, startedAt);
  }
}
