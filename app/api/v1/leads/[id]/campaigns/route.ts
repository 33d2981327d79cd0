import { leadCampaignsSchema, listLeadCampaigns } from "@/lib/campaigns/lead-campaigns";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// GET /api/v1/leads/{id}/campaigns — the lead's campaign memberships, messages and suppression
export const GET = route(
  {
    summary: "A lead's campaigns",
    tags: ["Leads"],
    auth: "leads:read",
    params: idParams,
    responses: { 200: { description: "Memberships, newest first", schema: leadCampaignsSchema } },
  },
  ({ ctx, params }) => listLeadCampaigns(ctx, params.id),
);
