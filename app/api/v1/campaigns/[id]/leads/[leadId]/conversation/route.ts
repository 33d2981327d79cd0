import { recipientParams } from "@/lib/campaigns/campaign-schemas";
import { conversationDetailSchema } from "@/lib/conversations/conversation-schemas";
import { getCampaignLeadConversation } from "@/lib/conversations/get-conversation";
import { route } from "@/lib/http/route";

// GET /api/v1/campaigns/{id}/leads/{leadId}/conversation — seed 001: the lead's thread
export const GET = route(
  {
    summary: "Get a campaign lead's conversation",
    tags: ["Conversations"],
    auth: "conversations:read",
    params: recipientParams,
    responses: { 200: { description: "The conversation", schema: conversationDetailSchema } },
  },
  ({ ctx, params }) => getCampaignLeadConversation(ctx, params.id, params.leadId),
);
