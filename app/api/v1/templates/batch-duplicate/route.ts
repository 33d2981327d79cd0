import { route } from "@/lib/http/route";
import { batchResultSchema, templateIdsInput } from "@/lib/templates/template-schemas";
import { batchDuplicateTemplates } from "@/lib/templates/templates";

// POST /api/v1/templates/batch-duplicate — copy several templates; each id succeeds or fails alone
export const POST = route(
  {
    summary: "Duplicate templates in bulk",
    tags: ["Templates"],
    auth: "templates:write",
    body: templateIdsInput,
    responses: { 200: { description: "Per-id results", schema: batchResultSchema } },
  },
  ({ ctx, body }) => batchDuplicateTemplates(ctx, body.ids),
);
