import { customFieldSchema } from "@/lib/leads/lead-options";
import {
  archiveCustomField,
  updateCustomField,
  updateCustomFieldInput,
} from "@/lib/leads/manage-options";
import { idParams } from "@/lib/http/params";
import { noContent } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// PATCH /api/v1/custom-fields/{id} — relabel, reorder, change options or requiredness, archive
export const PATCH = route(
  {
    summary: "Update a custom field",
    tags: ["Lead settings"],
    auth: "lead_options:write",
    params: idParams,
    body: updateCustomFieldInput,
    responses: { 200: { description: "Updated", schema: customFieldSchema } },
  },
  ({ ctx, params, body }) => updateCustomField(ctx, params.id, body),
);

// DELETE /api/v1/custom-fields/{id} — archive (values on leads are kept)
export const DELETE = route(
  {
    summary: "Archive a custom field",
    tags: ["Lead settings"],
    auth: "lead_options:write",
    params: idParams,
    responses: { 204: { description: "Archived" } },
  },
  async ({ ctx, params }) => {
    await archiveCustomField(ctx, params.id);
    return noContent();
  },
);
