import { z } from "zod";
import { customFieldSchema, optionSchema } from "@/lib/leads/lead-options";
import { getLeadOptions } from "@/lib/leads/manage-options";
import { route } from "@/lib/http/route";

const schema = z
  .object({
    status: z.array(optionSchema),
    source: z.array(optionSchema),
    industry: z.array(optionSchema),
    lostReason: z.array(optionSchema),
    temperature: z.array(z.object({ value: z.string(), label: z.string() })),
    customFields: z.array(customFieldSchema),
  })
  .meta({ id: "LeadOptions" });

// GET /api/v1/lead-options — picklists, temperatures and custom fields for lead forms and imports
export const GET = route(
  {
    summary: "Lead field options",
    tags: ["Lead settings"],
    auth: "leads:read",
    responses: { 200: { description: "Picklists in order", schema } },
  },
  ({ ctx }) => getLeadOptions(ctx),
);
