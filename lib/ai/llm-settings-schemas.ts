import { z } from "zod";
import { LLM_PROVIDERS } from "./provider-config";

/**
 * The Settings → AI API's shapes. The provider's API key is write-only: responses say whether one
 * is stored (`credentialsSet`), never the key itself.
 */
const providerId = z.enum(LLM_PROVIDERS);

export const llmProvidersSchema = z
  .object({
    mode: z.enum(["llm", "offline"]).meta({
      description: "offline: the built-in classifier and template drafts answer instead of a model",
    }),
    offlineReason: z.enum(["not_configured", "over_budget", "unusable_settings"]).nullable(),
    active: z
      .object({
        provider: providerId,
        model: z.string(),
        source: z.enum(["organization", "installation"]),
      })
      .nullable()
      .meta({ description: "The configured provider (null when none is)" }),
    providers: z.array(
      z.object({
        id: providerId,
        label: z.string(),
        defaultModel: z.string(),
        models: z.array(z.string()).meta({ description: "Suggested model names" }),
        apiKeyRequired: z.boolean(),
        credentialsSet: z.boolean().meta({
          description: "The organization has stored an API key for this provider",
        }),
        baseUrl: z.string().nullable().meta({ description: "The organization's base URL, if set" }),
        defaultBaseUrl: z.string(),
      }),
    ),
    budget: z.object({
      monthlyTokenBudget: z.number().int().nullable(),
      usedThisMonth: z.number().int(),
      overBudget: z.boolean(),
    }),
    reviewThreshold: z.number(),
  })
  .meta({ id: "LlmProviders" });
export type LlmProviders = z.infer<typeof llmProvidersSchema>;

export const updateLlmProvidersInput = z
  .strictObject({
    provider: providerId.nullable().optional().meta({
      description: "null: back to the installation's provider, or offline mode when it has none",
    }),
    model: z.string().trim().min(1).max(200).optional(),
    apiKey: z.string().trim().min(1).max(1000).nullable().optional().meta({
      description: "Write-only. Omitted keeps the stored key (same provider); null clears it",
    }),
    baseUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .nullable()
      .optional()
      .meta({ description: "API root, e.g. http://localhost:11434/v1; null: the provider's own" }),
    monthlyTokenBudget: z.number().int().min(1).max(1_000_000_000_000).nullable().optional().meta({
      description: "Tokens per calendar month (UTC); null: no limit",
    }),
    reviewThreshold: z.number().min(0).max(1).optional().meta({
      description: "Below this confidence a classified reply waits for review",
    }),
  })
  .meta({ id: "UpdateLlmProviders" });
export type UpdateLlmProvidersInput = z.infer<typeof updateLlmProvidersInput>;

export const testPromptInput = z
  .strictObject({ prompt: z.string().trim().min(1).max(8000) })
  .meta({ id: "LlmTestPrompt" });

const usageCounts = {
  calls: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  totalTokens: z.number().int(),
};

export const testPromptResultSchema = z
  .object({
    text: z.string(),
    latencyMs: z.number().int(),
    usage: z.object({
      inputTokens: z.number().int(),
      outputTokens: z.number().int(),
      totalTokens: z.number().int(),
    }),
    provider: providerId,
    model: z.string(),
    mode: z.literal("llm"),
  })
  .meta({ id: "LlmTestPromptResult" });

export const llmUsageQuery = z
  .strictObject({
    from: z.iso.datetime({ offset: true }).optional().meta({ description: "Default: month start" }),
    to: z.iso.datetime({ offset: true }).optional().meta({ description: "Default: now" }),
  })
  .meta({ id: "LlmUsageQuery" });

export const llmUsageSchema = z
  .object({
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    totals: z.object(usageCounts),
    byPurpose: z.array(
      z.object({
        purpose: z.string(),
        ...usageCounts,
        errors: z.number().int(),
        avgLatencyMs: z.number().int(),
      }),
    ),
    byDay: z.array(z.object({ day: z.iso.date(), ...usageCounts })),
  })
  .meta({ id: "LlmUsage" });
export type LlmUsageReport = z.infer<typeof llmUsageSchema>;
