import { extractInfo } from "@/lib/lead-analysis/extract-info";
import { extractInfoInput, extractedInfoSchema } from "@/lib/lead-analysis/analysis-schemas";
import { route } from "@/lib/http/route";

// POST /api/v1/ai/extract-info — contact fields from free text (e.g. an email signature)
export const POST = route(
  {
    summary: "Extract contact details from text",
    description:
      "Name, title, company, email, phone (E.164), website, LinkedIn and address, each with a 0–1 confidence — by the organization's model, or offline (`mode: offline`) by signature-parsing rules.",
    tags: ["AI"],
    auth: "leads:read",
    body: extractInfoInput,
    responses: { 200: { description: "The fields found", schema: extractedInfoSchema } },
  },
  ({ ctx, body }) => extractInfo(ctx, body),
);
