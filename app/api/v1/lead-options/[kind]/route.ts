import { z } from "zod";
import { optionSchema } from "@/lib/leads/lead-options";
import {
  optionKindParam,
  replaceLeadOptions,
  replaceOptionsInput,
} from "@/lib/leads/manage-options";
import { route } from "@/lib/http/route";

// PUT /api/v1/lead-options/{kind} — replace one picklist (status, source, industry, lost_reason)
export const PUT = route(
  {
    summary: "Replace a picklist",
    description:
      "Order is kept as given; slugs never change; values in use can be retired, not removed.",
    tags: ["Lead settings"],
    auth: "lead_options:write",
    params: optionKindParam,
    body: replaceOptionsInput,
    responses: {
      200: { description: "The picklist now", schema: z.object({ data: z.array(optionSchema) }) },
      409: { description: "A removed value is still used by leads" },
    },
  },
  async ({ ctx, params, body }) => ({ data: await replaceLeadOptions(ctx, params.kind, body) }),
);
