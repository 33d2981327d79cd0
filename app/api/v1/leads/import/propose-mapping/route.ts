import { proposeMappingFor } from "@/lib/leads/import/start-import";
import { proposedMappingSchema, proposeMappingInput } from "@/lib/leads/import/import-schemas";
import { route } from "@/lib/http/route";

// POST /api/v1/leads/import/propose-mapping — how a CSV's columns would map onto lead fields
export const POST = route(
  {
    summary: "Propose a column mapping",
    tags: ["Imports"],
    auth: "leads:import",
    body: proposeMappingInput,
    responses: { 200: { description: "The proposal", schema: proposedMappingSchema } },
  },
  ({ ctx, body }) => proposeMappingFor(ctx, body.headers),
);
