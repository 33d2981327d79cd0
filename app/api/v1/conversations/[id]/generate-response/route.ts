import { conversationDraftInput, draftSchema } from "@/lib/ai/drafting/draft-schemas";
import { draftConversationReply } from "@/lib/ai/drafting/generate-draft";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// POST /api/v1/conversations/{id}/generate-response — draft a reply to the lead's latest message
export const POST = route(
  {
    summary: "Draft a reply in a conversation",
    description:
      "A full reply to the lead's latest message in this conversation, written by the organization's model from the thread, the message's classification, the lead and the product context — or offline from a fitting template or a built-in reply for the category (`mode: offline`). Nothing is sent.",
    tags: ["AI", "Conversations"],
    auth: "conversations:write",
    params: idParams,
    body: conversationDraftInput.optional(),
    responses: {
      200: { description: "The draft reply", schema: draftSchema },
      422: { description: "The lead has sent no message in this conversation" },
    },
  },
  ({ ctx, params, body }) => draftConversationReply(ctx, params.id, body ?? {}),
);
