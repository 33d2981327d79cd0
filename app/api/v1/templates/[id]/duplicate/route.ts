import { idParams } from "@/lib/http/params";
import { created } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { templateSchema } from "@/lib/templates/template-schemas";
import { duplicateTemplate } from "@/lib/templates/templates";

// POST /api/v1/templates/{id}/duplicate — copy a template as "<name> (copy)"
export const POST = route(
  {
    summary: "Duplicate an email template",
    tags: ["Templates"],
    auth: "templates:write",
    params: idParams,
    responses: { 201: { description: "The copy", schema: templateSchema } },
  },
  async ({ ctx, params }) => {
    const copy = await duplicateTemplate(ctx, params.id);
    return created(copy, `/api/v1/templates/${copy.id}`);
  },
);
