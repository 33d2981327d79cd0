import { takeOverConversation } from "@/lib/conversations/conversation-actions";
import { conversationDetailSchema, takeOverInput } from "@/lib/conversations/conversation-schemas";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// POST /api/v1/conversations/{id}/takeover — a rep takes over: no automated message goes out
export const POST = route(
  {
    summary: "Take a conversation over from automation",
    tags: ["Conversations"],
    auth: "conversations:write",
    params: idParams,
    body: takeOverInput.optional(),
    responses: {
      200: { description: "The conversation (mode manual)", schema: conversationDetailSchema },
    },
  },
  ({ ctx, params, body }) => takeOverConversation(ctx, params.id, body ?? {}),
);
