import { cancelImport } from "@/lib/leads/import/control-import";
import { importSchema } from "@/lib/leads/import/import-schemas";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// POST /api/v1/imports/{id}/cancel — stop a queued or running import (rows done so far stay)
export const POST = route(
  {
    summary: "Cancel an import",
    tags: ["Imports"],
    auth: "leads:import",
    params: idParams,
    responses: { 200: { description: "The import, cancelled", schema: importSchema } },
  },
  ({ ctx, params }) => cancelImport(ctx, params.id),
);
