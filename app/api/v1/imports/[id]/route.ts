import { importSchema } from "@/lib/leads/import/import-schemas";
import { getImport } from "@/lib/leads/import/read-imports";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// GET /api/v1/imports/{id} — status, progress, counts and the first row errors
export const GET = route(
  {
    summary: "Get an import",
    tags: ["Imports"],
    auth: "leads:import",
    params: idParams,
    responses: { 200: { description: "The import", schema: importSchema } },
  },
  ({ ctx, params }) => getImport(ctx, params.id),
);
