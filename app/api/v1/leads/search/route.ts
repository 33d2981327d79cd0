import { leadSchema } from "@/lib/leads/lead-schemas";
import { searchLeads, searchLeadsInput } from "@/lib/leads/search-leads";
import { listSchema } from "@/lib/http/pagination";
import { listResponse } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// POST /api/v1/leads/search — the lead list with an and/or filter tree
export const POST = route(
  {
    summary: "Search leads with a filter tree",
    tags: ["Leads"],
    auth: "leads:read",
    body: searchLeadsInput,
    responses: { 200: { description: "A page of leads", schema: listSchema(leadSchema) } },
  },
  async ({ ctx, body }) => listResponse(await searchLeads(ctx, body)),
);
