import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";
import { validateStoredTemplate } from "@/lib/templates/render-for-lead";
import { validationResultSchema } from "@/lib/templates/template-schemas";

// POST /api/v1/templates/{id}/validate — unknown variables, missing unsubscribe, broken links
export const POST = route(
  {
    summary: "Validate a template",
    tags: ["Templates"],
    auth: "templates:read",
    params: idParams,
    responses: {
      200: {
        description: "valid is false when any finding is an error",
        schema: validationResultSchema,
      },
    },
  },
  ({ ctx, params }) => validateStoredTemplate(ctx, params.id),
);
