import { analyticsQuery } from "@/lib/analytics/analytics-filters";
import { getCampaignsAnalyticsSummary } from "@/lib/analytics/campaigns/campaign-analytics";
import { campaignsAnalyticsSummarySchema } from "@/lib/analytics/campaigns/campaign-analytics-schemas";
import { route } from "@/lib/http/route";

// GET /api/v1/campaigns/analytics — seed 001: stats across all campaigns for a date range
export const GET = route(
  {
    summary: "Campaign totals",
    description:
      "The organization's campaign totals for the period and each campaign's numbers (as /analytics/campaigns), over the leads in the caller's scope.",
    tags: ["Campaigns", "Analytics"],
    auth: "analytics:read",
    query: analyticsQuery,
    responses: {
      200: { description: "Totals and campaigns", schema: campaignsAnalyticsSummarySchema },
    },
  },
  ({ ctx, query }) => getCampaignsAnalyticsSummary(ctx, query),
);
