import { toggleApprovalRule } from "@/lib/approvals/approval-rules";
import { approvalRuleSchema, toggleRuleInput } from "@/lib/approvals/approval-schemas";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// PATCH /api/v1/approvals/rules/{id}/toggle — switch a rule on or off
export const PATCH = route(
  {
    summary: "Enable or disable an approval rule",
    description: "With `enabled` set to that state; with an empty body, flipped.",
    tags: ["Approvals"],
    auth: "approvals:rules",
    params: idParams,
    body: toggleRuleInput,
    responses: { 200: { description: "The rule", schema: approvalRuleSchema } },
  },
  ({ ctx, params, body }) => toggleApprovalRule(ctx, params.id, body),
);
