import { analyticsQuery, getLeadAnalytics, leadAnalyticsSchema } from "@/lib/leads/tracked-events";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// GET /api/v1/leads/{id}/analytics — the lead's tracked events, by type and by day
export const GET = route(
  {
    summary: "Lead analytics",
    tags: ["Leads"],
    auth: "leads:read",
    params: idParams,
    query: analyticsQuery,
    responses: {
      200: { description: "Events (default: the last 90 days)", schema: leadAnalyticsSchema },
    },
  },
  ({ ctx, params, query }) => getLeadAnalytics(ctx, params.id, query),
);
