import { route } from "@/lib/http/route";
import { renderDraft } from "@/lib/templates/render-for-lead";
import { renderInput, renderedSchema } from "@/lib/templates/template-schemas";

// POST /api/v1/templates/render — render unsaved parts with a lead's and/or given variables
export const POST = route(
  {
    summary: "Render a template",
    tags: ["Templates"],
    auth: "templates:read",
    body: renderInput,
    responses: {
      200: { description: "Rendered parts and validation findings", schema: renderedSchema },
      404: { description: "A lead the caller can't see" },
    },
  },
  ({ ctx, body }) => renderDraft(ctx, body),
);
