import { z } from "zod";
import { env as processEnv, type Env } from "@/lib/env";
import { log } from "@/lib/log";

/**
 * Which LLM answers: the installation's default (LLM_* variables) or, later, an organization's own
 * settings. One schema for both, so the settings API validates exactly what the model factory reads.
 */
export const LLM_PROVIDERS = ["openai", "anthropic", "openai-compatible"] as const;
export type LlmProvider = (typeof LLM_PROVIDERS)[number];

export interface SupportedProvider {
  id: LlmProvider;
  label: string;
  /** Used when no model is configured: small, fast models suit classification. */
  defaultModel: string;
  /** The provider's API root; the SDK would otherwise read OPENAI_BASE_URL/ANTHROPIC_BASE_URL. */
  defaultBaseUrl: string;
  apiKeyRequired: boolean;
}

export const SUPPORTED_PROVIDERS: readonly SupportedProvider[] = [
  {
    id: "openai",
    label: "OpenAI",
    defaultModel: "gpt-5.4-mini",
    defaultBaseUrl: "https://api.openai.com/v1",
    apiKeyRequired: true,
  },
  {
    id: "anthropic",
    label: "Anthropic",
    defaultModel: "claude-haiku-4-5",
    defaultBaseUrl: "https://api.anthropic.com/v1",
    apiKeyRequired: true,
  },
  {
    // Ollama, vLLM, LM Studio… — the default is Ollama's local endpoint, the common self-hosted case.
    id: "openai-compatible",
    label: "OpenAI-compatible server (Ollama, vLLM, LM Studio)",
    defaultModel: "llama3.1",
    defaultBaseUrl: "http://localhost:11434/v1",
    apiKeyRequired: false,
  },
];

export function supportedProvider(id: LlmProvider): SupportedProvider {
  // The list covers every LlmProvider, so the lookup cannot miss.
  return SUPPORTED_PROVIDERS.find((p) => p.id === id)!;
}

export const providerConfigSchema = z
  .object({
    provider: z.enum(LLM_PROVIDERS),
    model: z.string().trim().min(1).max(200),
    apiKey: z.string().trim().min(1).max(1000).optional(),
    baseUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional()
      .meta({
        description: "API root, e.g. http://localhost:11434/v1; the provider's own when omitted",
      }),
  })
  .superRefine((config, ctx) => {
    if (supportedProvider(config.provider).apiKeyRequired && !config.apiKey) {
      ctx.addIssue({
        code: "custom",
        path: ["apiKey"],
        message: `An API key is required for ${config.provider}`,
      });
    }
  })
  .meta({ id: "LlmProviderConfig" });
export type ProviderConfig = z.infer<typeof providerConfigSchema>;

/**
 * The installation-wide provider from LLM_PROVIDER/LLM_MODEL/LLM_API_KEY/LLM_BASE_URL, or null when
 * none is set (offline mode). An incomplete configuration (openai without a key) is also null and
 * logged, matching what /health reports as "offline", rather than failing every classification.
 */
export function installationProviderConfig(
  source: Pick<Env, "LLM_PROVIDER" | "LLM_MODEL" | "LLM_API_KEY" | "LLM_BASE_URL"> = processEnv,
): ProviderConfig | null {
  if (!source.LLM_PROVIDER) return null;
  const parsed = providerConfigSchema.safeParse({
    provider: source.LLM_PROVIDER,
    model: source.LLM_MODEL ?? supportedProvider(source.LLM_PROVIDER).defaultModel,
    apiKey: source.LLM_API_KEY,
    baseUrl: source.LLM_BASE_URL,
  });
  if (!parsed.success) {
    log.warn("LLM_* configuration incomplete, using the offline classifier", {
      issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
    });
    return null;
  }
  return parsed.data;
}
