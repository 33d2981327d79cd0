import { analyticsQuery } from "@/lib/analytics/analytics-filters";
import { getRevenue } from "@/lib/analytics/revenue";
import { revenueResponseSchema } from "@/lib/analytics/revenue-schemas";
import { route } from "@/lib/http/route";

// GET /api/v1/analytics/revenue — won revenue over time, by owner and source, and the forecast
export const GET = route(
  {
    summary: "Revenue",
    description:
      "Deals won in the period (won_at): total in the organization currency (deals without a currency are in it; others in `byCurrency`, never converted), won count, average deal value (total ÷ won deals with a value in the organization currency), the previous period's total and the change, revenue per bucket (every bucket present), by owner and by source. Forecast: leads now in an open status with a deal value or expected close date, by expected close month (every month between the first and last present), and those without a date (`forecastUndated`).",
    tags: ["Analytics"],
    auth: "analytics:read",
    query: analyticsQuery,
    responses: { 200: { description: "Revenue analytics", schema: revenueResponseSchema } },
  },
  ({ ctx, query }) => getRevenue(ctx, query),
);
