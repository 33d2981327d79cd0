import { bulkAction, bulkActionInput, bulkResultSchema } from "@/lib/leads/bulk-actions";
import { route } from "@/lib/http/route";

// POST /api/v1/leads/bulk — change status, assign, tag, untag or delete many leads (ids or filter)
export const POST = route(
  {
    summary: "Bulk action on leads",
    tags: ["Leads"],
    auth: "leads:write",
    body: bulkActionInput,
    responses: { 200: { description: "How many leads changed", schema: bulkResultSchema } },
  },
  ({ ctx, body }) => bulkAction(ctx, body),
);
