import { analyticsQuery } from "@/lib/analytics/analytics-filters";
import { salespersonReportSchema } from "@/lib/analytics/people/people-analytics-schemas";
import { getSalespersonReport } from "@/lib/analytics/people/salesperson-report";
import { route } from "@/lib/http/route";

// GET /api/v1/reports/salesperson-report — each member's results in the period
export const GET = route(
  {
    summary: "Salesperson report",
    description:
      "Per member in the caller's scope (reps themselves, managers their team; `ownerId`/`teamId` narrow it): leads assigned in the period, of those contacted and won, conversion rate, deals won in the period and their value, average deal, open pipeline now, median response time to a lead's reply, calls and emails.",
    tags: ["Reports"],
    auth: "analytics:read",
    query: analyticsQuery,
    responses: { 200: { description: "The report", schema: salespersonReportSchema } },
  },
  ({ ctx, query }) => getSalespersonReport(ctx, query),
);
