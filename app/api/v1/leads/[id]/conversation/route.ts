import { conversationDetailSchema } from "@/lib/conversations/conversation-schemas";
import { getLeadConversation } from "@/lib/conversations/get-conversation";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// GET /api/v1/leads/{id}/conversation — the lead's conversation, every channel
export const GET = route(
  {
    summary: "Get a lead's conversation",
    tags: ["Conversations"],
    auth: "conversations:read",
    params: idParams,
    responses: { 200: { description: "The conversation", schema: conversationDetailSchema } },
  },
  ({ ctx, params }) => getLeadConversation(ctx, params.id),
);
