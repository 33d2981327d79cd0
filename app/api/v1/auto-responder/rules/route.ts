import { listRulesQuery, ruleInput, ruleSchema } from "@/lib/auto-responder/rule-schemas";
import { createRule, listRules } from "@/lib/auto-responder/rules";
import { listSchema } from "@/lib/http/pagination";
import { created, listResponse } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// GET /api/v1/auto-responder/rules — the organization's rules in the order they are tried
export const GET = route(
  {
    summary: "List auto-responder rules",
    description: "Rules by ascending priority (the order they are tried on a classified reply).",
    tags: ["Auto-responder"],
    auth: "auto_responder:read",
    query: listRulesQuery,
    responses: { 200: { description: "Rules", schema: listSchema(ruleSchema) } },
  },
  async ({ ctx, query }) => listResponse(await listRules(ctx, query)),
);

// POST /api/v1/auto-responder/rules — create a rule (admins and managers)
export const POST = route(
  {
    summary: "Create an auto-responder rule",
    description:
      "When a classified reply matches the conditions (category, campaign, keywords, lead fields, minimum confidence), the actions run: send a template (through approval when the policy says so), notify, set status or owner, add tags. Without a priority the rule goes last.",
    tags: ["Auto-responder"],
    auth: "auto_responder:write",
    body: ruleInput,
    responses: { 201: { description: "Created", schema: ruleSchema } },
  },
  async ({ ctx, body }) => {
    const rule = await createRule(ctx, body);
    return created(rule, `/api/v1/auto-responder/rules/${rule.id}`);
  },
);
