import {
  deleteChannelProvider,
  updateChannelProvider,
} from "@/lib/communication/channel-providers";
import {
  channelSettingsSchema,
  providerParams,
  updateChannelProviderInput,
} from "@/lib/communication/provider-schemas";
import { noContent } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// PUT /api/v1/settings/channels/{provider} — set up Twilio or Telegram (credentials sealed at rest)
export const PUT = route(
  {
    summary: "Set up a channel provider",
    description:
      "twilio: accountSid, authToken and the SMS, WhatsApp and voice numbers; telegram: botToken " +
      "and botUsername. Secrets are write-only: leave them out to keep the stored ones.",
    tags: ["Communication"],
    auth: "organization:write",
    params: providerParams,
    body: updateChannelProviderInput,
    responses: { 200: { description: "The settings", schema: channelSettingsSchema } },
  },
  ({ ctx, params, body }) => updateChannelProvider(ctx, params.provider, body),
);

// DELETE /api/v1/settings/channels/{provider} — forget a provider and its credentials
export const DELETE = route(
  {
    summary: "Remove a channel provider",
    tags: ["Communication"],
    auth: "organization:write",
    params: providerParams,
    responses: { 204: { description: "Removed" } },
  },
  async ({ ctx, params }) => {
    await deleteChannelProvider(ctx, params.provider);
    return noContent();
  },
);
