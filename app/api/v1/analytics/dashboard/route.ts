import { analyticsQuery } from "@/lib/analytics/analytics-filters";
import { getDashboard } from "@/lib/analytics/dashboard";
import { dashboardResponseSchema } from "@/lib/analytics/dashboard-schemas";
import { KPI_DEFINITIONS } from "@/lib/analytics/kpi-definitions";
import { route } from "@/lib/http/route";

// GET /api/v1/analytics/dashboard — KPIs plus the small series the manager dashboard draws
export const GET = route(
  {
    summary: "Manager dashboard",
    description: `The KPIs (below) plus, for the same scope: the conversion funnel of the leads created in the period, the top 8 sources, open pipeline by stage with deal value, leads created / first contacted / replied per bucket with the reply rate, and the score distribution (10-point buckets) of the leads created in the period.\n\n${KPI_DEFINITIONS}`,
    tags: ["Analytics"],
    auth: "analytics:read",
    query: analyticsQuery,
    responses: { 200: { description: "The dashboard", schema: dashboardResponseSchema } },
  },
  ({ ctx, query }) => getDashboard(ctx, query),
);
