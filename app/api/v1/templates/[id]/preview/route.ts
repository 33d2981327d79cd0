import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";
import { previewTemplate } from "@/lib/templates/render-for-lead";
import { previewInput, renderedSchema } from "@/lib/templates/template-schemas";

// POST /api/v1/templates/{id}/preview — render a saved template for a lead the caller can see
export const POST = route(
  {
    summary: "Preview a template for a lead",
    tags: ["Templates"],
    auth: "templates:read",
    params: idParams,
    body: previewInput,
    responses: {
      200: { description: "Rendered parts and validation findings", schema: renderedSchema },
      404: { description: "No such template, or a lead the caller can't see" },
    },
  },
  ({ ctx, params, body }) => previewTemplate(ctx, params.id, body),
);
