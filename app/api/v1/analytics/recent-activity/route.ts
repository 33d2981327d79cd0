import {
  recentActivityQuery,
  recentActivityResponseSchema,
} from "@/lib/analytics/dashboard-schemas";
import { getRecentActivity } from "@/lib/analytics/recent-activity";
import { route } from "@/lib/http/route";

// GET /api/v1/analytics/recent-activity — the latest happenings across the visible leads
export const GET = route(
  {
    summary: "Recent activity",
    description:
      "Newest first, within the period: leads created, status changes (`won` when into a won status), human replies received, calls logged on the leads in scope, and campaigns launched. At most `limit` (≤ 100) per page; pass `nextCursor` as `cursor` for the next page (keyset on time and id).",
    tags: ["Analytics"],
    auth: "analytics:read",
    query: recentActivityQuery,
    responses: { 200: { description: "A page of activity", schema: recentActivityResponseSchema } },
  },
  ({ ctx, query }) => getRecentActivity(ctx, query),
);
