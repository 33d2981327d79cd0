import { route } from "@/lib/http/route";
import { batchResultSchema, templateIdsInput } from "@/lib/templates/template-schemas";
import { batchDeleteTemplates } from "@/lib/templates/templates";

const definition = {
  summary: "Delete templates in bulk",
  tags: ["Templates"],
  auth: "templates:write" as const,
  body: templateIdsInput,
  responses: { 200: { description: "Per-id results", schema: batchResultSchema } },
};

// DELETE /api/v1/templates/batch-delete — delete several templates; each id succeeds or fails alone
export const DELETE = route(definition, ({ ctx, body }) => batchDeleteTemplates(ctx, body.ids));

// POST /api/v1/templates/batch-delete — the same, for clients that can't send a DELETE body
export const POST = route(definition, ({ ctx, body }) => batchDeleteTemplates(ctx, body.ids));
