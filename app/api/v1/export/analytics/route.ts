import { analyticsExportQuery, exportAnalyticsView } from "@/lib/reports/analytics-export";
import { fileResponse } from "@/lib/reports/table-export";
import { route } from "@/lib/http/route";

// GET /api/v1/export/analytics?report=…&format=csv|xlsx|pdf — an analytics view as a file
export const GET = route(
  {
    summary: "Export an analytics view",
    description:
      "`report` names the analytics view, and the file holds what its endpoint answers for the same filters and caller: kpis (/analytics/kpis), sources, status, timeline (/analytics/leads/…), campaigns (/analytics/campaigns), email-performance (by step), revenue (per bucket, with the totals), pipeline (the dashboard's open pipeline by stage), salespeople (/reports/salesperson-report), activity (/reports/activity-report, member × bucket). CSV (formula-safe), XLSX or PDF.",
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
