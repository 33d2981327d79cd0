import { campaignSchema } from "@/lib/campaigns/campaign-schemas";
import { stopCampaign } from "@/lib/campaigns/lifecycle";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// POST /api/v1/campaigns/{id}/stop — active, paused or scheduled → stopped for good; live recipients removed
export const POST = route(
  {
    summary: "Stop a campaign",
    tags: ["Campaigns"],
    auth: "campaigns:write",
    params: idParams,
    responses: {
      200: { description: "The campaign", schema: campaignSchema },
      409: { description: "Not possible in the campaign's current status (campaignStatus)" },
    },
  },
  ({ ctx, params }) => stopCampaign(ctx, params.id),
);
