import type { Channel } from "@/db/schema";
import type { Ctx } from "@/lib/context";

/** What is said: the body always, a subject where the channel has one (email). */
export interface OutboundText {
  /** The channel address: a phone number, a WhatsApp number, a Telegram chat id, an email. */
  to: string;
  body: string;
  subject?: string | null;
}

/** Who sends and to which lead: email goes through the lead's conversation machinery itself. */
export interface SendContext {
  ctx: Ctx;
  leadId: string;
}

export interface SendResult {
  /** The provider's id for the message: Twilio SID, Telegram message id, email message id. */
  externalId: string;
  status: "queued" | "sent";
  /** The sender's address on this channel (number, bot), recorded on the conversation. */
  fromAddress: string | null;
  /** Set when the adapter already recorded the message on the conversation (email does). */
  recorded?: { messageId: string; conversationId: string };
}

/**
 * One interface for every channel, so sending, bulk sending and tests treat email, SMS,
 * WhatsApp, voice and Telegram alike. A provider refusing the message throws
 * AppError("provider_error"); nothing is ever reported as sent that wasn't accepted.
 */
export interface ChannelAdapter {
  channel: Channel;
  send(context: SendContext, message: OutboundText): Promise<SendResult>;
}
