import {
  campaignSchema,
  createdCampaignSchema,
  createCampaignInput,
  listCampaignsQuery,
} from "@/lib/campaigns/campaign-schemas";
import { createCampaign, listCampaigns } from "@/lib/campaigns/campaigns";
import { listSchema } from "@/lib/http/pagination";
import { created, listResponse } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// GET /api/v1/campaigns — the organization's campaigns (search, status, owner)
export const GET = route(
  {
    summary: "List campaigns",
    tags: ["Campaigns"],
    auth: "campaigns:read",
    query: listCampaignsQuery,
    responses: { 200: { description: "A page of campaigns", schema: listSchema(campaignSchema) } },
  },
  async ({ ctx, query }) => listResponse(await listCampaigns(ctx, query)),
);

// POST /api/v1/campaigns — create a draft campaign (owned by the caller unless ownerId is given)
export const POST = route(
  {
    summary: "Create a campaign",
    tags: ["Campaigns"],
    auth: "campaigns:write",
    body: createCampaignInput,
    responses: { 201: { description: "Created (draft)", schema: createdCampaignSchema } },
  },
  async ({ ctx, body }) => {
    const campaign = await createCampaign(ctx, body);
    return created(campaign, `/api/v1/campaigns/${campaign.id}`);
  },
);
