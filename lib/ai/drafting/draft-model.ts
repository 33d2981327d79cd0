import type { LanguageModel } from "ai";
import type { z } from "zod";
import type { Queryable } from "@/db/client";
import { log } from "@/lib/log";
import { noteBudgetCrossing } from "../llm-budget";
import { recordAiUsage, resolveOrgModel } from "../org-model";
import type { ProviderConfig } from "../provider-config";
import {
  LlmCallError,
  runStructured,
  type LlmFailureKind,
  type StructuredCall,
} from "../run-structured";

export const DRAFTING_PURPOSE = "drafting";

export type OfflineReason = "not_configured" | "over_budget" | "unusable_settings" | LlmFailureKind;

export type DraftModel =
  | { mode: "llm"; model: LanguageModel; config: ProviderConfig | null }
  | { mode: "offline"; reason: OfflineReason };

/**
 * The model drafts are written with: the organization's (budget included, see resolveOrgModel),
 * or the one a caller passes (tests; null = offline).
 */
export async function resolveDraftModel(
  db: Queryable,
  organizationId: string,
  override?: LanguageModel | null,
): Promise<DraftModel> {
  if (override !== undefined) {
    return override
      ? { mode: "llm", model: override, config: null }
      : { mode: "offline", reason: "not_configured" };
  }
  const resolved = await resolveOrgModel(db, organizationId);
  if (resolved.mode === "offline") return resolved;
  return { mode: "llm", model: resolved.model, config: resolved.config };
}

/** Why a draft is offline, in words for the person about to send it. */
export function offlineNote(reason: OfflineReason): string {
  const why = {
    not_configured: "no AI provider is configured (Settings → AI)",
    over_budget: "this month's AI token budget is used up",
    unusable_settings:
      "the stored AI settings can't be used (enter the key again in Settings → AI)",
    timeout: "the AI model did not answer in time",
    provider_error: "the AI model's provider failed",
    malformed_output: "the AI model's answer was unusable",
  }[reason];
  return `Offline mode: ${why}, so this was written without a model, from your templates, built-in replies and the lead's own fields. Review it before sending.`;
}

/**
 * One drafting call to the model: its tokens are recorded (purpose "drafting") whether or not the
 * answer was usable, and the budget notice goes out once the month's tokens cross the budget. A
 * failure is returned as its kind for the caller's offline fallback — never thrown.
 */
export async function callDraftModel<S extends z.ZodType>(
  db: Queryable,
  organizationId: string,
  resolved: Extract<DraftModel, { mode: "llm" }>,
  call: StructuredCall<S>,
): Promise<{ ok: true; object: z.infer<S> } | { ok: false; reason: LlmFailureKind }> {
  const base = {
    organizationId,
    purpose: DRAFTING_PURPOSE,
    mode: "llm" as const,
    config: resolved.config,
  };
  try {
    const { object, usage, latencyMs } = await runStructured(resolved.model, {
      maxOutputTokens: 4_000,
      ...call,
    });
    await recordAiUsage(db, { ...base, usage, latencyMs });
    await noteBudgetCrossing(db, organizationId);
    return { ok: true, object };
  } catch (error) {
    if (!(error instanceof LlmCallError)) throw error;
    await recordAiUsage(db, {
      ...base,
      usage: error.usage,
      latencyMs: error.latencyMs,
      error: `${error.kind}: fell back to an offline draft`,
    });
    if (error.usage) await noteBudgetCrossing(db, organizationId);
    log.warn("drafting fell back to offline mode", {
      organizationId,
      reason: error.kind,
      error: error.message,
    });
    return { ok: false, reason: error.kind };
  }
}

/** An offline draft is counted too, so usage per purpose shows how often drafts ran without a model. */
export function recordOfflineDraft(db: Queryable, organizationId: string) {
  return recordAiUsage(db, { organizationId, purpose: DRAFTING_PURPOSE, mode: "offline" });
}
