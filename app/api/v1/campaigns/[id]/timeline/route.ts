import {
  campaignTimelineQuery,
  campaignTimelineSchema,
  getCampaignTimeline,
} from "@/lib/campaigns/campaign-timeline";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// GET /api/v1/campaigns/{id}/timeline?bucket=hour|day&from&to — outcomes per hour or day
export const GET = route(
  {
    summary: "Campaign timeline",
    tags: ["Campaigns"],
    auth: "campaigns:read",
    params: idParams,
    query: campaignTimelineQuery,
    responses: { 200: { description: "Zero-filled buckets", schema: campaignTimelineSchema } },
  },
  ({ ctx, params, query }) => getCampaignTimeline(ctx, params.id, query),
);
