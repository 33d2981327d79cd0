import type { Channel } from "@/db/schema";
import type { ChannelAdapter } from "./channel-adapter";
import { emailAdapter } from "./email-adapter";
import { TELEGRAM_MAX_BODY, telegramAdapter } from "./telegram-adapter";
import {
  TWILIO_MAX_BODY,
  twilioSmsAdapter,
  twilioVoiceAdapter,
  twilioWhatsappAdapter,
} from "./twilio-adapters";

/** What an adapter is built from: the organization's unsealed provider settings. */
export interface ProviderAccounts {
  twilio?: {
    accountSid: string;
    authToken: string;
    smsNumber?: string | null;
    whatsappNumber?: string | null;
    voiceNumber?: string | null;
  };
  telegram?: { botToken: string; botUsername?: string | null };
}

/** The longest body each channel takes (a spoken call is kept to a couple of minutes). */
export const MAX_BODY: Record<Channel, number> = {
  email: 50_000,
  sms: TWILIO_MAX_BODY,
  whatsapp: TWILIO_MAX_BODY,
  voice: 2_000,
  telegram: TELEGRAM_MAX_BODY,
};

/**
 * The adapter for a channel, or null when the organization's accounts can't carry it (callers
 * check configuration first and answer channel_not_configured; this is the last guard).
 */
export function adapterFor(channel: Channel, accounts: ProviderAccounts): ChannelAdapter | null {
  const { twilio, telegram } = accounts;
  switch (channel) {
    case "email":
      return emailAdapter;
    case "sms":
      return twilio?.smsNumber ? twilioSmsAdapter(twilio, twilio.smsNumber) : null;
    case "whatsapp":
      return twilio?.whatsappNumber ? twilioWhatsappAdapter(twilio, twilio.whatsappNumber) : null;
    case "voice":
      return twilio?.voiceNumber ? twilioVoiceAdapter(twilio, twilio.voiceNumber) : null;
    case "telegram":
      return telegram ? telegramAdapter(telegram.botToken, telegram.botUsername) : null;
  }
}
