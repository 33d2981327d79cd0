import { getTemplateUsage, templateUsageSchema } from "@/lib/campaigns/template-usage";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// GET /api/v1/templates/{id}/usage — the campaigns using a template and what they sent with it
export const GET = route(
  {
    summary: "Where an email template is used",
    tags: ["Templates"],
    auth: "templates:read",
    params: idParams,
    responses: { 200: { description: "Campaigns and messages sent", schema: templateUsageSchema } },
  },
  ({ ctx, params }) => getTemplateUsage(ctx, params.id),
);
