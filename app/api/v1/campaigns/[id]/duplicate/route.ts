import { campaignSchema } from "@/lib/campaigns/campaign-schemas";
import { duplicateCampaign } from "@/lib/campaigns/campaigns";
import { idParams } from "@/lib/http/params";
import { created } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// POST /api/v1/campaigns/{id}/duplicate — copy as a draft "<name> (copy)" without recipients
export const POST = route(
  {
    summary: "Duplicate a campaign",
    tags: ["Campaigns"],
    auth: "campaigns:write",
    params: idParams,
    responses: { 201: { description: "The copy (draft)", schema: campaignSchema } },
  },
  async ({ ctx, params }) => {
    const copy = await duplicateCampaign(ctx, params.id);
    return created(copy, `/api/v1/campaigns/${copy.id}`);
  },
);
