import { getPriceTrends } from "@/lib/analytics/price-trends";
import { priceTrendsQuery, priceTrendsResponseSchema } from "@/lib/analytics/stats-schemas";
import { route } from "@/lib/http/route";

// GET /api/v1/stats/price-trends — listing prices by location and type, month by month
export const GET = route(
  {
    summary: "Listing price trends",
    description:
      "Per location, listing type and currency, every month of the period: listings listed that month (count, median and average asking price) and sold that month (count, median sold price). `location` and `type` filter case-insensitively; owner/team filters apply to the listing's owner when given (listings are the organization's inventory, seen by every member).",
    tags: ["Analytics"],
    auth: "analytics:read",
    query: priceTrendsQuery,
    responses: { 200: { description: "The monthly series", schema: priceTrendsResponseSchema } },
  },
  ({ ctx, query }) => getPriceTrends(ctx, query),
);
