import { compareCampaigns } from "@/lib/analytics/campaigns/campaign-analytics";
import {
  campaignComparisonQuery,
  campaignComparisonSchema,
} from "@/lib/analytics/campaigns/campaign-analytics-schemas";
import { route } from "@/lib/http/route";

// GET /api/v1/analytics/campaigns/comparison?ids=a,b — campaigns side by side
export const GET = route(
  {
    summary: "Compare campaigns",
    description:
      "2–10 campaigns (`ids`, comma-separated) with the metrics of /analytics/campaigns side by side, and which is best at each rate (lowest for bounces and unsubscribes). An id of no campaign of the organization is a 404.",
    tags: ["Analytics"],
    auth: "analytics:read",
    query: campaignComparisonQuery,
    responses: {
      200: { description: "The campaigns compared", schema: campaignComparisonSchema },
    },
  },
  ({ ctx, query }) => compareCampaigns(ctx, query),
);
