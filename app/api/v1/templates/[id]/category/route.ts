import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";
import { setCategoryInput, templateSchema } from "@/lib/templates/template-schemas";
import { setTemplateCategory } from "@/lib/templates/templates";

// PATCH /api/v1/templates/{id}/category — file a template under a category (null: none)
export const PATCH = route(
  {
    summary: "Set a template's category",
    tags: ["Templates"],
    auth: "templates:write",
    params: idParams,
    body: setCategoryInput,
    responses: { 200: { description: "Updated", schema: templateSchema } },
  },
  ({ ctx, params, body }) => setTemplateCategory(ctx, params.id, body),
);
