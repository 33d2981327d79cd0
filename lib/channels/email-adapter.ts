import { sendLeadEmail } from "@/lib/conversations/send-lead-email";
import type { ChannelAdapter } from "./channel-adapter";

/**
 * Email through the mail transports, by way of sendLeadEmail: it picks the mailbox, checks
 * suppressions, queues the mail and records it on the lead's conversation itself.
 */
export const emailAdapter: ChannelAdapter = {
  channel: "email",
  async send({ ctx, leadId }, message) {
    const sent = await sendLeadEmail(ctx, {
      leadId,
      subject: message.subject ?? undefined,
      text: message.body,
    });
    return {
      externalId: sent.emailMessageId,
      status: "queued",
      fromAddress: null,
      recorded: { messageId: sent.messageId, conversationId: sent.conversationId },
    };
  },
};
