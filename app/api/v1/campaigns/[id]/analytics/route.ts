import { campaignStatsSchema, getCampaignStats } from "@/lib/campaigns/campaign-stats";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// GET /api/v1/campaigns/{id}/analytics — seed 001's name for the campaign's stats (same answer)
export const GET = route(
  {
    summary: "Campaign analytics (same as /stats)",
    tags: ["Campaigns"],
    auth: "campaigns:read",
    params: idParams,
    responses: {
      200: {
        description: "Open, click and reply rates, qualified leads, per step and variant",
        schema: campaignStatsSchema,
      },
    },
  },
  ({ ctx, params }) => getCampaignStats(ctx, params.id),
);
