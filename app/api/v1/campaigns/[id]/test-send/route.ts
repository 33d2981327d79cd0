import {
  campaignTestSendInput,
  campaignTestSendResultSchema,
  sendCampaignTestEmail,
} from "@/lib/campaigns/sequence/send-test-email";
import { idParams } from "@/lib/http/params";
import { accepted } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// POST /api/v1/campaigns/{id}/test-send — send a step, rendered as a real send, to the caller
export const POST = route(
  {
    summary: "Send a test of a campaign step",
    tags: ["Campaigns"],
    auth: "campaigns:test_send",
    params: idParams,
    body: campaignTestSendInput,
    responses: {
      202: {
        description: "Queued for delivery to the caller (see the outbox)",
        schema: campaignTestSendResultSchema,
      },
    },
  },
  async ({ ctx, params, body }) => accepted(await sendCampaignTestEmail(ctx, params.id, body)),
);
