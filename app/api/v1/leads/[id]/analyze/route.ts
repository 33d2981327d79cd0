import { analyzeLead } from "@/lib/lead-analysis/analyze-lead";
import { leadAnalysisSchema } from "@/lib/lead-analysis/analysis-schemas";
import { idParams } from "@/lib/http/params";
import { created } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

// POST /api/v1/leads/{id}/analyze — analyse the lead now and keep the result
export const POST = route(
  {
    summary: "Analyse a lead",
    description:
      "Summarises the lead and its conversation, lists buying signals (with evidence) and risks, and suggests the next step — by the organization's model with its product context, or by the built-in rules (`mode: offline`) without one, over budget, or when the model fails. Each run is kept; `GET /leads/{id}/analysis` serves the latest.",
    tags: ["AI", "Leads"],
    auth: "leads:write",
    params: idParams,
    responses: { 201: { description: "The new analysis", schema: leadAnalysisSchema } },
  },
  async ({ ctx, params }) =>
    created(await analyzeLead(ctx, params.id), `/api/v1/leads/${params.id}/analysis`),
);
