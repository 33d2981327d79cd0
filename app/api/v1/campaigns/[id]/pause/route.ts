import { campaignSchema } from "@/lib/campaigns/campaign-schemas";
import { pauseCampaign } from "@/lib/campaigns/lifecycle";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// POST /api/v1/campaigns/{id}/pause — active or scheduled → paused; running sequences are cancelled
export const POST = route(
  {
    summary: "Pause a campaign",
    tags: ["Campaigns"],
    auth: "campaigns:write",
    params: idParams,
    responses: {
      200: { description: "The campaign", schema: campaignSchema },
      409: { description: "Not possible in the campaign's current status (campaignStatus)" },
    },
  },
  ({ ctx, params }) => pauseCampaign(ctx, params.id),
);
