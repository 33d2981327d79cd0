import { exportLeads, exportLeadsQuery } from "@/lib/leads/export-leads";
import { csvResponse } from "@/lib/http/csv-response";
import { route } from "@/lib/http/route";

// GET /api/v1/leads/export?format=csv — the filtered leads as a streamed CSV download
export const GET = route(
  {
    summary: "Export leads",
    tags: ["Leads"],
    auth: "leads:export",
    query: exportLeadsQuery,
    responses: { 200: { description: "CSV, one lead per row", contentType: "text/csv" } },
  },
  async ({ ctx, query }) => {
    const { header, pages } = await exportLeads(ctx, query);
    return csvResponse(header, pages, `leads-${new Date().toISOString().slice(0, 10)}.csv`);
  },
);
