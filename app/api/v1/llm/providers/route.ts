import { getLlmProviders, updateLlmProviders } from "@/lib/ai/llm-settings";
import { llmProvidersSchema, updateLlmProvidersInput } from "@/lib/ai/llm-settings-schemas";
import { route } from "@/lib/http/route";

// GET /api/v1/llm/providers — the providers, which one is active, the budget (never the keys)
export const GET = route(
  {
    summary: "AI providers and the active one",
    tags: ["AI"],
    auth: "ai_settings:read",
    responses: { 200: { description: "The AI settings", schema: llmProvidersSchema } },
  },
  ({ ctx }) => getLlmProviders(ctx),
);

// PATCH /api/v1/llm/providers — switch provider/model, set credentials, budget, review threshold
export const PATCH = route(
  {
    summary: "Update the AI provider settings",
    tags: ["AI"],
    auth: "ai_settings:write",
    body: updateLlmProvidersInput,
    responses: { 200: { description: "The AI settings", schema: llmProvidersSchema } },
  },
  ({ ctx, body }) => updateLlmProviders(ctx, body),
);
