import { conversationCountsSchema } from "@/lib/conversations/conversation-schemas";
import { conversationCounts } from "@/lib/conversations/list-conversations";
import { route } from "@/lib/http/route";

// GET /api/v1/conversations/counts — the inbox badges (unread, needs reply, unmatched)
export const GET = route(
  {
    summary: "Count unread and waiting conversations",
    tags: ["Conversations"],
    auth: "conversations:read",
    responses: { 200: { description: "Counts", schema: conversationCountsSchema } },
  },
  ({ ctx }) => conversationCounts(ctx),
);
