import { getLatestLeadAnalysis } from "@/lib/lead-analysis/analyze-lead";
import { leadAnalysisSchema } from "@/lib/lead-analysis/analysis-schemas";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// GET /api/v1/leads/{id}/analysis — the lead's latest analysis
export const GET = route(
  {
    summary: "Get a lead's latest analysis",
    description:
      "The most recent analysis of the lead. 404 `not_found` when the lead is not visible to the caller, or when it has never been analysed (the detail says which).",
    tags: ["AI", "Leads"],
    auth: "leads:read",
    params: idParams,
    responses: {
      200: { description: "The latest analysis", schema: leadAnalysisSchema },
      404: { description: "No such lead, or never analysed" },
    },
  },
  ({ ctx, params }) => getLatestLeadAnalysis(ctx, params.id),
);
