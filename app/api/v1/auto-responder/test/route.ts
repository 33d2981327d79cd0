import { testRules, testRulesInput, testRulesResultSchema } from "@/lib/auto-responder/test-rules";
import { route } from "@/lib/http/route";

// POST /api/v1/auto-responder/test — what the rules would do with a sample reply (nothing runs)
export const POST = route(
  {
    summary: "Test the auto-responder rules",
    description:
      "Classifies the sample text with the organization's model (or offline; `mode` says which) unless a category is given, then shows for every rule whether it matches and why, the actions it would take and its template rendered for the lead. Nothing is stored, sent or changed.",
    tags: ["Auto-responder"],
    auth: "auto_responder:read",
    body: testRulesInput,
    responses: { 200: { description: "The dry run", schema: testRulesResultSchema } },
  },
  ({ ctx, body }) => testRules(ctx, body),
);
