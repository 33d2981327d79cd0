import { analyticsQuery } from "@/lib/analytics/analytics-filters";
import { getConversion } from "@/lib/analytics/conversion-funnel";
import { conversionResponseSchema } from "@/lib/analytics/lead-analytics-schemas";
import { route } from "@/lib/http/route";

// GET /api/v1/stats/conversion-funnel — seed 003's name for the conversion funnel
export const GET = route(
  {
    summary: "Conversion funnel",
    description:
      "Same as GET /analytics/leads/conversion: the leads created in the period across the ordered open then won statuses — how many got at least as far as each stage, stage-to-stage conversion and median seconds in each status.",
    tags: ["Analytics"],
    auth: "analytics:read",
    query: analyticsQuery,
    responses: { 200: { description: "The funnel", schema: conversionResponseSchema } },
  },
  ({ ctx, query }) => getConversion(ctx, query),
);
