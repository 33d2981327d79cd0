import {
  generateText,
  NoObjectGeneratedError,
  Output,
  type LanguageModel,
  type LanguageModelUsage,
} from "ai";
import type { z } from "zod";

/** Token counts of one call; providers that report nothing count as 0. */
export interface LlmUsage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
}

/**
 * Why a model call gave no usable answer. Callers decide what each means (a classifier falls back
 * to the offline one; the test-prompt endpoint reports it); none of them is a crash.
 */
export type LlmFailureKind = "timeout" | "provider_error" | "malformed_output";

export class LlmCallError extends Error {
  readonly kind: LlmFailureKind;
  /** Tokens spent anyway (a malformed answer still costs), when the provider reported them. */
  readonly usage: LlmUsage | null;
  readonly latencyMs: number;

  constructor(
    kind: LlmFailureKind,
    message: string,
    details: { cause?: unknown; usage?: LlmUsage | null; latencyMs: number },
  ) {
    super(message, { cause: details.cause });
    this.name = "LlmCallError";
    this.kind = kind;
    this.usage = details.usage ?? null;
    this.latencyMs = details.latencyMs;
  }
}

export const DEFAULT_LLM_TIMEOUT_MS = 30_000;
export const DEFAULT_LLM_MAX_RETRIES = 2;

export interface LlmCallOptions {
  /** The whole call including the SDK's retries. */
  timeoutMs?: number;
  /** Retries of retryable provider errors (429, 5xx, network) by the SDK; 0 disables them. */
  maxRetries?: number;
  abortSignal?: AbortSignal;
  /** Caps the answer; providers otherwise reserve their maximum (Anthropic: 64k) per call. */
  maxOutputTokens?: number;
}

export interface StructuredCall<S extends z.ZodType> extends LlmCallOptions {
  schema: S;
  /** Shown to providers that name structured outputs (OpenAI's json_schema name, tool names). */
  name?: string;
  description?: string;
  system: string;
  prompt: string;
}

export interface StructuredResult<T> {
  object: T;
  usage: LlmUsage;
  latencyMs: number;
}

export function toLlmUsage(usage: LanguageModelUsage | undefined): LlmUsage {
  const inputTokens = usage?.inputTokens ?? 0;
  const outputTokens = usage?.outputTokens ?? 0;
  return {
    inputTokens,
    outputTokens,
    totalTokens: usage?.totalTokens ?? inputTokens + outputTokens,
  };
}

/** One abort signal for the time limit and the caller's own cancellation. */
export function callSignal(options: LlmCallOptions) {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS);
  const signal = options.abortSignal ? AbortSignal.any([timeout, options.abortSignal]) : timeout;
  return { timeout, signal };
}

/** Maps whatever the SDK threw to an LlmCallError (timeouts recognised by our own signal). */
export function toLlmCallError(error: unknown, timeout: AbortSignal, startedAt: number) {
  const latencyMs = Math.round(performance.now() - startedAt);
  if (error instanceof LlmCallError) return error;
  if (timeout.aborted) {
    return new LlmCallError("timeout", `The model did not answer within the time limit`, {
      cause: error,
      latencyMs,
    });
  }
  if (NoObjectGeneratedError.isInstance(error)) {
    return new LlmCallError("malformed_output", "The model's answer did not match the schema", {
      cause: error,
      usage: error.usage ? toLlmUsage(error.usage) : null,
      latencyMs,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new LlmCallError("provider_error", `The model call failed: ${message}`, {
    cause: error,
    latencyMs,
  });
}

/**
 * Asks the model for an object matching `schema` (the AI SDK's structured output: a JSON schema
 * sent to the provider, the answer parsed and validated). Throws LlmCallError, never anything else.
 */
export async function runStructured<S extends z.ZodType>(
  model: LanguageModel,
  call: StructuredCall<S>,
): Promise<StructuredResult<z.infer<S>>> {
  const startedAt = performance.now();
  const { timeout, signal } = callSignal(call);
  try {
    const result = await generateText({
      model,
      instructions: call.system,
      prompt: call.prompt,
      output: Output.object({
        schema: call.schema,
        name: call.name,
        description: call.description,
      }),
      maxRetries: call.maxRetries ?? DEFAULT_LLM_MAX_RETRIES,
      maxOutputTokens: call.maxOutputTokens,
      abortSignal: signal,
    });
    // Reading `output` parses and validates; it throws NoObjectGeneratedError on a bad answer.
    const object = result.output as z.infer<S>;
    return {
      object,
      usage: toLlmUsage(result.totalUsage),
      latencyMs: Math.round(performance.now() - startedAt),
    };
  } catch (error) {
    throw toLlmCallError(error, timeout, startedAt);
  }
}
