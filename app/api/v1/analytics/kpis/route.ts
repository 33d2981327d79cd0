import { analyticsQuery } from "@/lib/analytics/analytics-filters";
import { kpisResponseSchema } from "@/lib/analytics/dashboard-schemas";
import { KPI_DEFINITIONS } from "@/lib/analytics/kpi-definitions";
import { getKpis } from "@/lib/analytics/kpis";
import { route } from "@/lib/http/route";

// GET /api/v1/analytics/kpis — the headline numbers with their change vs the previous period
export const GET = route(
  {
    summary: "Key performance indicators",
    description: KPI_DEFINITIONS,
    tags: ["Analytics"],
    auth: "analytics:read",
    query: analyticsQuery,
    responses: { 200: { description: "The KPIs", schema: kpisResponseSchema } },
  },
  ({ ctx, query }) => getKpis(ctx, query),
);
