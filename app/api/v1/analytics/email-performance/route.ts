import { getEmailPerformance } from "@/lib/analytics/campaigns/email-performance";
import {
  emailPerformanceQuery,
  emailPerformanceSchema,
} from "@/lib/analytics/campaigns/campaign-analytics-schemas";
import { route } from "@/lib/http/route";

// GET /api/v1/analytics/email-performance — campaign mail by step, variant and send time
export const GET = route(
  {
    summary: "Email performance",
    description:
      "Campaign mail sent in the period: sent, open, click and reply rates by step, by variant and by weekday × hour of sending (UTC, or the IANA `timezone`).",
    tags: ["Analytics"],
    auth: "analytics:read",
    query: emailPerformanceQuery,
    responses: { 200: { description: "Email performance", schema: emailPerformanceSchema } },
  },
  ({ ctx, query }) => getEmailPerformance(ctx, query),
);
