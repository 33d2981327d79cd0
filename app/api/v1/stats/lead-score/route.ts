import { getLeadScoreStats } from "@/lib/analytics/lead-score";
import { leadScoreQuery, leadScoreResponseSchema } from "@/lib/analytics/stats-schemas";
import { route } from "@/lib/http/route";

// GET /api/v1/stats/lead-score — score distribution in buckets
export const GET = route(
  {
    summary: "Lead score distribution",
    description:
      "Scores of the leads created in the period in buckets of `bucketWidth` points (default 10): every bucket from 0 to 100 present, stretched to any score outside; with average and median score.",
    tags: ["Analytics"],
    auth: "analytics:read",
    query: leadScoreQuery,
    responses: { 200: { description: "The distribution", schema: leadScoreResponseSchema } },
  },
  ({ ctx, query }) => getLeadScoreStats(ctx, query),
);
