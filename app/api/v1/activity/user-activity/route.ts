import { getUserActivity } from "@/lib/analytics/people/user-activity";
import {
  userActivityQuery,
  userActivitySchema,
} from "@/lib/analytics/people/people-analytics-schemas";
import { route } from "@/lib/http/route";

// GET /api/v1/activity/user-activity — one member's activity
export const GET = route(
  {
    summary: "A member's activity",
    description:
      "One member's (`userId`, default the caller) activity in the period: totals per kind, counts per day (`interval`), and the acts newest first (`limit`, `cursor`). Reps see their own, managers their team's, admins anyone's; a member of another organization is a 404.",
    tags: ["Activity"],
    auth: "analytics:read",
    query: userActivityQuery,
    responses: { 200: { description: "The member's activity", schema: userActivitySchema } },
  },
  ({ ctx, query }) => getUserActivity(ctx, query),
);
