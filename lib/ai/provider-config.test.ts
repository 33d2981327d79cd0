import { describe, expect, it } from "vitest";
import {
  installationProviderConfig,
  providerConfigSchema,
  SUPPORTED_PROVIDERS,
} from "./provider-config";

const unset = {
  LLM_PROVIDER: undefined,
  LLM_MODEL: undefined,
  LLM_API_KEY: undefined,
  LLM_BASE_URL: undefined,
};

describe("installationProviderConfig", () => {
  it("is null without LLM_PROVIDER (offline mode)", () => {
    expect(installationProviderConfig(unset)).toBeNull();
  });

  it("takes the provider's default model when LLM_MODEL is unset", () => {
    expect(
      installationProviderConfig({ ...unset, LLM_PROVIDER: "anthropic", LLM_API_KEY: "sk-ant" }),
    ).toEqual({ provider: "anthropic", model: "claude-haiku-4-5", apiKey: "sk-ant" });
  });

  it("reads an OpenAI-compatible server's URL and model; no key needed", () => {
    expect(
      installationProviderConfig({
        ...unset,
        LLM_PROVIDER: "openai-compatible",
        LLM_MODEL: "qwen2.5:7b",
        LLM_BASE_URL: "http://localhost:11434/v1",
      }),
    ).toEqual({
      provider: "openai-compatible",
      model: "qwen2.5:7b",
      baseUrl: "http://localhost:11434/v1",
    });
  });

  it("is null when a hosted provider has no API key, as /health reports it offline", () => {
    expect(installationProviderConfig({ ...unset, LLM_PROVIDER: "openai" })).toBeNull();
  });
});

describe("providerConfigSchema", () => {
  it("requires a key for hosted providers only", () => {
    expect(
      providerConfigSchema.safeParse({ provider: "openai", model: "gpt-5.4-mini" }).success,
    ).toBe(false);
    expect(
      providerConfigSchema.safeParse({ provider: "openai-compatible", model: "llama3.1" }).success,
    ).toBe(true);
  });

  it("refuses unknown providers, empty models and non-HTTP base URLs", () => {
    for (const bad of [
      { provider: "gemini", model: "x", apiKey: "k" },
      { provider: "openai", model: " ", apiKey: "k" },
      { provider: "openai-compatible", model: "m", baseUrl: "file:///etc/passwd" },
      { provider: "openai-compatible", model: "m", baseUrl: "not a url" },
    ]) {
      expect(providerConfigSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("lists every provider once with a default model", () => {
    expect(SUPPORTED_PROVIDERS.map((p) => p.id).sort()).toEqual(
      ["anthropic", "openai", "openai-compatible"].sort(),
    );
    for (const p of SUPPORTED_PROVIDERS) expect(p.defaultModel).not.toBe("");
  });
});
