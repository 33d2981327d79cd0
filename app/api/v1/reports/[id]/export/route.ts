import { exportSavedReport } from "@/lib/reports/export-report";
import { reportExportQuery, reportIdParams } from "@/lib/reports/report-schemas";
import { fileResponse } from "@/lib/reports/table-export";
import { route } from "@/lib/http/route";

// GET /api/v1/reports/{id}/export?format=csv|xlsx|pdf — a saved report, run now, as a file
export const GET = route(
  {
    summary: "Export a saved report",
    description:
      "Runs the report with the caller's visibility and returns it as CSV (formula-safe), XLSX or PDF.",
    tags: ["Reports"],
    auth: "reports:read",
    params: reportIdParams,
    query: reportExportQuery,
    responses: {
      200: {
        description:
          "The file: text/csv (default), application/vnd.openxmlformats-officedocument.spreadsheetml.sheet (format=xlsx) or application/pdf (format=pdf), as an attachment",
        contentType: "text/csv",
      },
    },
  },
  async ({ ctx, params, query }) => {
    const { bytes, fileName } = await exportSavedReport(ctx, params.id, query.format);
    return fileResponse(bytes, query.format, fileName);
  },
);
