import { getLeadStats, leadStatsQuery, leadStatsSchema } from "@/lib/leads/lead-stats";
import { route } from "@/lib/http/route";

// GET /api/v1/leads/stats — counts by status, source, owner, temperature, score; funnel; per day
export const GET = route(
  {
    summary: "Lead statistics",
    tags: ["Leads"],
    auth: "leads:read",
    query: leadStatsQuery,
    responses: {
      200: { description: "Counts over the leads the caller can see", schema: leadStatsSchema },
    },
  },
  ({ ctx, query }) => getLeadStats(ctx, query),
);
