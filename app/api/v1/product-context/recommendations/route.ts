import { recommendTargets } from "@/lib/product-context/recommend-targets";
import {
  recommendationsQuery,
  recommendationsSchema,
} from "@/lib/product-context/recommendation-schemas";
import { route } from "@/lib/http/route";

// GET /api/v1/product-context/recommendations — segments worth targeting, with their evidence
export const GET = route(
  {
    summary: "Get targeting recommendations",
    description:
      "Win rates and counts of the caller's visible leads by industry, source, job title and company size (when kept in a custom field), compared with the overall rate and the context's target industries: non-target industries that win, strong and weak segments, target industries without a win. Each carries its numbers. `narrative=true` lets the organization's model word the summary (`mode: llm`); the numbers always come from the data.",
    tags: ["Product context"],
    auth: "product_context:read",
    query: recommendationsQuery,
    responses: { 200: { description: "Recommendations", schema: recommendationsSchema } },
  },
  ({ ctx, query }) => recommendTargets(ctx, query),
);
