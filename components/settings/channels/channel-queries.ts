import type { Channel } from "@/db/schema";
import type { CommunicationPreferences } from "@/lib/communication/preference-schemas";
import type { ChannelSettings } from "@/lib/communication/provider-schemas";
import { apiFetch } from "@/lib/client/api";

/** Query keys for the communication screens (settings and the lead's tab share them). */
export const channelKeys = {
  all: ["communication"] as const,
  settings: ["communication", "settings"] as const,
  preferences: (leadId?: string) =>
    ["communication", "preferences", leadId ?? "organization"] as const,
};

/** The channels in display order (the schema's list, kept out of the client bundle's imports). */
export const CHANNEL_LIST: readonly Channel[] = ["email", "sms", "whatsapp", "telegram", "voice"];

export const CHANNEL_LABELS: Record<Channel, string> = {
  email: "Email",
  sms: "SMS",
  whatsapp: "WhatsApp",
  telegram: "Telegram",
  voice: "Voice call",
};

export const fetchChannelSettings = (signal?: AbortSignal) =>
  apiFetch<ChannelSettings>("/settings/channels", { signal });

export const fetchPreferences = (leadId?: string, signal?: AbortSignal) =>
  apiFetch<CommunicationPreferences>("/communication/preferences", {
    query: { leadId },
    signal,
  });
