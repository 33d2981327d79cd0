import { createApprovalRule, listApprovalRules } from "@/lib/approvals/approval-rules";
import { approvalRuleInput, approvalRuleSchema } from "@/lib/approvals/approval-schemas";
import { created } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { z } from "zod";

// GET /api/v1/approvals/rules — the approval policy, in the order rules are considered
export const GET = route(
  {
    summary: "List approval rules",
    description:
      "Lower priority first; when a message is checked, rules scoped to its campaign come before the organization's.",
    tags: ["Approvals"],
    auth: "approvals:read",
    responses: {
      200: { description: "Rules", schema: z.object({ data: z.array(approvalRuleSchema) }) },
    },
  },
  ({ ctx }) => listApprovalRules(ctx),
);

// POST /api/v1/approvals/rules — add an approval rule
export const POST = route(
  {
    summary: "Create an approval rule",
    tags: ["Approvals"],
    auth: "approvals:rules",
    body: approvalRuleInput,
    responses: { 201: { description: "The rule", schema: approvalRuleSchema } },
  },
  async ({ ctx, body }) => {
    const rule = await createApprovalRule(ctx, body);
    return created(rule, `/api/v1/approvals/rules/${rule.id}`);
  },
);
