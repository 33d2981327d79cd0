import { summarize } from "@/lib/lead-analysis/summarize";
import { summarizeInput, summarySchema } from "@/lib/lead-analysis/analysis-schemas";
import { route } from "@/lib/http/route";

// POST /api/v1/ai/summarize — summarise a text or a lead (nothing stored)
export const POST = route(
  {
    summary: "Summarise a text or a lead",
    description:
      "`{text}` → its key points; `{leadId}` → the lead, its history and conversation. By the organization's model, or offline (`mode: offline`): the text's key sentences, or the lead's facts.",
    tags: ["AI"],
    auth: "leads:read",
    body: summarizeInput,
    responses: { 200: { description: "The summary", schema: summarySchema } },
  },
  ({ ctx, body }) => summarize(ctx, body),
);
