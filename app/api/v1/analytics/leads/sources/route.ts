import { analyticsQuery } from "@/lib/analytics/analytics-filters";
import { leadSourcesResponseSchema } from "@/lib/analytics/lead-analytics-schemas";
import { getLeadSources } from "@/lib/analytics/lead-breakdowns";
import { route } from "@/lib/http/route";

// GET /api/v1/analytics/leads/sources — leads created per source with their outcomes
export const GET = route(
  {
    summary: "Leads by source",
    description:
      "Leads created in the period per source: share, contacted (ever had an outbound contact), qualified (ever reached the qualified status), won and lost now, win rate won ÷ (won + lost), conversion won ÷ count, and the won deals' value (organization currency; others in `byCurrency`). Sorted by count.",
    tags: ["Analytics"],
    auth: "analytics:read",
    query: analyticsQuery,
    responses: { 200: { description: "Leads per source", schema: leadSourcesResponseSchema } },
  },
  ({ ctx, query }) => getLeadSources(ctx, query),
);
