import {
  campaignSchema,
  replaceCampaignInput,
  updateCampaignInput,
} from "@/lib/campaigns/campaign-schemas";
import { deleteCampaign, getCampaign, replaceCampaign } from "@/lib/campaigns/campaigns";
import { patchCampaign } from "@/lib/campaigns/patch-campaign";
import { idParams } from "@/lib/http/params";
import { noContent } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// GET /api/v1/campaigns/{id} — one campaign with its recipients counted by state
export const GET = route(
  {
    summary: "Get a campaign",
    tags: ["Campaigns"],
    auth: "campaigns:read",
    params: idParams,
    responses: { 200: { description: "The campaign", schema: campaignSchema } },
  },
  ({ ctx, params }) => getCampaign(ctx, params.id),
);

// PATCH /api/v1/campaigns/{id} — change some settings (steps already sent stay in place) or the status
export const PATCH = route(
  {
    summary: "Update a campaign",
    tags: ["Campaigns"],
    auth: "campaigns:write",
    params: idParams,
    body: updateCampaignInput,
    responses: {
      200: { description: "Updated", schema: campaignSchema },
      409: {
        description:
          "Would remove or reorder steps recipients were already sent, or a status change the campaign's status doesn't allow",
      },
      422: { description: "A mailbox, template or owner that isn't the organization's" },
    },
  },
  ({ ctx, params, body }) => patchCampaign(ctx, params.id, body),
);

// PUT /api/v1/campaigns/{id} — replace every setting (left-out ones take their defaults)
export const PUT = route(
  {
    summary: "Replace a campaign's settings",
    tags: ["Campaigns"],
    auth: "campaigns:write",
    params: idParams,
    body: replaceCampaignInput,
    responses: { 200: { description: "Replaced", schema: campaignSchema } },
  },
  ({ ctx, params, body }) => replaceCampaign(ctx, params.id, body),
);

// DELETE /api/v1/campaigns/{id} — delete a draft, completed or stopped campaign
export const DELETE = route(
  {
    summary: "Delete a campaign",
    tags: ["Campaigns"],
    auth: "campaigns:write",
    params: idParams,
    responses: {
      204: { description: "Deleted" },
      409: { description: "Active, paused or scheduled: stop it first" },
    },
  },
  async ({ ctx, params }) => {
    await deleteCampaign(ctx, params.id);
    return noContent();
  },
);
