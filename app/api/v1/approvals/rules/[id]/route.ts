import { deleteApprovalRule, replaceApprovalRule } from "@/lib/approvals/approval-rules";
import { approvalRuleInput, approvalRuleSchema } from "@/lib/approvals/approval-schemas";
import { idParams } from "@/lib/http/params";
import { noContent } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// PUT /api/v1/approvals/rules/{id} — replace an approval rule
export const PUT = route(
  {
    summary: "Replace an approval rule",
    description: "Messages already held under it keep their reason, approver and deadline.",
    tags: ["Approvals"],
    auth: "approvals:rules",
    params: idParams,
    body: approvalRuleInput,
    responses: { 200: { description: "The rule", schema: approvalRuleSchema } },
  },
  ({ ctx, params, body }) => replaceApprovalRule(ctx, params.id, body),
);

// DELETE /api/v1/approvals/rules/{id} — delete an approval rule
export const DELETE = route(
  {
    summary: "Delete an approval rule",
    description: "Messages already held under it stay in the queue.",
    tags: ["Approvals"],
    auth: "approvals:rules",
    params: idParams,
    responses: { 204: { description: "Deleted" } },
  },
  async ({ ctx, params }) => {
    await deleteApprovalRule(ctx, params.id);
    return noContent();
  },
);
