import { ruleIdParams, ruleSchema, toggleRuleInput } from "@/lib/auto-responder/rule-schemas";
import { toggleRule } from "@/lib/auto-responder/rules";
import { route } from "@/lib/http/route";

// PATCH /api/v1/auto-responder/rules/{id}/toggle — switch a rule on or off
export const PATCH = route(
  {
    summary: "Enable or disable an auto-responder rule",
    tags: ["Auto-responder"],
    auth: "auto_responder:write",
    params: ruleIdParams,
    body: toggleRuleInput,
    responses: { 200: { description: "The rule", schema: ruleSchema } },
  },
  ({ ctx, params, body }) => toggleRule(ctx, params.id, body.enabled),
);
