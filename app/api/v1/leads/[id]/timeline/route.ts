import { getTimeline, timelinePageSchema, timelineQuery } from "@/lib/leads/timeline";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// GET /api/v1/leads/{id}/timeline — everything that happened to the lead, newest first
export const GET = route(
  {
    summary: "Lead timeline",
    tags: ["Leads"],
    auth: "leads:read",
    params: idParams,
    query: timelineQuery,
    responses: {
      200: {
        description: "A page of the timeline (follow `nextCursor`)",
        schema: timelinePageSchema,
      },
    },
  },
  ({ ctx, params, query }) => getTimeline(ctx, params.id, query),
);
