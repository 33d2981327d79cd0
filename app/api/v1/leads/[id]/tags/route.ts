import { addTags, addTagsInput } from "@/lib/leads/tags";
import { leadDetailSchema } from "@/lib/leads/lead-schemas";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// POST /api/v1/leads/{id}/tags — add tags
export const POST = route(
  {
    summary: "Add tags",
    tags: ["Leads"],
    auth: "leads:write",
    params: idParams,
    body: addTagsInput,
    responses: { 200: { description: "The lead with its tags", schema: leadDetailSchema } },
  },
  ({ ctx, params, body }) => addTags(ctx, params.id, body.tags),
);
