import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { noteBudgetCrossing } from "./llm-budget";
import { recordAiUsage, resolveOrgModel } from "./org-model";
import { LlmCallError } from "./run-structured";
import { runTestPrompt, type TestPromptResult } from "./test-prompt";

const OFFLINE_DETAIL = {
  not_configured: "No AI provider is configured: choose one in Settings → AI.",
  over_budget: "This month's AI token budget is used up: raise it in Settings → AI.",
  unusable_settings:
    "The stored AI settings can't be used (e.g. the key was sealed under another AUTH_SECRET): enter the key again.",
} as const;

/** A provider's answer is shown to admins, but capped: some echo whole request bodies back. */
const MAX_DETAIL = 500;

/**
 * Admins: a raw prompt to the organization's model and its raw answer, latency and tokens — to
 * check a provider setup before relying on it. Usage is recorded (purpose "test_prompt"), failed
 * calls too; offline → 422 ai_not_configured, provider failures → 502 provider_error with the kind.
 */
export async function testPrompt(
  ctx: Ctx,
  input: { prompt: string },
): Promise<TestPromptResult & { provider: string; model: string; mode: "llm" }> {
  assertCan(ctx, "ai_settings:write");
  const resolved = await resolveOrgModel(ctx.db, ctx.orgId);
  if (resolved.mode === "offline") {
    throw new AppError("ai_not_configured", OFFLINE_DETAIL[resolved.reason], {
      extra: { reason: resolved.reason },
    });
  }
  const base = {
    organizationId: ctx.orgId,
    purpose: "test_prompt",
    mode: "llm" as const,
    config: resolved.config,
  };
  try {
    const result = await runTestPrompt(resolved.model, input.prompt, { maxOutputTokens: 1024 });
    await recordAiUsage(ctx.db, { ...base, usage: result.usage, latencyMs: result.latencyMs });
    await noteBudgetCrossing(ctx.db, ctx.orgId);
    return {
      ...result,
      provider: resolved.config.provider,
      model: resolved.config.model,
      mode: "llm",
    };
  } catch (error) {
    if (!(error instanceof LlmCallError)) throw error;
    await recordAiUsage(ctx.db, {
      ...base,
      usage: error.usage,
      latencyMs: error.latencyMs,
      error: `${error.kind}: ${error.message}`.slice(0, MAX_DETAIL),
    });
    await noteBudgetCrossing(ctx.db, ctx.orgId);
    throw new AppError("provider_error", error.message.slice(0, MAX_DETAIL), {
      extra: { kind: error.kind, provider: resolved.config.provider, model: resolved.config.model },
    });
  }
}
