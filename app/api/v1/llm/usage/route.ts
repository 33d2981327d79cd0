import { llmUsageQuery, llmUsageSchema } from "@/lib/ai/llm-settings-schemas";
import { getLlmUsage } from "@/lib/ai/llm-usage";
import { route } from "@/lib/http/route";

// GET /api/v1/llm/usage — AI calls and tokens per purpose and per day (this month by default)
export const GET = route(
  {
    summary: "AI usage",
    tags: ["AI"],
    auth: "ai_settings:write",
    query: llmUsageQuery,
    responses: { 200: { description: "Usage totals", schema: llmUsageSchema } },
  },
  ({ ctx, query }) => getLlmUsage(ctx, query),
);
