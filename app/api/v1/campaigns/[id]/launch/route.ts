import { campaignSchema } from "@/lib/campaigns/campaign-schemas";
import { launchCampaign } from "@/lib/campaigns/lifecycle";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// POST /api/v1/campaigns/{id}/launch — draft or scheduled → active now; sending fans out in the background
export const POST = route(
  {
    summary: "Launch a campaign",
    tags: ["Campaigns"],
    auth: "campaigns:write",
    params: idParams,
    responses: {
      200: { description: "The campaign", schema: campaignSchema },
      409: { description: "Not possible in the campaign's current status (campaignStatus)" },
      422: { description: "No steps, no recipients, an email that won't render, or no mailbox" },
    },
  },
  ({ ctx, params }) => launchCampaign(ctx, params.id),
);
