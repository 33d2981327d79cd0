import { z } from "zod";
import { CHANNELS, CONSENT_STATES } from "@/db/schema";
import { e164 } from "./provider-schemas";

const channel = z.enum(CHANNELS);
const consentState = z.enum(CONSENT_STATES);

/** Consent per channel; channels left out keep what they had. */
const consentInput = z
  .strictObject(Object.fromEntries(CHANNELS.map((c) => [c, consentState.optional()])))
  .meta({
    description:
      "Per channel: granted, denied or unknown. On the organization: what is assumed for a lead " +
      "who hasn't said (denied = the channel needs the lead's explicit consent).",
  }) as z.ZodType<Partial<Record<(typeof CHANNELS)[number], (typeof CONSENT_STATES)[number]>>>;

const telegramChatId = z
  .string()
  .trim()
  .regex(/^-?\d{1,20}$/, "A Telegram chat id (digits)");

export const getPreferencesQuery = z
  .strictObject({
    leadId: z.uuid().optional().meta({ description: "Also the lead's own preferences" }),
  })
  .meta({ id: "GetCommunicationPreferencesQuery" });

const leadFields = {
  preferredChannel: channel.nullable().optional(),
  consent: consentInput.optional(),
  whatsappNumber: e164.nullable().optional(),
  telegramChatId: telegramChatId.nullable().optional(),
};

/** POST: a lead's preferences (created the first time). */
export const leadPreferencesInput = z
  .strictObject({ leadId: z.uuid(), ...leadFields })
  .meta({ id: "LeadCommunicationPreferencesInput" });

/**
 * PUT: without leadId the organization's defaults (channels reps may use, preferred channel,
 * assumed consent); with leadId that lead's preferences. Fields left out stay as they are.
 */
export const updatePreferencesInput = z
  .strictObject({
    leadId: z.uuid().optional(),
    enabledChannels: z
      .array(channel)
      .max(CHANNELS.length)
      .optional()
      .meta({ description: "Organization only: the channels anyone may send on" }),
    ...leadFields,
  })
  .meta({ id: "UpdateCommunicationPreferencesInput" });

export type LeadPreferencesInput = z.infer<typeof leadPreferencesInput>;
export type UpdatePreferencesInput = z.infer<typeof updatePreferencesInput>;

const consentOutput = z.record(z.string(), consentState);

export const organizationPreferencesSchema = z.object({
  preferredChannel: channel.nullable(),
  enabledChannels: z.array(channel),
  consent: consentOutput,
  updatedAt: z.string().nullable(),
});

export const leadChannelStatusSchema = z.object({
  channel,
  /** The lead's answer, or the organization's assumption when the lead hasn't said. */
  consent: consentState,
  address: z.string().nullable(),
  canSend: z.boolean(),
  /** Why not: the error code a send would get (channel_not_configured, consent_denied, …). */
  blockedBy: z.string().nullable(),
  reason: z.string().nullable(),
});

export const leadPreferencesSchema = z.object({
  leadId: z.uuid(),
  preferredChannel: channel.nullable(),
  consent: consentOutput,
  whatsappNumber: z.string().nullable(),
  telegramChatId: z.string().nullable(),
  updatedAt: z.string().nullable(),
  channels: z.array(leadChannelStatusSchema),
});

export const communicationPreferencesSchema = z
  .object({ organization: organizationPreferencesSchema, lead: leadPreferencesSchema.nullable() })
  .meta({ id: "CommunicationPreferences" });
export type CommunicationPreferences = z.infer<typeof communicationPreferencesSchema>;
