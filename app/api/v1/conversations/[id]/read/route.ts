import { conversationDetailSchema } from "@/lib/conversations/conversation-schemas";
import { markConversationRead } from "@/lib/conversations/get-conversation";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// POST /api/v1/conversations/{id}/read — mark every message read
export const POST = route(
  {
    summary: "Mark a conversation read",
    tags: ["Conversations"],
    auth: "conversations:write",
    params: idParams,
    responses: { 200: { description: "The conversation", schema: conversationDetailSchema } },
  },
  ({ ctx, params }) => markConversationRead(ctx, params.id),
);
