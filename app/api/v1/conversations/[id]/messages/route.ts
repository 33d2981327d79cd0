import { replyToConversation } from "@/lib/conversations/conversation-actions";
import { conversationMessageSchema } from "@/lib/conversations/conversation-schemas";
import { sendLeadEmailInput } from "@/lib/conversations/send-lead-email";
import { idParams } from "@/lib/http/params";
import { created } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// POST /api/v1/conversations/{id}/messages — a manual reply in the lead's mailbox thread
export const POST = route(
  {
    summary: "Reply in a conversation",
    description:
      "Sends an email from the thread's mailbox with the thread's subject and In-Reply-To. A rep writing by hand takes the conversation over: the lead's sequences are held until handed back.",
    tags: ["Conversations"],
    auth: "conversations:write",
    params: idParams,
    body: sendLeadEmailInput,
    responses: {
      201: { description: "The message, queued", schema: conversationMessageSchema },
      422: {
        description:
          "The lead can't be emailed (no address, do not contact, unsubscribed) or there is no mailbox",
      },
    },
  },
  async ({ ctx, params, body }) => created(await replyToConversation(ctx, params.id, body)),
);
