import { approvalSchema, requestChangesInput } from "@/lib/approvals/approval-schemas";
import { requestApprovalChanges } from "@/lib/approvals/decide-approval";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// POST /api/v1/approvals/{id}/request-changes — send a held message back to the lead's owner
export const POST = route(
  {
    summary: "Request changes",
    description:
      "The lead's owner is notified, edits it (PATCH /approvals/{id}) and it returns to the queue. Meanwhile its deadline still runs.",
    tags: ["Approvals"],
    auth: "approvals:decide",
    params: idParams,
    body: requestChangesInput,
    responses: { 200: { description: "The approval", schema: approvalSchema } },
  },
  ({ ctx, params, body }) => requestApprovalChanges(ctx, params.id, body),
);
