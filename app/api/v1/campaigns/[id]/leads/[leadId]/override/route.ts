import { z } from "zod";
import { recipientParams } from "@/lib/campaigns/campaign-schemas";
import { overrideCampaignLead } from "@/lib/conversations/conversation-actions";
import { conversationDetailSchema, takeOverInput } from "@/lib/conversations/conversation-schemas";
import { route } from "@/lib/http/route";

// POST /api/v1/campaigns/{id}/leads/{leadId}/override — seed 001: the rep takes control
export const POST = route(
  {
    summary: "Take control of a campaign lead",
    tags: ["Conversations"],
    auth: "conversations:write",
    params: recipientParams,
    body: takeOverInput.optional(),
    responses: {
      200: {
        description:
          "The conversation; the lead's sequence in this campaign is held (state manual)",
        schema: conversationDetailSchema.extend({ heldSequences: z.number().int() }),
      },
    },
  },
  ({ ctx, params, body }) => overrideCampaignLead(ctx, params.id, params.leadId, body ?? {}),
);
