import { createLead } from "@/lib/leads/create-lead";
import { createLeadInput, leadDetailSchema, leadSchema } from "@/lib/leads/lead-schemas";
import { listLeads, listLeadsQuery, parseLeadQuery } from "@/lib/leads/list-leads";
import { listSchema } from "@/lib/http/pagination";
import { created, listResponse } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// GET /api/v1/leads — the leads the caller can see: filters, search, sort, page or cursor
export const GET = route(
  {
    summary: "List leads",
    tags: ["Leads"],
    auth: "leads:read",
    query: listLeadsQuery,
    responses: { 200: { description: "A page of leads", schema: listSchema(leadSchema) } },
  },
  async ({ ctx, query }) => listResponse(await listLeads(ctx, parseLeadQuery(query))),
);

// POST /api/v1/leads — create a lead
export const POST = route(
  {
    summary: "Create a lead",
    tags: ["Leads"],
    auth: "leads:write",
    body: createLeadInput,
    responses: {
      201: { description: "Created", schema: leadDetailSchema },
      409: { description: "A lead with this email exists (`existingId`)" },
    },
  },
  async ({ ctx, body }) => {
    const lead = await createLead(ctx, body, {
      defaultSource: ctx.auth.method === "api_key" ? "api" : "manual",
    });
    return created(lead, `/api/v1/leads/${lead.id}`);
  },
);
