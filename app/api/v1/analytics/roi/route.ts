import { analyticsQuery } from "@/lib/analytics/analytics-filters";
import { getRoi } from "@/lib/analytics/roi";
import { roiResponseSchema } from "@/lib/analytics/revenue-schemas";
import { route } from "@/lib/http/route";

// GET /api/v1/analytics/roi — campaign cost against the revenue of its won recipients
export const GET = route(
  {
    summary: "Return on investment",
    description:
      "Per campaign launched before the period's end: recipients among the leads in scope, those won in the period and their deal value (organization currency; others in `byCurrency`), the campaign's cost, and ROI = (revenue − cost) ÷ cost — null without a cost, with a zero cost, or with a cost in another currency. A lead in several campaigns counts for each. Per source: won leads and revenue; sources have no cost yet, so cost and ROI are null.",
    tags: ["Analytics"],
    auth: "analytics:read",
    query: analyticsQuery,
    responses: { 200: { description: "ROI per campaign and source", schema: roiResponseSchema } },
  },
  ({ ctx, query }) => getRoi(ctx, query),
);
