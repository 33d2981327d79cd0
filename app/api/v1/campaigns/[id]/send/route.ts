import { sendNowInput, sendNowResultSchema } from "@/lib/campaigns/campaign-schemas";
import { sendCampaignNow } from "@/lib/campaigns/lifecycle";
import { idParams } from "@/lib/http/params";
import { accepted } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// POST /api/v1/campaigns/{id}/send — send each live recipient's next step now (or these leads')
export const POST = route(
  {
    summary: "Send the next step now",
    tags: ["Campaigns"],
    auth: "campaigns:write",
    params: idParams,
    body: sendNowInput,
    responses: {
      202: { description: "Queued for sending", schema: sendNowResultSchema },
      409: { description: "The campaign isn't active (campaignStatus)" },
    },
  },
  async ({ ctx, params, body }) => accepted(await sendCampaignNow(ctx, params.id, body)),
);
