import {
  assignUnmatchedInput,
  conversationMessageSchema,
} from "@/lib/conversations/conversation-schemas";
import { assignUnmatchedMessage } from "@/lib/conversations/unmatched-messages";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// POST /api/v1/conversations/unmatched/{id}/assign — file an unmatched message under a lead
export const POST = route(
  {
    summary: "Assign an unmatched message to a lead",
    tags: ["Conversations"],
    auth: "conversations:write",
    params: idParams,
    body: assignUnmatchedInput,
    responses: {
      200: {
        description: "The message, now in the lead's conversation",
        schema: conversationMessageSchema,
      },
    },
  },
  ({ ctx, params, body }) => assignUnmatchedMessage(ctx, params.id, body),
);
