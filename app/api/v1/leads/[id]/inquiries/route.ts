import { z } from "zod";
import { addInquiry, inquiryInput, inquirySchema, listInquiries } from "@/lib/leads/inquiries";
import { idParams } from "@/lib/http/params";
import { created } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// GET /api/v1/leads/{id}/inquiries — the lead's inquiries
export const GET = route(
  {
    summary: "List inquiries",
    tags: ["Leads"],
    auth: "leads:read",
    params: idParams,
    responses: {
      200: { description: "Inquiries", schema: z.object({ data: z.array(inquirySchema) }) },
    },
  },
  ({ ctx, params }) => listInquiries(ctx, params.id),
);

// POST /api/v1/leads/{id}/inquiries — record an inquiry; raises the lead's score
export const POST = route(
  {
    summary: "Add an inquiry",
    tags: ["Leads"],
    auth: "leads:write",
    params: idParams,
    body: inquiryInput,
    responses: {
      201: {
        description: "Recorded",
        schema: z.object({ inquiryId: z.uuid(), newScore: z.number().int() }),
      },
    },
  },
  async ({ ctx, params, body }) => created(await addInquiry(ctx, params.id, body)),
);
