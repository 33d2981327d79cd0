import { batchLeads, batchLeadsInput, batchResultSchema } from "@/lib/leads/batch-leads";
import { route } from "@/lib/http/route";

// POST /api/v1/leads/batch — create (or upsert) up to 1,000 leads, with a result per item
export const POST = route(
  {
    summary: "Create leads in bulk",
    tags: ["Leads"],
    auth: "leads:write",
    body: batchLeadsInput,
    maxBodyBytes: 5 * 1024 * 1024,
    responses: { 200: { description: "Per-item results", schema: batchResultSchema } },
  },
  ({ ctx, body }) => batchLeads(ctx, body),
);
