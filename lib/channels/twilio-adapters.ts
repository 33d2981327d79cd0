import twilio from "twilio";
import type { ChannelAdapter } from "./channel-adapter";
import { providerError } from "./provider-error";
import { twilioClient, type TwilioCredentials } from "./twilio-client";

/** Twilio's per-message limit (longer bodies are refused by the API). */
export const TWILIO_MAX_BODY = 1600;

export interface TwilioSenders {
  smsNumber?: string | null;
  whatsappNumber?: string | null;
  voiceNumber?: string | null;
}

const whatsapp = (number: string) =>
  number.startsWith("whatsapp:") ? number : `whatsapp:${number}`;

/** SMS through Twilio's Messages API, from the organization's SMS number. */
export function twilioSmsAdapter(credentials: TwilioCredentials, from: string): ChannelAdapter {
  return {
    channel: "sms",
    async send(_context, message) {
      try {
        const sent = await twilioClient(credentials).messages.create({
          to: message.to,
          from,
          body: message.body,
        });
        return { externalId: sent.sid, status: "sent", fromAddress: from };
      } catch (error) {
        throw providerError("Twilio", error);
      }
    },
  };
}

/** WhatsApp through the same Messages API: both addresses carry the whatsapp: prefix. */
export function twilioWhatsappAdapter(
  credentials: TwilioCredentials,
  from: string,
): ChannelAdapter {
  return {
    channel: "whatsapp",
    async send(_context, message) {
      try {
        const sent = await twilioClient(credentials).messages.create({
          to: whatsapp(message.to),
          from: whatsapp(from),
          body: message.body,
        });
        return { externalId: sent.sid, status: "sent", fromAddress: whatsapp(from) };
      } catch (error) {
        throw providerError("Twilio", error);
      }
    },
  };
}

/** The TwiML of a call that reads the message out once and hangs up. */
export function sayTwiml(body: string): string {
  const response = new twilio.twiml.VoiceResponse();
  response.say(body);
  return response.toString();
}

/** A voice call that speaks the body (TwiML <Say>), from the organization's voice number. */
export function twilioVoiceAdapter(credentials: TwilioCredentials, from: string): ChannelAdapter {
  return {
    channel: "voice",
    async send(_context, message) {
      try {
        const call = await twilioClient(credentials).calls.create({
          to: message.to,
          from,
          twiml: sayTwiml(message.body),
        });
        return { externalId: call.sid, status: "sent", fromAddress: from };
      } catch (error) {
        throw providerError("Twilio", error);
      }
    },
  };
}
