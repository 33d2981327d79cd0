import { z } from "zod";
import { recipientParams } from "@/lib/campaigns/campaign-schemas";
import { cedeCampaignLead } from "@/lib/conversations/conversation-actions";
import { conversationDetailSchema } from "@/lib/conversations/conversation-schemas";
import { route } from "@/lib/http/route";

// POST /api/v1/campaigns/{id}/leads/{leadId}/cede — seed 001: hand back; automation resumes
export const POST = route(
  {
    summary: "Hand a campaign lead back to automation",
    tags: ["Conversations"],
    auth: "conversations:write",
    params: recipientParams,
    responses: {
      200: {
        description: "The conversation; the held sequence continues from its next step",
        schema: conversationDetailSchema.extend({ resumedSequences: z.number().int() }),
      },
    },
  },
  ({ ctx, params }) => cedeCampaignLead(ctx, params.id, params.leadId),
);
