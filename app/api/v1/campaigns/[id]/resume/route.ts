import { campaignSchema } from "@/lib/campaigns/campaign-schemas";
import { resumeCampaign } from "@/lib/campaigns/lifecycle";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// POST /api/v1/campaigns/{id}/resume — paused → active; each lead continues at its next step
export const POST = route(
  {
    summary: "Resume a campaign",
    tags: ["Campaigns"],
    auth: "campaigns:write",
    params: idParams,
    responses: {
      200: { description: "The campaign", schema: campaignSchema },
      409: { description: "Not possible in the campaign's current status (campaignStatus)" },
      422: { description: "An email that won't render, or no mailbox" },
    },
  },
  ({ ctx, params }) => resumeCampaign(ctx, params.id),
);
