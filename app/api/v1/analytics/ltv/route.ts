import { analyticsQuery } from "@/lib/analytics/analytics-filters";
import { getLtv } from "@/lib/analytics/ltv";
import { ltvResponseSchema } from "@/lib/analytics/revenue-schemas";
import { route } from "@/lib/http/route";

// GET /api/v1/analytics/ltv — lifetime value per won customer
export const GET = route(
  {
    summary: "Customer lifetime value",
    description:
      "A customer is a company (name trimmed, case-insensitive) or, without one, the lead. The cohort: customers whose first won deal (won_at) falls in the period; each one's value is the sum of all their won deals so far (organization currency; others in `byCurrency`). Average LTV = total ÷ customers; per source (the source of the customer's first won lead). Rows: the top 50 customers by value.",
    tags: ["Analytics"],
    auth: "analytics:read",
    query: analyticsQuery,
    responses: { 200: { description: "LTV per customer and source", schema: ltvResponseSchema } },
  },
  ({ ctx, query }) => getLtv(ctx, query),
);
