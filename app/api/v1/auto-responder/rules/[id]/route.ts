import { ruleIdParams, ruleInput, ruleSchema } from "@/lib/auto-responder/rule-schemas";
import { deleteRule, getRule, replaceRule } from "@/lib/auto-responder/rules";
import { route } from "@/lib/http/route";

// GET /api/v1/auto-responder/rules/{id} — one rule with its match count
export const GET = route(
  {
    summary: "Get an auto-responder rule",
    tags: ["Auto-responder"],
    auth: "auto_responder:read",
    params: ruleIdParams,
    responses: { 200: { description: "The rule", schema: ruleSchema } },
  },
  ({ ctx, params }) => getRule(ctx, params.id),
);

// PUT /api/v1/auto-responder/rules/{id} — replace a rule's settings (counters kept)
export const PUT = route(
  {
    summary: "Replace an auto-responder rule",
    description:
      "Everything but the match counters is replaced; the priority is kept when left out.",
    tags: ["Auto-responder"],
    auth: "auto_responder:write",
    params: ruleIdParams,
    body: ruleInput,
    responses: { 200: { description: "The rule", schema: ruleSchema } },
  },
  ({ ctx, params, body }) => replaceRule(ctx, params.id, body),
);

// DELETE /api/v1/auto-responder/rules/{id} — delete a rule (its run log is kept)
export const DELETE = route(
  {
    summary: "Delete an auto-responder rule",
    description: "The log of what the rule did stays, under the rule's name.",
    tags: ["Auto-responder"],
    auth: "auto_responder:write",
    params: ruleIdParams,
    responses: { 204: { description: "Deleted" } },
  },
  async ({ ctx, params }) => {
    await deleteRule(ctx, params.id);
  },
);
