import { approvalSchema, rejectInput } from "@/lib/approvals/approval-schemas";
import { rejectApproval } from "@/lib/approvals/decide-approval";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// POST /api/v1/approvals/{id}/reject — reject a held message
export const POST = route(
  {
    summary: "Reject a held message",
    description:
      "It is not sent; a campaign step is skipped and the sequence goes on with the next step. Deciding an approval that is not pending is a 409.",
    tags: ["Approvals"],
    auth: "approvals:decide",
    params: idParams,
    body: rejectInput,
    responses: { 200: { description: "The approval", schema: approvalSchema } },
  },
  ({ ctx, params, body }) => rejectApproval(ctx, params.id, body),
);
