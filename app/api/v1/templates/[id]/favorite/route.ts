import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";
import { templateSchema } from "@/lib/templates/template-schemas";
import { setFavorite } from "@/lib/templates/templates";

// POST /api/v1/templates/{id}/favorite — star a template (for the caller only)
export const POST = route(
  {
    summary: "Favorite a template",
    tags: ["Templates"],
    auth: "templates:personal",
    params: idParams,
    responses: { 200: { description: "Starred", schema: templateSchema } },
  },
  ({ ctx, params }) => setFavorite(ctx, params.id, true),
);

// DELETE /api/v1/templates/{id}/favorite — unstar a template
export const DELETE = route(
  {
    summary: "Unfavorite a template",
    tags: ["Templates"],
    auth: "templates:personal",
    params: idParams,
    responses: { 200: { description: "Unstarred", schema: templateSchema } },
  },
  ({ ctx, params }) => setFavorite(ctx, params.id, false),
);
