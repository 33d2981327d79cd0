import { analyticsQuery } from "@/lib/analytics/analytics-filters";
import { leadStatusResponseSchema } from "@/lib/analytics/lead-analytics-schemas";
import { getLeadStatus } from "@/lib/analytics/lead-breakdowns";
import { route } from "@/lib/http/route";

// GET /api/v1/analytics/leads/status — leads per status
export const GET = route(
  {
    summary: "Leads by status",
    description:
      "Per status in the organization's order: the leads created in the period that are in it now (`count`, `share`), and how many status changes into it the scoped leads made during the period (`entered`).",
    tags: ["Analytics"],
    auth: "analytics:read",
    query: analyticsQuery,
    responses: { 200: { description: "Leads per status", schema: leadStatusResponseSchema } },
  },
  ({ ctx, query }) => getLeadStatus(ctx, query),
);
