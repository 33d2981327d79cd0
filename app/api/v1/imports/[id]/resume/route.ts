import { resumeImport } from "@/lib/leads/import/control-import";
import { importSchema } from "@/lib/leads/import/import-schemas";
import { idParams } from "@/lib/http/params";
import { accepted } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// POST /api/v1/imports/{id}/resume — continue a failed import from its last committed row
export const POST = route(
  {
    summary: "Resume a failed import",
    tags: ["Imports"],
    auth: "leads:import",
    params: idParams,
    responses: { 202: { description: "Queued again", schema: importSchema } },
  },
  async ({ ctx, params }) => accepted(await resumeImport(ctx, params.id)),
);
