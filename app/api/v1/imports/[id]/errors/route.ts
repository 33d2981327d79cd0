import { importErrorPages } from "@/lib/leads/import/read-imports";
import { csvResponse } from "@/lib/http/csv-response";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// GET /api/v1/imports/{id}/errors — every row error, as CSV (row, column, message)
export const GET = route(
  {
    summary: "Download an import's row errors",
    tags: ["Imports"],
    auth: "leads:import",
    params: idParams,
    responses: { 200: { description: "CSV: row, column, message", contentType: "text/csv" } },
  },
  async ({ ctx, params }) =>
    csvResponse(
      ["row", "column", "message"],
      await importErrorPages(ctx, params.id),
      `import-${params.id}-errors.csv`,
    ),
);
