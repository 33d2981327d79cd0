import { generateReport } from "@/lib/reports/generate-report";
import { generateReportInput, reportResultSchema } from "@/lib/reports/report-schemas";
import { route } from "@/lib/http/route";

// POST /api/v1/reports/generate — run a custom report definition (nothing stored)
export const POST = route(
  {
    summary: "Run a custom report",
    description:
      "A dataset (leads, deals, messages, activities), up to two dimensions, metrics, filters on the dataset's fields, the period and scope (AnalyticsQuery), sort and limit (≤ 1000 groups). Only names from the report catalog are accepted; the caller's visibility always applies (reps their own numbers, managers their team's).",
    tags: ["Reports"],
    auth: "reports:read",
    body: generateReportInput,
    responses: { 200: { description: "The report's table", schema: reportResultSchema } },
  },
  ({ ctx, body }) => generateReport(ctx, body.definition),
);
