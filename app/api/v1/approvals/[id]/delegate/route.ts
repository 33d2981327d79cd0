import { approvalSchema, delegateInput } from "@/lib/approvals/approval-schemas";
import { delegateApproval } from "@/lib/approvals/decide-approval";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// POST /api/v1/approvals/{id}/delegate — hand the decision to another approver
export const POST = route(
  {
    summary: "Delegate an approval",
    description:
      "To an active member who may approve (manager, admin or owner); they are notified and become its assignee.",
    tags: ["Approvals"],
    auth: "approvals:decide",
    params: idParams,
    body: delegateInput,
    responses: { 200: { description: "The approval", schema: approvalSchema } },
  },
  ({ ctx, params, body }) => delegateApproval(ctx, params.id, body),
);
