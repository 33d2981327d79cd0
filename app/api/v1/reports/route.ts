import {
  createReportInput,
  listReportsQuery,
  savedReportListSchema,
  savedReportSchema,
} from "@/lib/reports/report-schemas";
import { createSavedReport, listSavedReports } from "@/lib/reports/saved-reports";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// GET /api/v1/reports — the organization's saved reports, most recently changed first
export const GET = route(
  {
    summary: "List saved reports",
    description: "Keyset paged: pass `nextCursor` back as `cursor`.",
    tags: ["Reports"],
    auth: "reports:read",
    query: listReportsQuery,
    responses: { 200: { description: "Saved reports", schema: savedReportListSchema } },
  },
  ({ ctx, query }) => listSavedReports(ctx, query),
);

// POST /api/v1/reports — save a report definition, optionally emailed on a schedule
export const POST = route(
  {
    summary: "Save a report",
    description:
      "Saved reports are shared with the organization; each reader runs them with their own visibility. A schedule emails the report, run as its creator, to members of the organization, with the report attached as `schedule.format` (CSV by default; a file over 5 MB is left out and the email says so, keeping the link).",
    tags: ["Reports"],
    auth: "reports:write",
    body: createReportInput,
    responses: { 201: { description: "The saved report", schema: savedReportSchema } },
  },
  async ({ ctx, body }) => json(await createSavedReport(ctx, body), { status: 201 }),
);
