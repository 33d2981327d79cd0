import { analyticsQuery } from "@/lib/analytics/analytics-filters";
import { getCampaignAnalytics } from "@/lib/analytics/campaigns/campaign-analytics";
import { campaignAnalyticsSchema } from "@/lib/analytics/campaigns/campaign-analytics-schemas";
import { route } from "@/lib/http/route";

// GET /api/v1/analytics/campaigns — every campaign of the period with its results
export const GET = route(
  {
    summary: "Campaign analytics",
    description:
      "Every campaign running in the period (or `campaignId`): recipients, sent, delivered, opened, clicked, replied, bounced, unsubscribed and their rates, meetings and won deals among recipients, cost, revenue and ROI — over the leads in the caller's scope (reps their own, managers their team's).",
    tags: ["Analytics"],
    auth: "analytics:read",
    query: analyticsQuery,
    responses: { 200: { description: "Campaigns and totals", schema: campaignAnalyticsSchema } },
  },
  ({ ctx, query }) => getCampaignAnalytics(ctx, query),
);
