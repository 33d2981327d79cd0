import { getChannelSettings } from "@/lib/communication/channel-providers";
import { channelSettingsSchema } from "@/lib/communication/provider-schemas";
import { route } from "@/lib/http/route";

// GET /api/v1/settings/channels — Twilio and Telegram settings (never secrets) and which channels are ready
export const GET = route(
  {
    summary: "Channel settings",
    tags: ["Communication"],
    auth: "organization:read",
    responses: { 200: { description: "The settings", schema: channelSettingsSchema } },
  },
  ({ ctx }) => getChannelSettings(ctx),
);
