import type { LanguageModel } from "ai";
import type { z } from "zod";
import { recordAiUsage, resolveOrgModel } from "@/lib/ai/org-model";
import type { ProviderConfig } from "@/lib/ai/provider-config";
import { LlmCallError, runStructured } from "@/lib/ai/run-structured";
import type { Ctx } from "@/lib/context";
import { log } from "@/lib/log";

export interface AiRunOptions {
  /** The model to use instead of the organization's (tests; null = offline). */
  model?: LanguageModel | null;
}

export interface LlmOrOfflineCall<S extends z.ZodType, T> {
  /** What the usage record says the call was for (lead_analysis, summarize, extract_info). */
  purpose: string;
  schema: S;
  name: string;
  description: string;
  system: string;
  /** Built only when a model will read it (it may query the product context). */
  prompt: () => Promise<string> | string;
  /** The model's answer made usable, or null when it breaks the result's limits. */
  accept: (answer: z.infer<S>) => T | null;
  offline: () => T;
  maxOutputTokens?: number;
}

export type LlmOrOfflineResult<T> =
  { mode: "llm"; model: string | null; result: T } | { mode: "offline"; model: null; result: T };

/**
 * One AI feature call: the organization's model (or none → offline, also over budget) with
 * structured output, its usage recorded; any failure — provider error, timeout, an answer
 * outside the schema — logged and answered by the offline rules instead, so the caller always
 * gets a result and `mode` says honestly who produced it.
 */
export async function runLlmOrOffline<S extends z.ZodType, T>(
  ctx: Pick<Ctx, "db" | "orgId">,
  call: LlmOrOfflineCall<S, T>,
  options: AiRunOptions = {},
): Promise<LlmOrOfflineResult<T>> {
  const resolved =
    options.model !== undefined
      ? options.model
        ? { mode: "llm" as const, model: options.model, config: null as ProviderConfig | null }
        : { mode: "offline" as const }
      : await resolveOrgModel(ctx.db, ctx.orgId);
  const offline = async (error?: string): Promise<LlmOrOfflineResult<T>> => {
    if (!error)
      await recordAiUsage(ctx.db, {
        organizationId: ctx.orgId,
        purpose: call.purpose,
        mode: "offline",
      });
    return { mode: "offline", model: null, result: call.offline() };
  };
  if (resolved.mode === "offline") return offline();

  const config = resolved.config;
  const modelName =
    config?.model ?? (typeof resolved.model === "string" ? resolved.model : resolved.model.modelId);
  try {
    const { object, usage, latencyMs } = await runStructured(resolved.model, {
      schema: call.schema,
      name: call.name,
      description: call.description,
      system: call.system,
      prompt: await call.prompt(),
      maxOutputTokens: call.maxOutputTokens ?? 4_000,
    });
    const result = call.accept(object);
    if (result === null) {
      throw new LlmCallError("malformed_output", "The model's answer broke the result's limits", {
        usage,
        latencyMs,
      });
    }
    await recordAiUsage(ctx.db, {
      organizationId: ctx.orgId,
      purpose: call.purpose,
      mode: "llm",
      config,
      usage,
      latencyMs,
    });
    return { mode: "llm", model: modelName, result };
  } catch (error) {
    if (!(error instanceof LlmCallError)) throw error;
    await recordAiUsage(ctx.db, {
      organizationId: ctx.orgId,
      purpose: call.purpose,
      mode: "llm",
      config,
      usage: error.usage,
      latencyMs: error.latencyMs,
      error: `${error.kind}: fell back to offline mode`,
    });
    log.warn(`${call.purpose} fell back to offline mode`, {
      organizationId: ctx.orgId,
      reason: error.kind,
      error: error.message,
    });
    return offline(error.kind);
  }
}
