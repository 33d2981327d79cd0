import { conversationMessageSchema } from "@/lib/conversations/conversation-schemas";
import { listUnmatchedMessages } from "@/lib/conversations/unmatched-messages";
import { listSchema, pageQuerySchema } from "@/lib/http/pagination";
import { route } from "@/lib/http/route";

// GET /api/v1/conversations/unmatched — inbound messages no lead was found for (never dropped)
export const GET = route(
  {
    summary: "List unmatched inbound messages",
    tags: ["Conversations"],
    auth: "conversations:read",
    query: pageQuerySchema.strict(),
    responses: { 200: { description: "Messages", schema: listSchema(conversationMessageSchema) } },
  },
  ({ ctx, query }) => listUnmatchedMessages(ctx, query),
);
