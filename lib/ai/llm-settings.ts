import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { aiSettings } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { AppError } from "@/lib/errors";
import type { LlmProviders, UpdateLlmProvidersInput } from "./llm-settings-schemas";
import { resolveOrgModel, tokensThisMonth } from "./org-model";
import {
  installationProviderConfig,
  providerConfigSchema,
  SUPPORTED_PROVIDERS,
  supportedProvider,
  type LlmProvider,
} from "./provider-config";

/** Model names offered in the settings screen; any other name the provider knows works too. */
const SUGGESTED_MODELS: Record<LlmProvider, string[]> = {
  openai: ["gpt-5.4-mini", "gpt-5.4", "gpt-5.4-nano"],
  anthropic: ["claude-haiku-4-5", "claude-sonnet-4-5", "claude-opus-4-5"],
  "openai-compatible": ["llama3.1", "qwen2.5", "mistral", "gemma2"],
};

const DEFAULT_REVIEW_THRESHOLD = 0.6;

async function settingsRow(db: Queryable, organizationId: string) {
  const [row] = await db
    .select()
    .from(aiSettings)
    .where(eq(aiSettings.organizationId, organizationId))
    .limit(1);
  return row;
}

/** Which provider answers the organization's AI calls, its options and this month's budget. */
export async function getLlmProviders(ctx: Ctx): Promise<LlmProviders> {
  assertCan(ctx, "ai_settings:read");
  const [row, used, resolved] = await Promise.all([
    settingsRow(ctx.db, ctx.orgId),
    tokensThisMonth(ctx.db, ctx.orgId),
    resolveOrgModel(ctx.db, ctx.orgId),
  ]);
  const own = row?.provider && row.model ? { provider: row.provider, model: row.model } : null;
  const installation = own ? null : installationProviderConfig();
  const active = own
    ? { ...own, source: "organization" as const }
    : installation
      ? {
          provider: installation.provider,
          model: installation.model,
          source: "installation" as const,
        }
      : null;
  const budget = row?.monthlyTokenBudget ?? null;
  return {
    mode: resolved.mode,
    offlineReason: resolved.mode === "offline" ? resolved.reason : null,
    active,
    providers: SUPPORTED_PROVIDERS.map((p) => {
      const stored = row?.provider === p.id;
      return {
        id: p.id,
        label: p.label,
        defaultModel: p.defaultModel,
        models: SUGGESTED_MODELS[p.id],
        apiKeyRequired: p.apiKeyRequired,
        credentialsSet: stored && Boolean(row?.apiKeySealed),
        baseUrl: stored ? (row?.baseUrl ?? null) : null,
        defaultBaseUrl: p.defaultBaseUrl,
      };
    }),
    budget: {
      monthlyTokenBudget: budget,
      usedThisMonth: used,
      overBudget: budget !== null && used >= budget,
    },
    reviewThreshold: row?.reviewThreshold ?? DEFAULT_REVIEW_THRESHOLD,
  };
}

/** Stands in for a stored key during validation: the key itself is never unsealed to check it. */
const STORED_KEY = "stored";

/**
 * Admins: switch the provider/model, set or clear credentials, the budget and the review
 * threshold. A key and base URL belong to one provider, so switching provider drops the stored
 * ones unless new ones are given; `provider: null` drops all of it (installation default or
 * offline). The key is sealed before it reaches the database and never enters the audit log.
 */
export async function updateLlmProviders(
  ctx: Ctx,
  input: UpdateLlmProvidersInput,
): Promise<LlmProviders> {
  assertCan(ctx, "ai_settings:write");
  await ctx.db.transaction(async (tx) => {
    const row = await settingsRow(tx, ctx.orgId);
    const provider = input.provider === undefined ? (row?.provider ?? null) : input.provider;
    const sameProvider = provider !== null && provider === row?.provider;
    let connection: {
      provider: LlmProvider | null;
      model: string | null;
      apiKeySealed: string | null;
      baseUrl: string | null;
    } = { provider: null, model: null, apiKeySealed: null, baseUrl: null };
    if (provider !== null) {
      const model =
        input.model ??
        (sameProvider && row?.model ? row.model : supportedProvider(provider).defaultModel);
      const keptKey = sameProvider ? (row?.apiKeySealed ?? null) : null;
      const baseUrl =
        input.baseUrl === undefined
          ? sameProvider
            ? (row?.baseUrl ?? null)
            : null
          : input.baseUrl;
      const checked = providerConfigSchema.safeParse({
        provider,
        model,
        apiKey:
          input.apiKey === undefined
            ? keptKey
              ? STORED_KEY
              : undefined
            : (input.apiKey ?? undefined),
        baseUrl: baseUrl ?? undefined,
      });
      if (!checked.success) {
        throw new AppError("validation_error", checked.error.issues[0]!.message, {
          errors: checked.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
        });
      }
      connection = {
        provider,
        model,
        apiKeySealed:
          input.apiKey === undefined ? keptKey : input.apiKey ? encryptSecret(input.apiKey) : null,
        baseUrl,
      };
    } else if (input.model !== undefined || input.apiKey || input.baseUrl) {
      throw new AppError("validation_error", "Choose a provider first.", {
        errors: [{ path: "provider", message: "Required to set a model, key or base URL" }],
      });
    }
    const values = {
      ...connection,
      ...(input.monthlyTokenBudget !== undefined
        ? { monthlyTokenBudget: input.monthlyTokenBudget }
        : {}),
      ...(input.reviewThreshold !== undefined ? { reviewThreshold: input.reviewThreshold } : {}),
      updatedBy: ctx.actor.userId,
    };
    await tx
      .insert(aiSettings)
      .values({ organizationId: ctx.orgId, ...values })
      .onConflictDoUpdate({
        target: aiSettings.organizationId,
        set: { ...values, updatedAt: new Date() },
      });
    const { apiKey, ...changes } = input;
    await recordAudit(tx, ctx, {
      action: "ai_settings.updated",
      resourceType: "organization",
      resourceId: ctx.orgId,
      // Only whether the key changed: the key itself stays out of the log.
      changes: {
        ...changes,
        ...(apiKey !== undefined ? { apiKey: apiKey ? "set" : "cleared" } : {}),
      },
    });
  });
  return getLlmProviders(ctx);
}
