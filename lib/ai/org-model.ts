import type { LanguageModel } from "ai";
import { and, eq, gte, sum } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { aiSettings, aiUsage } from "@/db/schema";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { log } from "@/lib/log";
import { languageModelFor } from "./language-model";
import { installationProviderConfig, type ProviderConfig } from "./provider-config";
import type { LlmUsage } from "./run-structured";

export type OrgModel =
  | {
      mode: "llm";
      model: LanguageModel;
      config: ProviderConfig;
      source: "organization" | "installation";
    }
  | { mode: "offline"; reason: "not_configured" | "over_budget" | "unusable_settings" };

/** The start of the current calendar month in UTC: budgets reset then. */
export function monthStart(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/** Tokens the organization used this month, every purpose together. */
export async function tokensThisMonth(db: Queryable, organizationId: string, now = new Date()) {
  const [row] = await db
    .select({ n: sum(aiUsage.totalTokens) })
    .from(aiUsage)
    .where(
      and(eq(aiUsage.organizationId, organizationId), gte(aiUsage.createdAt, monthStart(now))),
    );
  return Number(row?.n ?? 0);
}

/** The organization's own provider settings as a config (the key unsealed), or null. */
export async function organizationProviderConfig(
  db: Queryable,
  organizationId: string,
): Promise<{ config: ProviderConfig | null; budget: number | null }> {
  const [row] = await db
    .select()
    .from(aiSettings)
    .where(eq(aiSettings.organizationId, organizationId))
    .limit(1);
  if (!row?.provider || !row.model)
    return { config: null, budget: row?.monthlyTokenBudget ?? null };
  return {
    config: {
      provider: row.provider,
      model: row.model,
      ...(row.apiKeySealed ? { apiKey: decryptSecret(row.apiKeySealed) } : {}),
      ...(row.baseUrl ? { baseUrl: row.baseUrl } : {}),
    },
    budget: row.monthlyTokenBudget,
  };
}

/**
 * Which model an organization's AI calls use right now: its own provider, else the
 * installation's, else none (offline mode) — and offline too once this month's token budget is
 * spent. Never throws: settings that can't be used (a key sealed under another AUTH_SECRET) mean
 * offline, logged.
 */
export async function resolveOrgModel(db: Queryable, organizationId: string): Promise<OrgModel> {
  try {
    const own = await organizationProviderConfig(db, organizationId);
    const config = own.config ?? installationProviderConfig();
    if (!config) return { mode: "offline", reason: "not_configured" };
    if (own.budget !== null && (await tokensThisMonth(db, organizationId)) >= own.budget) {
      return { mode: "offline", reason: "over_budget" };
    }
    return {
      mode: "llm",
      model: languageModelFor(config),
      config,
      source: own.config ? "organization" : "installation",
    };
  } catch (error) {
    log.error("AI settings unusable; running offline", { organizationId, error });
    return { mode: "offline", reason: "unusable_settings" };
  }
}

/** Record one AI call (tokens, latency, purpose) for usage reports and the budget. */
export async function recordAiUsage(
  db: Queryable,
  input: {
    organizationId: string;
    purpose: string;
    mode: "llm" | "offline";
    config?: ProviderConfig | null;
    usage?: LlmUsage | null;
    latencyMs?: number;
    error?: string | null;
  },
) {
  await db.insert(aiUsage).values({
    organizationId: input.organizationId,
    purpose: input.purpose,
    mode: input.mode,
    provider: input.config?.provider ?? null,
    model: input.config?.model ?? null,
    inputTokens: input.usage?.inputTokens ?? 0,
    outputTokens: input.usage?.outputTokens ?? 0,
    totalTokens: input.usage?.totalTokens ?? 0,
    latencyMs: Math.round(input.latencyMs ?? 0),
    error: input.error ?? null,
  });
}
