import { importSchema, listImportsQuery } from "@/lib/leads/import/import-schemas";
import { listImports } from "@/lib/leads/import/read-imports";
import { listSchema } from "@/lib/http/pagination";
import { listResponse } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// GET /api/v1/imports — the caller's imports (an admin's: everyone's), newest first
export const GET = route(
  {
    summary: "List imports",
    tags: ["Imports"],
    auth: "leads:import",
    query: listImportsQuery,
    responses: { 200: { description: "A page of imports", schema: listSchema(importSchema) } },
  },
  async ({ ctx, query }) => listResponse(await listImports(ctx, query)),
);
