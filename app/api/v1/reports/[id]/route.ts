import { reportIdParams, savedReportSchema, updateReportInput } from "@/lib/reports/report-schemas";
import { deleteSavedReport, getSavedReport, updateSavedReport } from "@/lib/reports/saved-reports";
import { route } from "@/lib/http/route";

// GET /api/v1/reports/{id} — one saved report
export const GET = route(
  {
    summary: "Get a saved report",
    tags: ["Reports"],
    auth: "reports:read",
    params: reportIdParams,
    responses: { 200: { description: "The saved report", schema: savedReportSchema } },
  },
  ({ ctx, params }) => getSavedReport(ctx, params.id),
);

// PUT /api/v1/reports/{id} — change a saved report: name, definition, schedule
export const PUT = route(
  {
    summary: "Update a saved report",
    description:
      "Its creator or an admin. `schedule: {frequency: daily|weekly|monthly|null, format, recipientIds}` sets or stops the emails; recipients must be members of the organization.",
    tags: ["Reports"],
    auth: "reports:write",
    params: reportIdParams,
    body: updateReportInput,
    responses: { 200: { description: "The saved report", schema: savedReportSchema } },
  },
  ({ ctx, params, body }) => updateSavedReport(ctx, params.id, body),
);

// DELETE /api/v1/reports/{id}
export const DELETE = route(
  {
    summary: "Delete a saved report",
    tags: ["Reports"],
    auth: "reports:write",
    params: reportIdParams,
    responses: { 204: { description: "Deleted" } },
  },
  async ({ ctx, params }) => {
    await deleteSavedReport(ctx, params.id);
  },
);
