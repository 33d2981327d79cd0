import { idParams } from "@/lib/http/params";
import { noContent } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import {
  replaceTemplateInput,
  templateSchema,
  updateTemplateInput,
} from "@/lib/templates/template-schemas";
import { deleteTemplate, getTemplate, updateTemplate } from "@/lib/templates/templates";

// GET /api/v1/templates/{id} — one template
export const GET = route(
  {
    summary: "Get an email template",
    tags: ["Templates"],
    auth: "templates:read",
    params: idParams,
    responses: { 200: { description: "The template", schema: templateSchema } },
  },
  ({ ctx, params }) => getTemplate(ctx, params.id),
);

// PUT /api/v1/templates/{id} — replace every field of a template
export const PUT = route(
  {
    summary: "Replace an email template",
    tags: ["Templates"],
    auth: "templates:write",
    params: idParams,
    body: replaceTemplateInput,
    responses: { 200: { description: "Replaced", schema: templateSchema } },
  },
  ({ ctx, params, body }) => updateTemplate(ctx, params.id, body),
);

// PATCH /api/v1/templates/{id} — change some fields of a template
export const PATCH = route(
  {
    summary: "Update an email template",
    tags: ["Templates"],
    auth: "templates:write",
    params: idParams,
    body: updateTemplateInput,
    responses: { 200: { description: "Updated", schema: templateSchema } },
  },
  ({ ctx, params, body }) => updateTemplate(ctx, params.id, body),
);

// DELETE /api/v1/templates/{id} — delete a template
export const DELETE = route(
  {
    summary: "Delete an email template",
    tags: ["Templates"],
    auth: "templates:write",
    params: idParams,
    responses: { 204: { description: "Deleted" } },
  },
  async ({ ctx, params }) => {
    await deleteTemplate(ctx, params.id);
    return noContent();
  },
);
