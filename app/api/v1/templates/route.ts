import { created, listResponse } from "@/lib/http/responses";
import { listSchema } from "@/lib/http/pagination";
import { route } from "@/lib/http/route";
import {
  createTemplateInput,
  listTemplatesQuery,
  templateSchema,
} from "@/lib/templates/template-schemas";
import { createTemplate, listTemplates } from "@/lib/templates/templates";

// GET /api/v1/templates — the organization's email templates (search, category, my favorites)
export const GET = route(
  {
    summary: "List email templates",
    tags: ["Templates"],
    auth: "templates:read",
    query: listTemplatesQuery,
    responses: { 200: { description: "A page of templates", schema: listSchema(templateSchema) } },
  },
  async ({ ctx, query }) => listResponse(await listTemplates(ctx, query)),
);

// POST /api/v1/templates — create a template
export const POST = route(
  {
    summary: "Create an email template",
    tags: ["Templates"],
    auth: "templates:write",
    body: createTemplateInput,
    responses: { 201: { description: "Created", schema: templateSchema } },
  },
  async ({ ctx, body }) => {
    const template = await createTemplate(ctx, body);
    return created(template, `/api/v1/templates/${template.id}`);
  },
);
