import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import type { LanguageModel } from "ai";
import { supportedProvider, type ProviderConfig } from "./provider-config";

/**
 * The AI SDK model for a provider configuration. The API key and base URL are always passed
 * explicitly: left undefined, the SDKs would read OPENAI_API_KEY/ANTHROPIC_BASE_URL… from the
 * process environment, which would let an organization's call silently use installation secrets.
 */
export function languageModelFor(config: ProviderConfig): LanguageModel {
  const baseURL = config.baseUrl ?? supportedProvider(config.provider).defaultBaseUrl;
  switch (config.provider) {
    case "openai":
      // The Responses API: OpenAI's own endpoint for structured output.
      return createOpenAI({ apiKey: config.apiKey ?? "", baseURL }).responses(config.model);
    case "openai-compatible":
      // Ollama, vLLM and LM Studio speak Chat Completions only (no Responses API). Local servers
      // usually need no key; an empty one sends a bare "Bearer" they ignore.
      return createOpenAI({ apiKey: config.apiKey ?? "", baseURL, name: "openai-compatible" }).chat(
        config.model,
      );
    case "anthropic":
      return createAnthropic({ apiKey: config.apiKey ?? "", baseURL }).messages(config.model);
  }
}
