import { approvalStatsSchema } from "@/lib/approvals/approval-schemas";
import { approvalStats } from "@/lib/approvals/approval-stats";
import { route } from "@/lib/http/route";

// GET /api/v1/approvals/stats — pending, urgent, decided counts and the median decision time
export const GET = route(
  {
    summary: "Approval queue stats",
    description:
      "Over the leads the caller may see: pending, urgent, sent back for changes, approved, rejected, expired, and the median seconds from submission to decision.",
    tags: ["Approvals"],
    auth: "approvals:read",
    responses: { 200: { description: "Stats", schema: approvalStatsSchema } },
  },
  ({ ctx }) => approvalStats(ctx),
);
