import { campaignStatsSchema, getCampaignStats } from "@/lib/campaigns/campaign-stats";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// GET /api/v1/campaigns/{id}/stats — counts and rates for the campaign, each step and variant
export const GET = route(
  {
    summary: "Campaign stats",
    tags: ["Campaigns"],
    auth: "campaigns:read",
    params: idParams,
    responses: { 200: { description: "Totals, steps and variants", schema: campaignStatsSchema } },
  },
  ({ ctx, params }) => getCampaignStats(ctx, params.id),
);
