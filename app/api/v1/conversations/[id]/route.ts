import { conversationDetailSchema } from "@/lib/conversations/conversation-schemas";
import { getConversation } from "@/lib/conversations/get-conversation";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// GET /api/v1/conversations/{id} — the conversation with its messages, oldest first
export const GET = route(
  {
    summary: "Get a conversation",
    tags: ["Conversations"],
    auth: "conversations:read",
    params: idParams,
    responses: { 200: { description: "The conversation", schema: conversationDetailSchema } },
  },
  ({ ctx, params }) => getConversation(ctx, params.id),
);
