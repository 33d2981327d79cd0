import { analyticsExportQuery, exportAnalyticsView } from "@/lib/reports/analytics-export";
import { fileResponse } from "@/lib/reports/table-export";
import { route } from "@/lib/http/route";

// GET /api/v1/export/analytics?report=…&format=csv|xlsx|pdf — an analytics view as a file
export const GET = route(
  {
    summary: "Export an analytics view",
    description:
      "`report`: kpis, sources, status, timeline, campaigns, email-performance, revenue, pipeline, salespeople, activity — with the analytics filters (period, owners/team, sources, campaign) and the caller's visibility. CSV (formula-safe), XLSX or PDF.",
    tags: ["Reports"],
    auth: "reports:read",
    query: analyticsExportQuery,
    responses: {
      200: {
        description:
          "The file: text/csv (default), application/vnd.openxmlformats-officedocument.spreadsheetml.sheet or application/pdf, as an attachment",
        contentType: "text/csv",
      },
    },
  },
  async ({ ctx, query }) => {
    const { bytes, fileName, format } = await exportAnalyticsView(ctx, query);
    return fileResponse(bytes, format, fileName);
  },
);
