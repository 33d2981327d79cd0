import { handBackConversation } from "@/lib/conversations/conversation-actions";
import { conversationDetailSchema } from "@/lib/conversations/conversation-schemas";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// POST /api/v1/conversations/{id}/handback — automation resumes from where each sequence stood
export const POST = route(
  {
    summary: "Hand a conversation back to automation",
    tags: ["Conversations"],
    auth: "conversations:write",
    params: idParams,
    responses: {
      200: { description: "The conversation (mode automated)", schema: conversationDetailSchema },
    },
  },
  ({ ctx, params }) => handBackConversation(ctx, params.id),
);
