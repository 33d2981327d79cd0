import { campaignSchema, scheduleCampaignInput } from "@/lib/campaigns/campaign-schemas";
import { scheduleCampaign } from "@/lib/campaigns/lifecycle";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// POST /api/v1/campaigns/{id}/schedule — start a draft (or re-time a scheduled one) at startAt
export const POST = route(
  {
    summary: "Schedule a campaign",
    tags: ["Campaigns"],
    auth: "campaigns:write",
    params: idParams,
    body: scheduleCampaignInput,
    responses: {
      200: { description: "The campaign, now scheduled", schema: campaignSchema },
      409: { description: "Not a draft or scheduled campaign (campaignStatus)" },
      422: { description: "startAt not in the future, or the campaign can't send yet" },
    },
  },
  ({ ctx, params, body }) => scheduleCampaign(ctx, params.id, body),
);
