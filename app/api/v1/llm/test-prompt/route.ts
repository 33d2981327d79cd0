import { testPrompt } from "@/lib/ai/llm-test-prompt";
import { testPromptInput, testPromptResultSchema } from "@/lib/ai/llm-settings-schemas";
import { route } from "@/lib/http/route";

// POST /api/v1/llm/test-prompt — a raw prompt to the organization's model, its raw answer
export const POST = route(
  {
    summary: "Send a test prompt to the AI provider",
    tags: ["AI"],
    auth: "ai_settings:write",
    body: testPromptInput,
    responses: {
      200: { description: "The answer, latency and tokens", schema: testPromptResultSchema },
      422: { description: "Offline mode: no provider, or the budget is used up" },
      502: { description: "The provider failed (kind: timeout, provider_error, malformed_output)" },
    },
  },
  ({ ctx, body }) => testPrompt(ctx, body),
);
