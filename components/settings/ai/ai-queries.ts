import type { z } from "zod";
import type {
  LlmProviders,
  LlmUsageReport,
  testPromptResultSchema,
} from "@/lib/ai/llm-settings-schemas";
import { apiFetch } from "@/lib/client/api";

export type { LlmProviders, LlmUsageReport };
export type TestPromptResult = z.infer<typeof testPromptResultSchema>;

/** Query keys for Settings → AI: a save refreshes the providers, a test prompt the usage too. */
export const aiKeys = {
  all: ["llm"] as const,
  providers: ["llm", "providers"] as const,
  usage: ["llm", "usage"] as const,
};

export const fetchLlmProviders = (signal?: AbortSignal) =>
  apiFetch<LlmProviders>("/llm/providers", { signal });

export const fetchLlmUsage = (signal?: AbortSignal) =>
  apiFetch<LlmUsageReport>("/llm/usage", { signal });

export type Notify = (tone: "success" | "error", text: string) => void;
