import { recipientParams } from "@/lib/campaigns/campaign-schemas";
import { sendCampaignLeadMessage } from "@/lib/conversations/conversation-actions";
import { conversationMessageSchema } from "@/lib/conversations/conversation-schemas";
import { sendLeadEmailInput } from "@/lib/conversations/send-lead-email";
import { created } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// POST /api/v1/campaigns/{id}/leads/{leadId}/messages — seed 001: a manual message halts automation
export const POST = route(
  {
    summary: "Send a manual message to a campaign lead",
    tags: ["Conversations"],
    auth: "conversations:write",
    params: recipientParams,
    body: sendLeadEmailInput,
    responses: {
      201: { description: "The message, queued", schema: conversationMessageSchema },
      422: { description: "The lead can't be emailed, or there is no mailbox" },
    },
  },
  async ({ ctx, params, body }) =>
    created(await sendCampaignLeadMessage(ctx, params.id, params.leadId, body)),
);
