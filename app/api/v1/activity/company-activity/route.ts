import { analyticsQuery } from "@/lib/analytics/analytics-filters";
import { getCompanyActivity } from "@/lib/analytics/people/activity-report";
import { companyActivitySchema } from "@/lib/analytics/people/people-analytics-schemas";
import { route } from "@/lib/http/route";

// GET /api/v1/activity/company-activity — activity totals per kind over time
export const GET = route(
  {
    summary: "Company activity",
    description:
      "Activity of everyone in the caller's scope per kind and per `interval` bucket of the period, with the totals of the period before and how many members were active.",
    tags: ["Activity"],
    auth: "analytics:read",
    query: analyticsQuery,
    responses: { 200: { description: "Company activity", schema: companyActivitySchema } },
  },
  ({ ctx, query }) => getCompanyActivity(ctx, query),
);
