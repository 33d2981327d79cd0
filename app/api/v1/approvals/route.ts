import {
  approvalSchema,
  approvalStatsSchema,
  listApprovalsQuery,
} from "@/lib/approvals/approval-schemas";
import { listApprovals } from "@/lib/approvals/list-approvals";
import { listSchema } from "@/lib/http/pagination";
import { listResponse } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// GET /api/v1/approvals — the approval queue (or its history), with the queue's stats
export const GET = route(
  {
    summary: "List approvals",
    description:
      "Messages held for approval among leads the caller may see: `status=pending` (default; waiting, including those sent back for changes, soonest due first) or `history` (approved, rejected, expired; newest first). Filter `urgent=true` (positive leads or due within 4 hours) and `assignee=me`. Keyset pagination via `cursor`. The body also carries `stats`.",
    tags: ["Approvals"],
    auth: "approvals:read",
    query: listApprovalsQuery,
    responses: {
      200: {
        description: "A page of approvals and the queue's stats",
        schema: listSchema(approvalSchema).extend({ stats: approvalStatsSchema }),
      },
    },
  },
  async ({ ctx, query }) => {
    const page = await listApprovals(ctx, query);
    return listResponse(page);
  },
);
