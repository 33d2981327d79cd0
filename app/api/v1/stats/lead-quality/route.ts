import { analyticsQuery } from "@/lib/analytics/analytics-filters";
import { getLeadQuality } from "@/lib/analytics/lead-quality";
import { leadQualityResponseSchema } from "@/lib/analytics/stats-schemas";
import { route } from "@/lib/http/route";

// GET /api/v1/stats/lead-quality — temperature and score bands per source, with won rate
export const GET = route(
  {
    summary: "Lead quality by source",
    description:
      "Per source of the leads created in the period: count, average score, share by temperature (hot, warm, cold) and by score band (low < 40, medium 40–69, high ≥ 70), and won (in a won status now) with won ÷ count.",
    tags: ["Analytics"],
    auth: "analytics:read",
    query: analyticsQuery,
    responses: { 200: { description: "Lead quality", schema: leadQualityResponseSchema } },
  },
  ({ ctx, query }) => getLeadQuality(ctx, query),
);
