import { analyticsQuery } from "@/lib/analytics/analytics-filters";
import { getConversion } from "@/lib/analytics/conversion-funnel";
import { conversionResponseSchema } from "@/lib/analytics/lead-analytics-schemas";
import { route } from "@/lib/http/route";

// GET /api/v1/analytics/leads/conversion — funnel across the ordered statuses
export const GET = route(
  {
    summary: "Lead conversion funnel",
    description:
      "The leads created in the period, across the ordered open statuses then the won ones: how many got at least as far as each stage (`entered`: reached it or a later one, from the status history — a lead moved from New straight to Demo counts for Contacted and Qualified too), conversion from the previous stage and from the first, and the median seconds spent in each status (from entering it to the lead's next status change; leads still in it are not counted). `won`/`lost`: cohort leads now in a won/lost status.",
    tags: ["Analytics"],
    auth: "analytics:read",
    query: analyticsQuery,
    responses: { 200: { description: "The funnel", schema: conversionResponseSchema } },
  },
  ({ ctx, query }) => getConversion(ctx, query),
);
