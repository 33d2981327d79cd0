import { testRuleInput, testRuleResult } from "@/lib/approvals/approval-schemas";
import { testApprovalRules } from "@/lib/approvals/test-approval-rules";
import { route } from "@/lib/http/route";

// POST /api/v1/approvals/rules/test — which rule would hold a message like this, and why
export const POST = route(
  {
    summary: "Test the approval rules",
    description:
      "A sample message context (campaign, AI-drafted, first message, positive reply — the last two read from `leadId` when omitted) → whether it would be held, by which rule, and each rule's verdict.",
    tags: ["Approvals"],
    auth: "approvals:read",
    body: testRuleInput,
    responses: { 200: { description: "The verdict", schema: testRuleResult } },
  },
  ({ ctx, body }) => testApprovalRules(ctx, body),
);
