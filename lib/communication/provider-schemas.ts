import { z } from "zod";
import { CHANNELS, COMMUNICATION_PROVIDERS } from "@/db/schema";

export const e164 = z
  .string()
  .trim()
  .regex(/^\+[1-9]\d{6,14}$/, "An international number in E.164 form, e.g. +14155550100");

export const providerParams = z.strictObject({
  provider: z.enum(COMMUNICATION_PROVIDERS).meta({ description: "twilio or telegram" }),
});

/**
 * One body for both providers (fields of the other provider are refused by the domain function):
 * secrets are write-only — given to change them, left out to keep them.
 */
export const updateChannelProviderInput = z
  .strictObject({
    enabled: z.boolean().optional(),
    accountSid: z
      .string()
      .trim()
      .regex(/^AC[0-9a-fA-F]{32}$/, "A Twilio account SID: AC followed by 32 hex digits")
      .optional(),
    authToken: z.string().trim().min(16, "The Twilio auth token").max(200).optional(),
    smsNumber: e164.nullable().optional(),
    whatsappNumber: e164.nullable().optional(),
    voiceNumber: e164.nullable().optional(),
    botToken: z
      .string()
      .trim()
      .regex(/^\d{3,20}:[A-Za-z0-9_-]{20,100}$/, "A bot token from @BotFather, like 123456:ABC…")
      .optional(),
    botUsername: z
      .string()
      .trim()
      .regex(/^@?[A-Za-z][A-Za-z0-9_]{3,31}$/, "The bot's username")
      .nullable()
      .optional(),
    registerWebhook: z.boolean().optional().meta({
      description:
        "Telegram: point the bot's webhook at this installation (needs a public HTTPS APP_URL)",
    }),
  })
  .meta({ id: "UpdateChannelProviderInput" });
export type UpdateChannelProviderInput = z.infer<typeof updateChannelProviderInput>;

const twilioSettings = z.object({
  configured: z.boolean().meta({ description: "Account SID and auth token are stored" }),
  enabled: z.boolean(),
  accountSid: z.string().nullable(),
  smsNumber: z.string().nullable(),
  whatsappNumber: z.string().nullable(),
  voiceNumber: z.string().nullable(),
  webhookUrl: z.string().meta({ description: "Set as the numbers' messaging webhook in Twilio" }),
  updatedAt: z.string().nullable(),
});

const telegramSettings = z.object({
  configured: z.boolean().meta({ description: "A bot token is stored" }),
  enabled: z.boolean(),
  botUsername: z.string().nullable(),
  webhookUrl: z.string(),
  webhookRegistered: z.boolean(),
  webhookError: z.string().nullable(),
  updatedAt: z.string().nullable(),
});

export const channelSettingsSchema = z
  .object({
    twilio: twilioSettings,
    telegram: telegramSettings,
    channels: z.array(
      z.object({
        channel: z.enum(CHANNELS),
        provider: z.enum(["mail", ...COMMUNICATION_PROVIDERS]),
        ready: z.boolean().meta({ description: "Enabled for the organization and set up" }),
        reason: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "ChannelSettings" });
export type ChannelSettings = z.infer<typeof channelSettingsSchema>;
