import { analyticsQuery } from "@/lib/analytics/analytics-filters";
import { getActivityReport } from "@/lib/analytics/people/activity-report";
import { activityReportSchema } from "@/lib/analytics/people/people-analytics-schemas";
import { route } from "@/lib/http/route";

// GET /api/v1/reports/activity-report — logins, calls, emails, follow-ups per member over time
export const GET = route(
  {
    summary: "Activity report",
    description:
      "Logins, calls, emails and follow-ups (and meetings, notes) per member in the caller's scope, per `interval` (day, week or month) of the period, every bucket present.",
    tags: ["Reports"],
    auth: "analytics:read",
    query: analyticsQuery,
    responses: { 200: { description: "The report", schema: activityReportSchema } },
  },
  ({ ctx, query }) => getActivityReport(ctx, query),
);
