import {
  listConversationsQuery,
  conversationSchema,
} from "@/lib/conversations/conversation-schemas";
import { listConversations } from "@/lib/conversations/list-conversations";
import { listSchema } from "@/lib/http/pagination";
import { route } from "@/lib/http/route";

// GET /api/v1/conversations — the unified inbox: one conversation per lead, latest first
export const GET = route(
  {
    summary: "List conversations",
    tags: ["Conversations"],
    auth: "conversations:read",
    query: listConversationsQuery,
    responses: { 200: { description: "Conversations", schema: listSchema(conversationSchema) } },
  },
  ({ ctx, query }) => listConversations(ctx, query),
);
