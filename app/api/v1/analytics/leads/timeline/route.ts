import {
  leadTimelineQuery,
  leadTimelineResponseSchema,
} from "@/lib/analytics/lead-analytics-schemas";
import { getLeadTimeline } from "@/lib/analytics/lead-breakdowns";
import { route } from "@/lib/http/route";

// GET /api/v1/analytics/leads/timeline — leads created per day, week or month
export const GET = route(
  {
    summary: "Leads created over time",
    description:
      "Leads created per bucket (`interval`: day, ISO week starting Monday, or month; UTC), every bucket of the period present. `bySource=true` splits each bucket by source.",
    tags: ["Analytics"],
    auth: "analytics:read",
    query: leadTimelineQuery,
    responses: { 200: { description: "The series", schema: leadTimelineResponseSchema } },
  },
  ({ ctx, query }) => getLeadTimeline(ctx, query),
);
