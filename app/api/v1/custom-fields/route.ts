import { z } from "zod";
import { customFieldSchema } from "@/lib/leads/lead-options";
import {
  createCustomField,
  createCustomFieldInput,
  listCustomFields,
} from "@/lib/leads/manage-options";
import { created } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// GET /api/v1/custom-fields — the organization's custom lead fields
export const GET = route(
  {
    summary: "List custom fields",
    tags: ["Lead settings"],
    auth: "leads:read",
    responses: {
      200: {
        description: "Custom fields in order",
        schema: z.object({ data: z.array(customFieldSchema) }),
      },
    },
  },
  ({ ctx }) => listCustomFields(ctx),
);

// POST /api/v1/custom-fields — add a typed field to every lead
export const POST = route(
  {
    summary: "Create a custom field",
    tags: ["Lead settings"],
    auth: "lead_options:write",
    body: createCustomFieldInput,
    responses: {
      201: { description: "Created", schema: customFieldSchema },
      409: { description: "Key already used" },
    },
  },
  async ({ ctx, body }) => created(await createCustomField(ctx, body)),
);
