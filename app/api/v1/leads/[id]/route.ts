import { deleteLead } from "@/lib/leads/delete-lead";
import { getLead, getLeadQuery } from "@/lib/leads/get-lead";
import { createLeadInput, leadDetailSchema, updateLeadInput } from "@/lib/leads/lead-schemas";
import { updateLead } from "@/lib/leads/update-lead";
import { idParams } from "@/lib/http/params";
import { noContent } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// GET /api/v1/leads/{id} — one lead with its score breakdown (or, with deleted=true, from the trash)
export const GET = route(
  {
    summary: "Get a lead",
    tags: ["Leads"],
    auth: "leads:read",
    params: idParams,
    query: getLeadQuery,
    responses: { 200: { description: "The lead", schema: leadDetailSchema } },
  },
  ({ ctx, params, query }) => getLead(ctx, params.id, query),
);

// PATCH /api/v1/leads/{id} — change the given fields
export const PATCH = route(
  {
    summary: "Update a lead",
    tags: ["Leads"],
    auth: "leads:write",
    params: idParams,
    body: updateLeadInput,
    responses: {
      200: { description: "Updated", schema: leadDetailSchema },
      409: { description: "Email used by another lead" },
    },
  },
  ({ ctx, params, body }) => updateLead(ctx, params.id, body, "patch"),
);

// PUT /api/v1/leads/{id} — replace the lead's fields (absent fields are emptied)
export const PUT = route(
  {
    summary: "Replace a lead",
    tags: ["Leads"],
    auth: "leads:write",
    params: idParams,
    body: createLeadInput,
    responses: {
      200: { description: "Replaced", schema: leadDetailSchema },
      409: { description: "Email used by another lead" },
    },
  },
  ({ ctx, params, body }) => updateLead(ctx, params.id, body, "put"),
);

// DELETE /api/v1/leads/{id} — move to the trash (restorable)
export const DELETE = route(
  {
    summary: "Delete a lead",
    tags: ["Leads"],
    auth: "leads:delete",
    params: idParams,
    responses: { 204: { description: "Deleted (restorable)" } },
  },
  async ({ ctx, params }) => {
    await deleteLead(ctx, params.id);
    return noContent();
  },
);
