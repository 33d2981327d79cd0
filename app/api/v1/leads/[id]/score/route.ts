import { z } from "zod";
import { getLeadOrThrow } from "@/lib/leads/get-lead";
import { rescoreLead } from "@/lib/leads/scoring/rescore-lead";
import { TEMPERATURES } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// POST /api/v1/leads/{id}/score — recompute the lead's score now
export const POST = route(
  {
    summary: "Recompute a lead's score",
    tags: ["Leads"],
    auth: "leads:write",
    params: idParams,
    responses: {
      200: {
        description: "The score now",
        schema: z.object({
          score: z.number().int(),
          temperature: z.enum(TEMPERATURES),
          overridden: z.boolean(),
          breakdown: z.array(z.object({ rule: z.string(), label: z.string(), points: z.number() })),
        }),
      },
    },
  },
  async ({ ctx, params }) => {
    assertCan(ctx, "leads:write");
    await getLeadOrThrow(ctx, params.id);
    await ctx.db.transaction((tx) => rescoreLead(tx, ctx, params.id, "recomputed on request"));
    const lead = await getLeadOrThrow(ctx, params.id);
    return {
      score: lead.score,
      temperature: lead.temperature,
      overridden: lead.scoreOverride !== null,
      breakdown: lead.scoreBreakdown,
    };
  },
);
