import { getAbTests } from "@/lib/analytics/campaigns/ab-tests";
import { abTestsQuery, abTestsSchema } from "@/lib/analytics/campaigns/campaign-analytics-schemas";
import { route } from "@/lib/http/route";

// GET /api/v1/analytics/ab-tests — A/B results per campaign step
export const GET = route(
  {
    summary: "A/B test results",
    description:
      "For each campaign step with variants (optionally one `campaignId`): each variant's sample, successes (`metric`: reply, open or click) and rate with a 95% Wilson interval, a two-proportion z-test of the best against each other, and a `winner` only when significant (p < 0.05) with at least `minSample` reached messages per variant.",
    tags: ["Analytics"],
    auth: "analytics:read",
    query: abTestsQuery,
    responses: { 200: { description: "A/B tests", schema: abTestsSchema } },
  },
  ({ ctx, query }) => getAbTests(ctx, query),
);
