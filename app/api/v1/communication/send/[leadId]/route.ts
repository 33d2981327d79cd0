import { z } from "zod";
import { sendMessageInput, sentMessageSchema } from "@/lib/communication/send-schemas";
import { sendToLead } from "@/lib/communication/send-to-lead";
import { created } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// POST /api/v1/communication/send/{leadId} — a message to a lead on email, SMS, WhatsApp, Telegram or voice
export const POST = route(
  {
    summary: "Send a message to a lead",
    description:
      "Sent through the organization's provider for the channel and recorded on the lead's " +
      "conversation. A channel that isn't set up is a 422 channel_not_configured; a lead who " +
      "declined the channel, is do-not-contact, unsubscribed (email) or has no address there " +
      "is a 422 naming why (consent_denied, do_not_contact, unsubscribed, no_channel_address).",
    tags: ["Communication"],
    auth: "conversations:write",
    params: z.object({ leadId: z.uuid() }),
    body: sendMessageInput,
    responses: {
      201: { description: "Sent (or, for email, queued)", schema: sentMessageSchema },
      422: { description: "The channel can't be used for this lead; nothing was sent" },
      502: { description: "The provider refused the message" },
    },
  },
  async ({ ctx, params, body }) => created(await sendToLead(ctx, params.leadId, body)),
);
