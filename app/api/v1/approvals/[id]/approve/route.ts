import { approvalSchema, approveInput } from "@/lib/approvals/approval-schemas";
import { approveApproval } from "@/lib/approvals/decide-approval";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// POST /api/v1/approvals/{id}/approve — approve a held message, optionally edited
export const POST = route(
  {
    summary: "Approve a held message",
    description:
      "Optionally with an edited subject, HTML or text (tracked). The approved words are sent once: a campaign step by its waiting sequence, a reply by the approval job. Deciding an approval that is not pending is a 409.",
    tags: ["Approvals"],
    auth: "approvals:decide",
    params: idParams,
    body: approveInput,
    responses: { 200: { description: "The approval", schema: approvalSchema } },
  },
  ({ ctx, params, body }) => approveApproval(ctx, params.id, body),
);
